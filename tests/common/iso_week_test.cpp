// ISO weeks (common/iso_week.hpp), against dates checked with Python's date.isocalendar().
#include <gtest/gtest.h>

#include "common/iso_week.hpp"

namespace vigie {
namespace {

LocalDate ymd(int y, unsigned m, unsigned d) {
  return LocalDate{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(IsoWeek, ParsesToTheMonday) {
  EXPECT_EQ(parse_iso_week("2026-W49"), ymd(2026, 11, 30));
  EXPECT_EQ(parse_iso_week("2026-W01"), ymd(2025, 12, 29));  // week 1 holds 4 January
  EXPECT_EQ(parse_iso_week("2020-W53"), ymd(2020, 12, 28));
}

TEST(IsoWeek, RefusesWhatIsNoWeek) {
  EXPECT_FALSE(parse_iso_week("2021-W53"));  // 2021 has 52 weeks
  EXPECT_FALSE(parse_iso_week("2026-W00"));
  EXPECT_FALSE(parse_iso_week("2026-W54"));
  EXPECT_FALSE(parse_iso_week("2026-49"));
  EXPECT_FALSE(parse_iso_week("2026-Wxx"));
  EXPECT_FALSE(parse_iso_week(""));
}

TEST(IsoWeek, FormatsAnyDayOfTheWeek) {
  EXPECT_EQ(format_iso_week(ymd(2026, 12, 6)), "2026-W49");  // a Sunday
  EXPECT_EQ(format_iso_week(ymd(2026, 12, 7)), "2026-W50");
  EXPECT_EQ(format_iso_week(ymd(2027, 1, 1)), "2026-W53");   // a Friday of 2026's last week
  EXPECT_EQ(format_iso_week(ymd(2025, 12, 29)), "2026-W01");
  EXPECT_EQ(monday_of(ymd(2026, 12, 6)), ymd(2026, 11, 30));
  EXPECT_EQ(monday_after(ymd(2026, 12, 6)), ymd(2026, 12, 7));
  EXPECT_EQ(monday_after(ymd(2026, 12, 7)), ymd(2026, 12, 14));
}

}  // namespace
}  // namespace vigie
