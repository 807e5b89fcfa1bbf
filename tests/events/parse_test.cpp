// parse_event and parse_body: what they read from an envelope, the compact raw they keep, and
// how a body of one event or an array is taken or refused.
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
using testing::with_member;

const std::string& kExpense = testing::expense_envelope();

TEST(ParseEvent, ReadsEveryEnvelopeField) {
  const auto event = parse_event(kExpense);
  ASSERT_TRUE(event) << event.error().describe();
  EXPECT_EQ(event->id, "e-1");
  EXPECT_EQ(event->type, EventType::expense_recorded);
  EXPECT_EQ(event->site_id, "CH-1");
  EXPECT_EQ(format_rfc3339_utc(event->occurred_at), "2026-11-24T07:15:00Z");
  EXPECT_EQ(event->source, Source::mobile);
  EXPECT_EQ(event->actor_id, "P-0042");
  EXPECT_EQ(event->data, R"({"amount":1250.0,"category":"material"})");
  EXPECT_EQ(event->raw, kExpense);
}

TEST(ParseEvent, CompactsTheRawEnvelope) {
  const auto event = parse_event(R"({ "id" : "e-2", "type":"progress.reported", "site_id":"CH-1",
      "occurred_at":"2026-11-24T08:15:00+01:00", "source":"web",
      "data": { "percent_complete": 40 } })");
  ASSERT_TRUE(event) << event.error().describe();
  EXPECT_EQ(event->actor_id, "");
  EXPECT_EQ(event->data, R"({"percent_complete":40})");
  EXPECT_EQ(
      event->raw,
      R"({"id":"e-2","type":"progress.reported","site_id":"CH-1",)"
      R"("occurred_at":"2026-11-24T08:15:00+01:00","source":"web","data":{"percent_complete":40}})");
}

TEST(ParseEvent, RefusesWhatIsNotAnObject) {
  for (const std::string_view json : {"[]", "42", R"("event")", "null"}) {
    SCOPED_TRACE(json);
    const auto result = parse_event(json);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().field, "event");
    EXPECT_EQ(result.error().message, "must be a JSON object");
  }
}

TEST(ParseEvent, RefusesTextThatIsNotJson) {
  for (const std::string_view text : {"", "{", R"({"id":"e-1",})", "not json", "{'id':'e-1'}"}) {
    SCOPED_TRACE(text);
    const auto result = parse_event(text);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::invalid);
    EXPECT_EQ(result.error().field, "event");
    // The reason in brackets is simdjson's own wording.
    EXPECT_EQ(result.error().message.rfind("is not valid JSON (", 0), 0u) << result.error().message;
  }
}

TEST(ParseBody, ReportsEachBadEventOfAnArrayByIndex) {
  const std::string bad_amount =
      with_member(kExpense, "data", R"({"amount":-1,"category":"labour"})");
  const std::string body =
      "[" + kExpense + "," + bad_amount + ",42," + with_member(kExpense, "id", R"("e-4")") + "]";
  const auto parsed = parse_body(body, 10);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_TRUE(parsed->was_array);
  EXPECT_EQ(parsed->total, 4u);
  ASSERT_EQ(parsed->events.size(), 2u);
  EXPECT_EQ(parsed->events[0].id, "e-1");
  EXPECT_EQ(parsed->events[1].id, "e-4");
  EXPECT_EQ(parsed->positions, (std::vector<std::size_t>{0, 3}));
  ASSERT_EQ(parsed->refused.size(), 2u);
  EXPECT_EQ(parsed->refused[0].index, 1u);
  EXPECT_EQ(parsed->refused[0].error.field, "data.amount");
  EXPECT_EQ(parsed->refused[0].error.message, "must be >= 0");
  EXPECT_EQ(parsed->refused[1].index, 2u);
  EXPECT_EQ(parsed->refused[1].error.field, "event");
  EXPECT_EQ(parsed->refused[1].error.message, "must be a JSON object");
}

TEST(ParseBody, TakesASingleObject) {
  const auto parsed = parse_body(kExpense, 10);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_FALSE(parsed->was_array);
  EXPECT_EQ(parsed->total, 1u);
  ASSERT_EQ(parsed->events.size(), 1u);
  EXPECT_EQ(parsed->positions, (std::vector<std::size_t>{0}));
  EXPECT_TRUE(parsed->refused.empty());
}

TEST(ParseBody, ReportsASingleBadObjectAsRefusedNotAsAFailedBody) {
  const auto parsed = parse_body(with_member(kExpense, "source", R"("fax")"), 10);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_EQ(parsed->total, 1u);
  EXPECT_TRUE(parsed->events.empty());
  ASSERT_EQ(parsed->refused.size(), 1u);
  EXPECT_EQ(parsed->refused[0].index, 0u);
  EXPECT_EQ(parsed->refused[0].error.field, "source");
}

TEST(ParseBody, TakesAnEmptyArray) {
  const auto parsed = parse_body("[]", 10);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_TRUE(parsed->was_array);
  EXPECT_EQ(parsed->total, 0u);
  EXPECT_TRUE(parsed->events.empty());
  EXPECT_TRUE(parsed->refused.empty());
}

TEST(ParseBody, RefusesMoreEventsThanTheLimitAsTooLarge) {
  const std::string body = "[" + kExpense + "," + kExpense + "," + kExpense + "]";
  const auto parsed = parse_body(body, 2);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::too_large);
  EXPECT_EQ(parsed.error().field, "body");
  EXPECT_EQ(parsed.error().message, "holds 3 events, more than the limit of 2");
}

TEST(ParseBody, TakesExactlyTheLimit) {
  const std::string body = "[" + kExpense + "," + kExpense + "]";
  const auto parsed = parse_body(body, 2);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_EQ(parsed->events.size(), 2u);
}

TEST(ParseBody, RefusesTextThatIsNotJson) {
  const auto parsed = parse_body("[{\"id\":", 10);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, ErrorCode::invalid);
  EXPECT_EQ(parsed.error().field, "body");
  EXPECT_EQ(parsed.error().message.rfind("is not valid JSON (", 0), 0u) << parsed.error().message;
}

TEST(ParseBody, RefusesAScalarBody) {
  for (const std::string_view body : {"42", R"("events")", "true", "null"}) {
    SCOPED_TRACE(body);
    const auto parsed = parse_body(body, 10);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::invalid);
    EXPECT_EQ(parsed.error().field, "body");
    EXPECT_EQ(parsed.error().message, "must be an event object or an array");
  }
}


}  // namespace
}  // namespace vigie::events
