#include "kpi/timeline.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vigie::kpi {
namespace {

Instant at(const char* text) { return *parse_rfc3339(text); }

TEST(Timeline, ReadsTheLatestStepAtOrBeforeTheInstant) {
  Timeline<std::string> status;
  status.set(at("2026-03-02T08:00:00+01:00"), "active");
  status.set(at("2026-10-15T17:00:00+02:00"), "completed");
  EXPECT_EQ(status.at(at("2026-03-02T06:59:59Z")), nullptr);  // before the first step
  EXPECT_EQ(*status.at(at("2026-03-02T07:00:00Z")), "active");  // the same instant counts
  EXPECT_EQ(*status.at(at("2026-10-15T14:59:59Z")), "active");
  EXPECT_EQ(*status.at(at("2026-10-15T15:00:00Z")), "completed");
  EXPECT_EQ(*status.last(), "completed");
}

TEST(Timeline, ALateStepIsPlacedByItsInstantNotItsArrival) {
  Timeline<std::string> status;
  status.set(at("2026-03-02T08:00:00Z"), "active");
  status.set(at("2026-10-15T08:00:00Z"), "completed");
  status.set(at("2026-06-01T08:00:00Z"), "suspended");  // arrives last, happened in between
  EXPECT_EQ(*status.at(at("2026-05-31T23:00:00Z")), "active");
  EXPECT_EQ(*status.at(at("2026-07-01T00:00:00Z")), "suspended");
  EXPECT_EQ(*status.at(at("2026-11-01T00:00:00Z")), "completed");
  EXPECT_EQ(*status.last(), "completed");  // the latest instant, not the latest arrival
}

TEST(Timeline, OfTwoStepsAtTheSameInstantTheOneSetLastWins) {
  Timeline<int> budget;
  budget.set(at("2026-04-01T00:00:00Z"), 250000);
  budget.set(at("2026-04-01T00:00:00Z"), 260000);  // a correction with the same timestamp
  EXPECT_EQ(*budget.at(at("2026-04-01T00:00:00Z")), 260000);
  EXPECT_EQ(budget.size(), 2u);
}

}  // namespace
}  // namespace vigie::kpi
