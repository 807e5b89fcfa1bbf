#include "events/parse.hpp"

#include <gtest/gtest.h>

namespace vigie::events {
namespace {

TEST(ParseEvent, AcceptsAValidExpense) {
  const auto event = parse_event(R"({"id":"e1","type":"expense.recorded","site_id":"CH-1",
    "occurred_at":"2026-11-24T08:15:00+01:00","source":"mobile","actor_id":"P-0042",
    "data":{"amount":1250.0,"category":"material"}})");
  ASSERT_TRUE(event) << event.error().describe();
  EXPECT_EQ(event->id, "e1");
  EXPECT_EQ(event->type, EventType::expense_recorded);
  EXPECT_EQ(format_rfc3339_utc(event->occurred_at), "2026-11-24T07:15:00Z");
  EXPECT_EQ(event->data, R"({"amount":1250.0,"category":"material"})");
}

}  // namespace
}  // namespace vigie::events
