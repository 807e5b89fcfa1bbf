// Properties of the event parser over generated input (seeded: the seed is printed, and
// VIGIE_TEST_SEED=<n> replays a run):
// - random bytes and random mutations of valid events never crash, and every outcome is either
//   an event whose `raw` parses back to the same event, or a refusal naming a field and a reason;
// - an expense built from random values is accepted with exactly those values, and parsing its
//   `raw` again gives the same event (the archive can be replayed).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/json_writer.hpp"
#include "events/catalogue.hpp"
#include "events/parse.hpp"
#include "support/json_edit.hpp"
#include "support/random.hpp"

namespace vigie::events {
namespace {

using testing::json_quoted;
using testing::Random;
using testing::seeded_random;
using testing::with_member;

constexpr int kRandomInputs = 3000;
constexpr int kMutatedInputs = 4000;
constexpr int kRoundTrips = 2000;

// Valid events of several shapes: every kind of field (text, number, integer, boolean, date,
// choice, list, object, nullable) appears in at least one, so mutations reach every rule.
constexpr std::string_view kValidEvents[] = {
    R"({"id":"e-1","type":"expense.recorded","site_id":"CH-2025-017",)"
    R"("occurred_at":"2026-11-24T08:15:00+01:00","source":"mobile","actor_id":"P-0042",)"
    R"("data":{"amount":1250.0,"category":"material"}})",
    R"({"id":"e-2","type":"site.upserted","site_id":"CH-1","occurred_at":"2026-01-05T09:00:00Z",)"
    R"("source":"erp","data":{"id":"CH-1","name":"Lyon Tertiaire – Tour Oxygène",)"
    R"("client":"Foncière Rhône","type":"tertiaire","region":"Auvergne-Rhône-Alpes","city":"Lyon",)"
    R"("lat":45.7603,"lon":4.8597,"budget_total":250000,"budget_material":100000,)"
    R"("planned_start":"2026-01-05","planned_end":"2026-12-18","actual_end":null,"status":"active",)"
    R"("complexity":3,"manager_id":"P-0002","chief_id":"P-0001","team_id":null,)"
    R"("subcontractors":2,"required_skills":["gros oeuvre","électricité"]}})",
    R"({"id":"e-3","type":"person.upserted","site_id":null,"occurred_at":"2026-01-05T09:00:00Z",)"
    R"("source":"batch","data":{"id":"P-0042","name":"Jeanne Martin","role":"chief",)"
    R"("experience_years":7,"home_lat":45.75,"home_lon":null,"skills":["plomberie"],)"
    R"("hourly_cost":38.5,"preferences":{"types":["tertiaire"]}}})",
    R"({"id":"e-4","type":"timesheet.recorded","site_id":"CH-1",)"
    R"("occurred_at":"2026-11-24T18:00:00.500+01:00","source":"web",)"
    R"("data":{"person_id":"P-0042","date":"2026-11-24","hours_total":8,"hours_billable":7.5}})",
    R"({"id":"e-5","type":"report.submitted","site_id":"CH-1","occurred_at":"2026-11-24T17:00:00Z",)"
    R"("source":"web","data":{"report_id":"R-1","kind":"hebdomadaire","writing_minutes":25,)"
    R"("sent_to_client":false}})",
    R"({"id":"e-6","type":"incident.opened","site_id":"CH-1","occurred_at":"2026-03-29T03:10:00+02:00",)"
    R"("source":"mobile","data":{"incident_id":"I-1","description":"Fuite \"importante\" au R+2\n",)"
    R"("category":"technical","severity":null,"urgency":"4h"}})",
    R"({"id":"e-7","type":"vehicle.upserted","site_id":null,"occurred_at":"2026-01-05T09:00:00Z",)"
    R"("source":"erp","data":{"id":"V-01","kind":"fourgon","available_from":"2026-01-01",)"
    R"("available_to":"2026-12-31"}})",
    R"({"id":"e-8","type":"weather.forecast","site_id":"CH-1","occurred_at":"2026-11-24T06:00:00Z",)"
    R"("source":"webhook","data":{"date":"2026-11-24","rain_days_7d":3,"snow_days_7d":0,)"
    R"("frost_days_7d":2}})",
};

bool same_event(const Event& a, const Event& b) {
  return a.id == b.id && a.type == b.type && a.site_id == b.site_id &&
         a.occurred_at == b.occurred_at && a.source == b.source && a.actor_id == b.actor_id &&
         a.data == b.data && a.raw == b.raw;
}

// Fields are names from the envelope and the catalogue, never text taken from the input.
bool is_known_field(std::string_view field) {
  static constexpr std::string_view kEnvelopeFields[] = {
      "event", "id", "type", "site_id", "occurred_at", "source", "actor_id", "data"};
  if (std::find(std::begin(kEnvelopeFields), std::end(kEnvelopeFields), field) !=
      std::end(kEnvelopeFields)) {
    return true;
  }
  return field.rfind("data.", 0) == 0;
}

// The property every input must satisfy, whatever it is.
void expect_accepted_and_stable_or_refused_with_reason(std::string_view input) {
  const auto result = parse_event(input);
  if (!result) {
    EXPECT_EQ(result.error().code, ErrorCode::invalid);
    EXPECT_FALSE(result.error().field.empty());
    EXPECT_FALSE(result.error().message.empty());
    EXPECT_TRUE(is_known_field(result.error().field)) << result.error().field;
    return;
  }
  const auto again = parse_event(result->raw);
  ASSERT_TRUE(again) << "raw of an accepted event is refused: " << again.error().describe()
                     << "\nraw: " << result->raw;
  EXPECT_TRUE(same_event(*result, *again)) << "raw: " << result->raw;
}

void expect_body_outcome_consistent(std::string_view body, std::size_t max_events) {
  const auto parsed = parse_body(body, max_events);
  if (!parsed) {
    EXPECT_EQ(parsed.error().field, "body");
    EXPECT_FALSE(parsed.error().message.empty());
    return;
  }
  ASSERT_EQ(parsed->events.size(), parsed->positions.size());
  ASSERT_EQ(parsed->events.size() + parsed->refused.size(), parsed->total);
  // Every index of the sender's array is either accepted or refused, once.
  std::vector<int> seen(parsed->total, 0);
  for (const std::size_t position : parsed->positions) {
    ASSERT_LT(position, parsed->total);
    ++seen[position];
  }
  for (const Refusal& refusal : parsed->refused) {
    ASSERT_LT(refusal.index, parsed->total);
    ++seen[refusal.index];
    EXPECT_FALSE(refusal.error.field.empty());
    EXPECT_FALSE(refusal.error.message.empty());
  }
  EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  EXPECT_TRUE(std::is_sorted(parsed->positions.begin(), parsed->positions.end()));
}

// Bytes biased towards JSON's own characters, so that some inputs get past the tokenizer.
std::string random_input(Random& random) {
  static constexpr std::string_view kJsonish = R"({}[]",:0123456789.-+eE truefalsn\)";
  const std::size_t length = random.index(300);
  if (random.chance(0.5)) return random.bytes(length);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out.push_back(kJsonish[random.index(kJsonish.size())]);
  return out;
}

std::string random_json_value(Random& random, int depth);

std::string random_json_container(Random& random, int depth) {
  const bool is_array = random.chance(0.5);
  std::string out = is_array ? "[" : "{";
  const std::int64_t count = depth > 2 ? 0 : random.integer(0, 3);
  for (std::int64_t i = 0; i < count; ++i) {
    if (i > 0) out += ",";
    if (!is_array) out += json_quoted(random.utf8_text(12)) + ":";
    out += random_json_value(random, depth + 1);
  }
  return out + (is_array ? "]" : "}");
}

// A JSON value meant to break a rule: wrong kinds, edges of bounds, near-dates, choices.
std::string random_json_value(Random& random, int depth) {
  static constexpr std::string_view kEdgeNumbers[] = {"0",
                                                      "-0",
                                                      "0.0",
                                                      "-1",
                                                      "1",
                                                      "5",
                                                      "6",
                                                      "7",
                                                      "8",
                                                      "24",
                                                      "24.000001",
                                                      "90",
                                                      "-90.0000001",
                                                      "100",
                                                      "100.5",
                                                      "180",
                                                      "366",
                                                      "1440",
                                                      "5000",
                                                      "10000",
                                                      "1e308",
                                                      "-1e308",
                                                      "5e-324",
                                                      "1e400",
                                                      "9223372036854775807",
                                                      "9223372036854775808",
                                                      "18446744073709551616",
                                                      "-9223372036854775809",
                                                      "1.5",
                                                      "2.5e1",
                                                      "1E2"};
  static constexpr std::string_view kEdgeTexts[] = {
      R"("")",           R"("2026-11-24")",          R"("2026-02-30")",
      R"("2028-02-29")", R"("2026-11-24T08:15:00")", R"("2026-11-24T08:15:00+01:00")",
      R"("0000-00-00")", R"("9999-12-31")",          R"("2026-1-1")",
      R"("\u0000")",     R"("\ud83d\ude00")",        R"("\ud800")",
      R"("CH-1")",       R"("expense.recorded")"};
  switch (random.integer(0, 9)) {
    case 0:
      return "null";
    case 1:
      return random.chance(0.5) ? "true" : "false";
    case 2:
      return std::to_string(random.integer(-10, 10));
    case 3:
      return std::to_string(static_cast<std::int64_t>(random.next()));
    case 4:
      return format_json_number(random.real(-1e6, 1e6));
    case 5:
      return std::string{kEdgeNumbers[random.index(std::size(kEdgeNumbers))]};
    case 6:
      return json_quoted(random.chance(0.1) ? std::string(random.index(300), 'x')
                                            : random.utf8_text(40));
    case 7:
      return std::string{kEdgeTexts[random.index(std::size(kEdgeTexts))]};
    case 8: {
      // A value some catalogue choice allows, which may be the wrong one for this field.
      static constexpr std::span<const std::string_view> kChoices[] = {
          kSiteTypes,  kSiteStatuses, kPersonRoles,  kExpenseCategories, kIncidentCategories,
          kSeverities, kUrgencies,    kRequestKinds, kRespondents,       kSourceNames};
      const auto choices = kChoices[random.index(std::size(kChoices))];
      return json_quoted(choices[random.index(choices.size())]);
    }
    default:
      return random_json_container(random, depth);
  }
}

// The names of the members of a JSON object given as text (empty when it is not one).
std::vector<std::string> member_names(std::string_view object) {
  simdjson::dom::parser parser;
  std::vector<std::string> names;
  const auto doc = parser.parse(object.data(), object.size(), true);
  if (doc.error() || !doc.value_unsafe().is_object()) return names;
  const simdjson::dom::object members = doc.value_unsafe().get_object().value_unsafe();
  for (const auto member : members) {
    names.emplace_back(member.key);
  }
  return names;
}

std::string data_of(std::string_view event) {
  simdjson::dom::parser parser;
  const auto doc = parser.parse(event.data(), event.size(), true);
  return simdjson::minify(doc.value_unsafe()["data"].value_unsafe());
}

// Sets, removes or adds one member of the envelope or of its data to a random value.
std::string structural_mutation(Random& random, std::string_view event) {
  const bool in_data = random.chance(0.7);
  const std::string target = in_data ? data_of(event) : std::string{event};
  std::vector<std::string> names = member_names(target);
  names.emplace_back("extra");
  const std::string& name = names[random.index(names.size())];
  const std::string changed = random.chance(0.2)
                                  ? testing::without_member(target, name)
                                  : with_member(target, name, random_json_value(random, 0));
  return in_data ? with_member(event, "data", changed) : changed;
}

std::string byte_mutation(Random& random, std::string text) {
  static constexpr std::string_view kSpecial = R"({}[]",:\0-9.eE )";
  const std::int64_t rounds = random.integer(1, 3);
  for (std::int64_t round = 0; round < rounds && !text.empty(); ++round) {
    const std::size_t at = random.index(text.size());
    const std::size_t span = std::min<std::size_t>(text.size() - at, random.index(8) + 1);
    switch (random.integer(0, 5)) {
      case 0:
        text[at] = static_cast<char>(random.next() & 0xFF);
        break;
      case 1:
        text.erase(at, span);
        break;
      case 2:
        text.insert(at, random.bytes(span));
        break;
      case 3:
        text.insert(at, text.substr(at, span));
        break;
      case 4:
        text[at] = kSpecial[random.index(kSpecial.size())];
        break;
      default:
        text.resize(at);
        break;
    }
  }
  return text;
}

TEST(ParseEventProperty, RandomBytesAreRefusedWithAReasonNeverACrash) {
  Random random = seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int i = 0; i < kRandomInputs; ++i) {
    const std::string input = random_input(random);
    expect_accepted_and_stable_or_refused_with_reason(input);
    expect_body_outcome_consistent(input, 100);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input #" << i << ": " << ::testing::PrintToString(input);
      return;
    }
  }
}

TEST(ParseEventProperty, MutatedEventsAreAcceptedStablyOrRefusedWithAReason) {
  Random random = seeded_random();
  SCOPED_TRACE(random.replay_hint());
  int accepted = 0;
  for (int i = 0; i < kMutatedInputs; ++i) {
    const std::string_view valid = kValidEvents[random.index(std::size(kValidEvents))];
    const std::string input = random.chance(0.5) ? structural_mutation(random, valid)
                                                 : byte_mutation(random, std::string{valid});
    expect_accepted_and_stable_or_refused_with_reason(input);
    accepted += parse_event(input) ? 1 : 0;
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input #" << i << ": " << ::testing::PrintToString(input);
      return;
    }
  }
  // Both branches of the property were exercised.
  EXPECT_GT(accepted, 0);
  EXPECT_LT(accepted, kMutatedInputs);
}

TEST(ParseEventProperty, MutatedBatchesReportEveryIndexOnce) {
  Random random = seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int i = 0; i < kMutatedInputs / 4; ++i) {
    std::string body = "[";
    const std::int64_t count = random.integer(0, 6);
    for (std::int64_t k = 0; k < count; ++k) {
      if (k > 0) body += ",";
      const std::string_view valid = kValidEvents[random.index(std::size(kValidEvents))];
      body += random.chance(0.5) ? structural_mutation(random, valid) : std::string{valid};
    }
    body += "]";
    if (random.chance(0.3)) body = byte_mutation(random, body);
    expect_body_outcome_consistent(body, 5);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "body #" << i << ": " << ::testing::PrintToString(body);
      return;
    }
  }
}

// What a generated expense was built from.
struct ExpenseValues {
  std::string id;
  std::string site_id;
  Instant occurred_at;
  std::string occurred_at_text;
  Source source;
  std::optional<std::string> actor_id;  // nullopt: written as null or left out
  double amount;
  std::string_view category;
};

// "2026-11-24T08:15:00.250+01:00": the instant as seen from `offset_minutes` east of UTC.
std::string rfc3339_with_offset(Instant t, int offset_minutes) {
  std::string text = format_rfc3339_utc(t + std::chrono::minutes{offset_minutes});
  text.pop_back();  // the 'Z'
  const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char offset[32];
  std::snprintf(offset, sizeof offset, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                magnitude / 60, magnitude % 60);
  return text + offset;
}

double random_amount(Random& random) {
  switch (random.integer(0, 5)) {
    case 0:
      return static_cast<double>(random.integer(0, 1'000'000));  // whole euros
    case 1:
      return static_cast<double>(random.integer(0, 100'000'000)) / 100;  // euros and cents
    case 2:
      return random.real(0, 1e7);  // any double
    case 3:
      return random.real(0, 1) * 1e-300;  // tiny
    case 4:
      return random.real(1e15, 1e300);  // huge
    default: {
      static constexpr double kEdges[] = {0.0,
                                          0.1,
                                          0.3,
                                          1e21,
                                          4.9e-324,
                                          9007199254740993.0,
                                          27670116110564327424.0,
                                          1.7976931348623157e308};
      return kEdges[random.index(std::size(kEdges))];
    }
  }
}

ExpenseValues random_expense(Random& random) {
  ExpenseValues v;
  v.id = random.utf8_text(kMaxIdLength);
  v.site_id = random.utf8_text(kMaxIdLength);
  // Anywhere in the accepted span (events/catalogue.hpp), every offset and millisecond.
  v.occurred_at = from_millis(random.integer(kEarliestOccurredAtMs, kLatestOccurredAtMs - 1));
  v.occurred_at_text =
      random.chance(0.2)
          ? format_rfc3339_utc(v.occurred_at)
          : rfc3339_with_offset(v.occurred_at,
                                static_cast<int>(random.integer(-23 * 60 - 59, 23 * 60 + 59)));
  // A sender's source: the last, `vigie`, is Vigie's own (refused from senders).
  v.source = static_cast<Source>(random.index(kSourceNames.size() - 1));
  if (random.chance(0.6)) v.actor_id = random.utf8_text(kMaxIdLength);
  v.amount = random_amount(random);
  v.category = kExpenseCategories[random.index(std::size(kExpenseCategories))];
  return v;
}

std::string expense_json(Random& random, const ExpenseValues& v) {
  JsonWriter out;
  out.begin_object()
      .field("id", v.id)
      .field("type", "expense.recorded")
      .field("site_id", v.site_id);
  out.field("occurred_at", v.occurred_at_text).field("source", source_name(v.source));
  if (v.actor_id) {
    out.field("actor_id", *v.actor_id);
  } else if (random.chance(0.5)) {
    out.key("actor_id").null();
  }
  out.key("data").begin_object().field("amount", v.amount).field("category", v.category);
  return out.end_object().end_object().take();
}

TEST(ParseEventProperty, RandomExpensesRoundTripThroughRaw) {
  Random random = seeded_random();
  SCOPED_TRACE(random.replay_hint());
  simdjson::dom::parser data_parser;
  for (int i = 0; i < kRoundTrips; ++i) {
    const ExpenseValues v = random_expense(random);
    const std::string json = expense_json(random, v);
    SCOPED_TRACE("input #" + std::to_string(i) + ": " + json);

    const auto event = parse_event(json);
    ASSERT_TRUE(event) << event.error().describe();
    EXPECT_EQ(event->id, v.id);
    EXPECT_EQ(event->type, EventType::expense_recorded);
    EXPECT_EQ(event->site_id, v.site_id);
    EXPECT_EQ(event->occurred_at, v.occurred_at) << v.occurred_at_text;
    EXPECT_EQ(event->source, v.source);
    EXPECT_EQ(event->actor_id, v.actor_id.value_or(""));
    const auto data = data_parser.parse(event->data);
    ASSERT_FALSE(data.error()) << event->data;
    EXPECT_EQ(data.value_unsafe()["amount"].get_double().value_unsafe(), v.amount) << event->data;
    EXPECT_EQ(data.value_unsafe()["category"].get_string().value_unsafe(), v.category);

    const auto again = parse_event(event->raw);
    ASSERT_TRUE(again) << again.error().describe() << "\nraw: " << event->raw;
    EXPECT_EQ(again->id, event->id);
    EXPECT_EQ(again->type, event->type);
    EXPECT_EQ(again->site_id, event->site_id);
    EXPECT_EQ(again->occurred_at, event->occurred_at);
    EXPECT_EQ(again->source, event->source);
    EXPECT_EQ(again->actor_id, event->actor_id);
    EXPECT_EQ(again->data, event->data);
    EXPECT_EQ(again->raw, event->raw);
    if (::testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace vigie::events
