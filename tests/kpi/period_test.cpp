#include "kpi/period.hpp"

#include <gtest/gtest.h>

namespace vigie::kpi {
namespace {

using namespace std::chrono;

TEST(CalendarPeriods, MonthUpToAsOfAndTheSameSpanOfThePreviousMonth) {
  const auto p = calendar_periods(PeriodKind::month, 2026y / November / 24d);
  EXPECT_EQ(p.current, (Period{2026y / November / 1d, 2026y / November / 24d}));
  EXPECT_EQ(p.previous, (Period{2026y / October / 1d, 2026y / October / 24d}));
}

TEST(CalendarPeriods, ADayTheEarlierMonthLacksBecomesItsLastDay) {
  const auto p = calendar_periods(PeriodKind::month, 2026y / March / 31d);
  EXPECT_EQ(p.previous, (Period{2026y / February / 1d, 2026y / February / 28d}));
  const auto leap = calendar_periods(PeriodKind::year, 2028y / February / 29d);
  EXPECT_EQ(leap.previous, (Period{2027y / January / 1d, 2027y / February / 28d}));
}

TEST(CalendarPeriods, WeekStartsOnMonday) {
  // Tuesday 24 November 2026.
  const auto p = calendar_periods(PeriodKind::week, 2026y / November / 24d);
  EXPECT_EQ(p.current, (Period{2026y / November / 23d, 2026y / November / 24d}));
  EXPECT_EQ(p.previous, (Period{2026y / November / 16d, 2026y / November / 17d}));
  // A Sunday belongs to the week that began six days before.
  const auto sunday = calendar_periods(PeriodKind::week, 2026y / November / 29d);
  EXPECT_EQ(sunday.current.from, 2026y / November / 23d);
}

TEST(CalendarPeriods, DayQuarterYear) {
  const auto day = calendar_periods(PeriodKind::day, 2026y / January / 1d);
  EXPECT_EQ(day.current, (Period{2026y / January / 1d, 2026y / January / 1d}));
  EXPECT_EQ(day.previous, (Period{2025y / December / 31d, 2025y / December / 31d}));
  const auto quarter = calendar_periods(PeriodKind::quarter, 2026y / November / 24d);
  EXPECT_EQ(quarter.current, (Period{2026y / October / 1d, 2026y / November / 24d}));
  EXPECT_EQ(quarter.previous, (Period{2026y / July / 1d, 2026y / August / 24d}));
  const auto year = calendar_periods(PeriodKind::year, 2026y / November / 24d);
  EXPECT_EQ(year.current, (Period{2026y / January / 1d, 2026y / November / 24d}));
  EXPECT_EQ(year.previous, (Period{2025y / January / 1d, 2025y / November / 24d}));
}

TEST(RangePeriods, ThePreviousIsTheSameNumberOfDaysJustBefore) {
  const auto p = range_periods(2026y / November / 10d, 2026y / November / 19d);
  EXPECT_EQ(p.current.days(), 10);
  EXPECT_EQ(p.previous, (Period{2026y / October / 31d, 2026y / November / 9d}));
}

TEST(PeriodKindNames, RoundTrip) {
  for (const char* name : {"day", "week", "month", "quarter", "year"}) {
    const auto kind = parse_period_kind(name);
    ASSERT_TRUE(kind) << name;
    EXPECT_EQ(period_kind_name(*kind), name);
  }
  EXPECT_FALSE(parse_period_kind("semester"));
}

TEST(ResolvePeriods, DefaultsToTheMonthEndingToday) {
  const auto resolved = resolve_periods({}, 2026y / November / 24d);
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->periods.current, (Period{2026y / November / 1d, 2026y / November / 24d}));
  EXPECT_EQ(resolved->as_of, 2026y / November / 24d);
}

TEST(ResolvePeriods, ARangeWinsAndItsEndIsTheDefaultAsOf) {
  const auto resolved = resolve_periods({"week", "2026-10-05", "2026-10-11", ""}, 2026y / November / 24d);
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->periods.current, (Period{2026y / October / 5d, 2026y / October / 11d}));
  EXPECT_EQ(resolved->as_of, 2026y / October / 11d);
}

TEST(ResolvePeriods, RefusalsNameTheParameter) {
  const LocalDate today = 2026y / November / 24d;
  const auto field_of = [&](const PeriodQuery& query) {
    const auto resolved = resolve_periods(query, today);
    return resolved ? std::string{} : resolved.error().field + ": " + resolved.error().message;
  };
  EXPECT_EQ(field_of({"semester", "", "", ""}), "period: must be one of day, week, month, quarter, year");
  EXPECT_EQ(field_of({"", "", "", "31/10/2026"}), "as_of: must be a date YYYY-MM-DD");
  EXPECT_EQ(field_of({"", "2026-11-01", "", ""}), "to: must be a date YYYY-MM-DD");
  EXPECT_EQ(field_of({"", "2026-11-10", "2026-11-01", ""}), "to: must not be before from");
}

}  // namespace
}  // namespace vigie::kpi
