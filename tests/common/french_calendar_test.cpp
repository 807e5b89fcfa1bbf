#include "common/french_calendar.hpp"

#include <gtest/gtest.h>

namespace vigie {
namespace {

using namespace std::chrono;

TEST(EasterSunday, KnownYears) {
  EXPECT_EQ(easter_sunday(2024), 2024y / March / 31d);
  EXPECT_EQ(easter_sunday(2025), 2025y / April / 20d);
  EXPECT_EQ(easter_sunday(2026), 2026y / April / 5d);
  EXPECT_EQ(easter_sunday(2027), 2027y / March / 28d);
}

TEST(FrenchPublicHoliday, FixedAndMovingDays) {
  EXPECT_TRUE(is_french_public_holiday(2026y / January / 1d));
  EXPECT_TRUE(is_french_public_holiday(2026y / July / 14d));
  EXPECT_TRUE(is_french_public_holiday(2026y / November / 11d));
  EXPECT_TRUE(is_french_public_holiday(2026y / April / 6d));   // Easter Monday
  EXPECT_TRUE(is_french_public_holiday(2026y / May / 14d));    // Ascension
  EXPECT_TRUE(is_french_public_holiday(2026y / May / 25d));    // Whit Monday
  EXPECT_TRUE(is_french_public_holiday(2025y / June / 9d));    // Whit Monday
  EXPECT_FALSE(is_french_public_holiday(2026y / April / 5d));  // Easter Sunday is a Sunday anyway
  EXPECT_FALSE(is_french_public_holiday(2026y / November / 24d));
}

TEST(WorkingDays, CountsWeekdaysLessHolidays) {
  // November 2026: 21 weekdays, less Wednesday 11 November (1 November is a Sunday).
  EXPECT_EQ(working_days_between(2026y / November / 1d, 2026y / November / 30d), 20);
  // May 2026: 21 weekdays less 1 May (Fri), 8 May (Fri), Ascension 14 (Thu), Whit Monday 25.
  EXPECT_EQ(working_days_between(2026y / May / 1d, 2026y / May / 31d), 17);
  EXPECT_EQ(working_days_between(2026y / November / 28d, 2026y / November / 29d), 0);  // a weekend
  EXPECT_EQ(working_days_between(2026y / November / 30d, 2026y / November / 1d), 0);
  EXPECT_FALSE(is_working_day(2026y / November / 11d));
  EXPECT_TRUE(is_working_day(2026y / November / 24d));
}

}  // namespace
}  // namespace vigie
