// Every rule of the envelope (parse.cpp), as a table of cases: each refusal names the exact
// field and message a sender receives.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "events/parse.hpp"
#include "support/event_samples.hpp"
#include "support/json_edit.hpp"

namespace vigie::events {
namespace {

using testing::envelope;
using testing::minimal_data;
using testing::text_of_length;
using testing::with_member;
using testing::without_member;

const std::string& kExpense = testing::expense_envelope();
const std::string& kPerson = testing::person_envelope();

struct EnvelopeRefusal {
  std::string name;
  const std::string* base;
  std::string_view member;
  std::string value;
  std::string field;
  std::string message;
};

const std::vector<EnvelopeRefusal>& envelope_refusals() {
  static const std::vector<EnvelopeRefusal> cases = {
      {"id missing", &kExpense, "id", "", "id", "is required"},
      {"id null", &kExpense, "id", "null", "id", "is required"},
      {"id a number", &kExpense, "id", "42", "id", "must be a string"},
      {"id empty", &kExpense, "id", R"("")", "id", "must not be empty"},
      {"id of 201 bytes", &kExpense, "id", text_of_length(201), "id", "must be at most 200 bytes"},
      {"type missing", &kExpense, "type", "", "type", "is required"},
      {"unknown type", &kExpense, "type", R"("expense.deleted")", "type",
       R"(unknown event type "expense.deleted")"},
      {"type a number", &kExpense, "type", "5", "type", "must be a string"},
      {"site_id missing on expense.recorded", &kExpense, "site_id", "", "site_id", "is required"},
      {"site_id null on expense.recorded", &kExpense, "site_id", "null", "site_id", "is required"},
      {"site_id empty on expense.recorded", &kExpense, "site_id", R"("")", "site_id",
       "is required"},
      {"site_id a number", &kExpense, "site_id", "17", "site_id", "must be a string or null"},
      {"site_id of 201 bytes", &kExpense, "site_id", text_of_length(201), "site_id",
       "must be at most 200 bytes"},
      {"site_id present on person.upserted", &kPerson, "site_id", R"("CH-1")", "site_id",
       "must be null for person.upserted"},
      {"occurred_at missing", &kExpense, "occurred_at", "", "occurred_at", "is required"},
      {"date-time without offset", &kExpense, "occurred_at", R"("2026-11-24T08:15:00")",
       "occurred_at", "must be an RFC 3339 date-time with offset"},
      {"date without time", &kExpense, "occurred_at", R"("2026-11-24")", "occurred_at",
       "must be an RFC 3339 date-time with offset"},
      {"30 February", &kExpense, "occurred_at", R"("2026-02-30T08:15:00+01:00")", "occurred_at",
       "must be an RFC 3339 date-time with offset"},
      {"year 9999", &kExpense, "occurred_at", R"("9999-12-31T23:59:59Z")", "occurred_at",
       "must be between 1990-01-01 and 2099-12-31"},
      {"just before 1990 in UTC", &kExpense, "occurred_at", R"("1990-01-01T00:30:00+01:00")",
       "occurred_at", "must be between 1990-01-01 and 2099-12-31"},
      {"a field outside the catalogue over the event size", &kExpense, "data",
       R"({"amount":1,"category":"material","note":)" + text_of_length(70'000) + "}", "event",
       "must be at most 65536 bytes (compact JSON)"},
      {"occurred_at as Unix seconds", &kExpense, "occurred_at", "1795504500", "occurred_at",
       "must be a string"},
      {"source missing", &kExpense, "source", "", "source", "is required"},
      {"unknown source", &kExpense, "source", R"("fax")", "source",
       "must be one of mobile, web, erp, webhook, batch"},
      {"source capitalised", &kExpense, "source", R"("Mobile")", "source",
       "must be one of mobile, web, erp, webhook, batch"},
      {"source vigie, Vigie's own", &kExpense, "source", R"("vigie")", "source",
       "must be one of mobile, web, erp, webhook, batch"},
      {"type incident.classified, Vigie's own", &kExpense, "type", R"("incident.classified")",
       "type", "incident.classified is written by Vigie only"},
      {"type plan.accepted, Vigie's own", &kExpense, "type", R"("plan.accepted")", "type",
       "plan.accepted is written by Vigie only"},
      {"actor_id a number", &kExpense, "actor_id", "42", "actor_id", "must be a string or null"},
      {"actor_id of 201 bytes", &kExpense, "actor_id", text_of_length(201), "actor_id",
       "must be at most 200 bytes"},
      {"data missing", &kExpense, "data", "", "data", "is required"},
      {"data null", &kExpense, "data", "null", "data", "is required"},
      {"data an array", &kExpense, "data", "[]", "data", "must be an object"},
      {"data a string", &kExpense, "data", R"("{}")", "data", "must be an object"},
  };
  return cases;
}

TEST(EventValidation, RefusesEnvelopeWithFieldAndReason) {
  for (const EnvelopeRefusal& c : envelope_refusals()) {
    SCOPED_TRACE(c.name);
    const std::string json = c.value.empty() ? without_member(*c.base, c.member)
                                             : with_member(*c.base, c.member, c.value);
    const auto result = parse_event(json);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::invalid);
    EXPECT_EQ(result.error().field, c.field);
    EXPECT_EQ(result.error().message, c.message);
  }
}

TEST(EventValidation, RefusesSiteIdOnEverySitelessType) {
  for (const std::string_view type : {"person.upserted", "team.upserted", "vehicle.upserted"}) {
    SCOPED_TRACE(type);
    const auto result =
        parse_event(with_member(envelope(type, minimal_data(type)), "site_id", R"("CH-1")"));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().field, "site_id");
    EXPECT_EQ(result.error().message, "must be null for " + std::string{type});
  }
}

TEST(EventValidation, AcceptsEnvelopeEdges) {
  struct Edge {
    std::string name;
    std::string json;
  };
  const Edge edges[] = {
      {"id of exactly 200 bytes", with_member(kExpense, "id", text_of_length(200))},
      {"actor_id null", with_member(kExpense, "actor_id", "null")},
      {"actor_id absent", without_member(kExpense, "actor_id")},
      {"site_id absent on person.upserted", without_member(kPerson, "site_id")},
      {"UTC offset Z", with_member(kExpense, "occurred_at", R"("2026-11-24T07:15:00Z")")},
      {"1990-01-01 at midnight UTC", with_member(kExpense, "occurred_at", R"("1990-01-01T00:00:00Z")")},
      {"the last millisecond of 2099",
       with_member(kExpense, "occurred_at", R"("2099-12-31T23:59:59.999Z")")},
      {"source batch", with_member(kExpense, "source", R"("batch")")},
      {"an envelope member Vigie does not know", with_member(kExpense, "trace", R"("abc")")},
  };
  for (const Edge& e : edges) {
    SCOPED_TRACE(e.name);
    const auto result = parse_event(e.json);
    EXPECT_TRUE(result) << result.error().describe();
  }
}

}  // namespace
}  // namespace vigie::events
