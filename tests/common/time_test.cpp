// RFC 3339 instants, ISO dates and the Europe/Paris calendar. Expected values were worked out by
// hand: Paris is UTC+1 in winter and UTC+2 in summer; in 2026 the clocks go forward on Sunday
// 29 March at 02:00 (01:00Z) and back on Sunday 25 October at 03:00 (01:00Z).
#include "common/time.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <string_view>

#include "common/paris_time.hpp"
#include "support/random.hpp"

namespace vigie {
namespace {

LocalDate ymd(int y, unsigned m, unsigned d) {
  return LocalDate{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Instant utc(std::string_view text) {
  const auto t = parse_rfc3339(text);
  EXPECT_TRUE(t) << "the test's own instant does not parse: " << text;
  return t.value_or(Instant{});
}

std::string iso(LocalDate d) { return format_iso_date(d); }

// --- RFC 3339 -----------------------------------------------------------------------------

struct Rfc3339Case {
  std::string_view text;
  std::string_view utc;  // format_rfc3339_utc of the parsed instant
};
constexpr Rfc3339Case kAccepted[] = {
    {"2026-11-24T08:15:00+01:00", "2026-11-24T07:15:00Z"},
    {"2026-07-14T08:15:00+02:00", "2026-07-14T06:15:00Z"},
    {"2026-11-24T07:15:00Z", "2026-11-24T07:15:00Z"},
    {"2026-11-24t07:15:00z", "2026-11-24T07:15:00Z"},  // lower case allowed
    {"2026-11-24 07:15:00Z", "2026-11-24T07:15:00Z"},  // RFC 3339 §5.6 note
    {"2026-11-24T07:15:00.250Z", "2026-11-24T07:15:00.250Z"},
    {"2026-11-24T07:15:00.5Z", "2026-11-24T07:15:00.500Z"},
    {"2026-11-24T07:15:00.123456Z", "2026-11-24T07:15:00.123Z"},  // beyond ms: cut, not rounded
    {"2026-11-24T07:15:00.9999Z", "2026-11-24T07:15:00.999Z"},
    {"2026-11-24T07:15:00.000Z", "2026-11-24T07:15:00Z"},  // ms shown only when non-zero
    {"2026-11-24T08:15:00-05:30", "2026-11-24T13:45:00Z"},
    {"2026-11-24T08:15:00+00:00", "2026-11-24T08:15:00Z"},
    {"2026-11-24T08:15:00-00:00", "2026-11-24T08:15:00Z"},
    {"2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z"},  // offset crosses the year
    {"2026-12-31T23:30:00-01:00", "2027-01-01T00:30:00Z"},
    {"2028-02-29T12:00:00Z", "2028-02-29T12:00:00Z"},  // leap day
    {"1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z"},
    {"1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z"},
    {"2026-11-24T23:59:59+23:59", "2026-11-24T00:00:59Z"},
};

TEST(ParseRfc3339, AcceptsOffsetsZAndMilliseconds) {
  for (const Rfc3339Case& c : kAccepted) {
    SCOPED_TRACE(c.text);
    const auto t = parse_rfc3339(c.text);
    ASSERT_TRUE(t);
    EXPECT_EQ(format_rfc3339_utc(*t), c.utc);
  }
}

TEST(ParseRfc3339, CountsMillisecondsSinceTheEpoch) {
  EXPECT_EQ(to_millis(utc("1970-01-01T00:00:00Z")), 0);
  EXPECT_EQ(to_millis(utc("1970-01-01T00:00:01.5Z")), 1500);
  EXPECT_EQ(to_millis(utc("1970-01-01T01:00:00+01:00")), 0);
  EXPECT_EQ(to_millis(utc("1969-12-31T23:59:59Z")), -1000);
  // 20781 days from 1970-01-01 to 2026-11-24, then 07:15:00.250.
  EXPECT_EQ(to_millis(utc("2026-11-24T07:15:00.250Z")), 20781LL * 86'400'000 + 26'100'250);
}

TEST(ParseRfc3339, RefusesWhatIsNotAnInstantWithOffset) {
  constexpr std::string_view kRefused[] = {
      "",
      "2026-11-24",                  // a day, not an instant
      "2026-11-24T08:15:00",         // no offset: ambiguous
      "2026-11-24T08:15Z",           // no seconds
      "2026-11-24T08:15:00.Z",       // a dot without digits
      "2026-11-24T08:15:00+0100",    // offset without colon
      "2026-11-24T08:15:00+01",      // offset without minutes
      "2026-11-24T08:15:00+1:00",    // one-digit offset hour
      "2026-11-24T08:15:00+24:00",   // offset hour out of range
      "2026-11-24T08:15:00+01:60",   // offset minute out of range
      "2026-11-24T08:15:00+01:00 ",  // trailing space
      "2026-11-24T08:15:00Zjunk",    // trailing text
      "2026-11-24T24:00:00Z",        // hour 24
      "2026-11-24T08:60:00Z",        // minute 60
      "2026-11-24T08:15:61Z",        // second 61
      "2026-02-30T08:15:00Z",        // not a real day
      "2026-13-01T08:15:00Z",        // month 13
      "2026-11-24X08:15:00Z",        // wrong separator
      "26-11-24T08:15:00Z",          // two-digit year
      "2026/11/24T08:15:00Z",
      "2026-11-24T8:15:00Z",
      "+2026-11-24T08:15:00Z",
      "２０２６-11-24T08:15:00Z",  // full-width digits
  };
  for (const std::string_view text : kRefused) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_rfc3339(text));
  }
}

TEST(FormatRfc3339Utc, RoundTripsAnyMillisecond) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int i = 0; i < 5000; ++i) {
    // 0001-01-01 to 9999-12-31.
    const Instant t = from_millis(random.integer(-62'135'596'800'000, 253'402'300'799'999));
    const std::string text = format_rfc3339_utc(t);
    const auto back = parse_rfc3339(text);
    ASSERT_TRUE(back) << text;
    ASSERT_EQ(to_millis(*back), to_millis(t)) << text;
  }
}

// --- ISO dates ----------------------------------------------------------------------------

TEST(ParseIsoDate, ReadsRealDays) {
  EXPECT_EQ(parse_iso_date("2026-11-24"), ymd(2026, 11, 24));
  EXPECT_EQ(parse_iso_date("2028-02-29"), ymd(2028, 2, 29));
  EXPECT_EQ(parse_iso_date("2000-02-29"), ymd(2000, 2, 29));  // divisible by 400: leap
  EXPECT_EQ(parse_iso_date("0001-01-01"), ymd(1, 1, 1));
  EXPECT_EQ(parse_iso_date("9999-12-31"), ymd(9999, 12, 31));
}

TEST(ParseIsoDate, RefusesDaysThatDoNotExistAndOtherShapes) {
  constexpr std::string_view kRefused[] = {
      "2026-02-30",  "2026-02-29",           "1900-02-29", "2026-04-31",
      "2026-13-01",  "2026-00-10",           "2026-11-00", "2026-11-32",
      "2026-1-05",   "2026/11/24",           "24/11/2026", "2026-11-24 ",
      " 2026-11-24", "2026-11-24T00:00:00Z", "20261124",   "",
      "2026-11-2a",  "-026-11-24",
  };
  for (const std::string_view text : kRefused) {
    SCOPED_TRACE(text);
    EXPECT_FALSE(parse_iso_date(text));
  }
}

TEST(FormatIsoDate, PadsWithZeros) {
  EXPECT_EQ(iso(ymd(2026, 3, 5)), "2026-03-05");
  EXPECT_EQ(iso(ymd(987, 12, 31)), "0987-12-31");
}

TEST(DaysSinceEpoch, CountsFromFirstJanuary1970) {
  EXPECT_EQ(days_since_epoch(ymd(1970, 1, 1)), 0);
  EXPECT_EQ(days_since_epoch(ymd(1969, 12, 31)), -1);
  EXPECT_EQ(days_since_epoch(ymd(2000, 3, 1)), 11017);
  EXPECT_EQ(days_since_epoch(ymd(2026, 11, 24)), 20781);
  EXPECT_EQ(date_from_days(20781), ymd(2026, 11, 24));
}

TEST(IsoDate, EveryDayFrom1900To2100RoundTrips) {
  const std::int32_t first = days_since_epoch(ymd(1900, 1, 1));
  const std::int32_t last = days_since_epoch(ymd(2100, 12, 31));
  for (std::int32_t n = first; n <= last; ++n) {
    const LocalDate d = date_from_days(n);
    const auto back = parse_iso_date(format_iso_date(d));
    ASSERT_TRUE(back) << format_iso_date(d);
    ASSERT_EQ(days_since_epoch(*back), n) << format_iso_date(d);
  }
}

// --- Paris calendar -----------------------------------------------------------------------

struct ParisDay {
  std::string_view instant;
  std::string_view paris_day;
};
constexpr ParisDay kParisDays[] = {
    // Around midnight in winter (UTC+1).
    {"2026-11-23T22:59:59Z", "2026-11-23"},
    {"2026-11-23T23:00:00Z", "2026-11-24"},
    {"2026-11-23T23:30:00Z", "2026-11-24"},
    // Around midnight in summer (UTC+2).
    {"2026-07-14T21:59:59Z", "2026-07-14"},
    {"2026-07-14T22:00:00Z", "2026-07-15"},
    // Spring change, Sunday 29 March 2026: midnight is 23:00Z before, 22:00Z after.
    {"2026-03-28T22:59:59Z", "2026-03-28"},
    {"2026-03-28T23:00:00Z", "2026-03-29"},
    {"2026-03-29T00:59:59Z", "2026-03-29"},  // 01:59:59 +01:00
    {"2026-03-29T01:00:00Z", "2026-03-29"},  // 03:00:00 +02:00
    {"2026-03-29T21:59:59Z", "2026-03-29"},
    {"2026-03-29T22:00:00Z", "2026-03-30"},
    // Autumn change, Sunday 25 October 2026: midnight is 22:00Z before, 23:00Z after.
    {"2026-10-24T21:59:59Z", "2026-10-24"},
    {"2026-10-24T22:00:00Z", "2026-10-25"},
    {"2026-10-25T22:00:00Z", "2026-10-25"},  // 23:00 +01:00: still the 25th
    {"2026-10-25T22:59:59Z", "2026-10-25"},
    {"2026-10-25T23:00:00Z", "2026-10-26"},
    // New Year.
    {"2026-12-31T22:59:59Z", "2026-12-31"},
    {"2026-12-31T23:00:00Z", "2027-01-01"},
};

TEST(ParisDate, FollowsParisMidnightAcrossBothChangesOf2026) {
  for (const ParisDay& c : kParisDays) {
    SCOPED_TRACE(c.instant);
    EXPECT_EQ(iso(paris_date(utc(c.instant))), c.paris_day);
  }
}

struct ParisWallClock {
  std::string_view name;
  LocalDate day;
  int hour, minute;
  std::string_view utc;
};
const ParisWallClock kWallClocks[] = {
    {"winter", ymd(2026, 11, 24), 8, 15, "2026-11-24T07:15:00Z"},
    {"summer", ymd(2026, 7, 14), 8, 15, "2026-07-14T06:15:00Z"},
    {"Paris midnight is the previous UTC day", ymd(2026, 11, 24), 0, 0, "2026-11-23T23:00:00Z"},
    {"just before the spring gap", ymd(2026, 3, 29), 1, 59, "2026-03-29T00:59:00Z"},
    {"start of the spring gap", ymd(2026, 3, 29), 2, 0, "2026-03-29T01:00:00Z"},
    {"inside the spring gap: moved to its end, 03:00+02:00", ymd(2026, 3, 29), 2, 30,
     "2026-03-29T01:00:00Z"},
    {"end of the spring gap", ymd(2026, 3, 29), 3, 0, "2026-03-29T01:00:00Z"},
    {"after the spring gap", ymd(2026, 3, 29), 3, 30, "2026-03-29T01:30:00Z"},
    {"before the autumn overlap", ymd(2026, 10, 25), 1, 59, "2026-10-24T23:59:00Z"},
    {"start of the autumn overlap: the earlier, +02:00", ymd(2026, 10, 25), 2, 0,
     "2026-10-25T00:00:00Z"},
    {"inside the autumn overlap: the earlier, +02:00", ymd(2026, 10, 25), 2, 30,
     "2026-10-25T00:30:00Z"},
    {"after the autumn overlap", ymd(2026, 10, 25), 3, 0, "2026-10-25T02:00:00Z"},
};

TEST(ParisInstant, ResolvesTheSpringGapAndTheAutumnOverlap) {
  for (const ParisWallClock& c : kWallClocks) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(format_rfc3339_utc(paris_instant(c.day, c.hour, c.minute)), c.utc);
  }
}

TEST(ParisInstant, TakesSeconds) {
  EXPECT_EQ(format_rfc3339_utc(paris_instant(ymd(2026, 11, 24), 8, 15, 42)),
            "2026-11-24T07:15:42Z");
}

TEST(ParisInstant, EveryHourOf2026FallsOnItsOwnParisDay) {
  for (std::int32_t n = days_since_epoch(ymd(2026, 1, 1)); n <= days_since_epoch(ymd(2026, 12, 31));
       ++n) {
    const LocalDate day = date_from_days(n);
    for (int hour = 0; hour < 24; ++hour) {
      const Instant t = paris_instant(day, hour, 0);
      ASSERT_EQ(paris_date(t), day) << iso(day) << " " << hour << ":00";
      if (day == ymd(2026, 3, 29) && hour == 2) continue;  // the hour that does not exist
      const std::string wall = format_paris_rfc3339(t);
      char expected[20];
      std::snprintf(expected, sizeof expected, "%sT%02d:00:00", iso(day).c_str(), hour);
      ASSERT_EQ(wall.substr(0, 19), expected);
    }
  }
}

struct ParisText {
  std::string_view utc;
  std::string_view paris;
};
constexpr ParisText kParisTexts[] = {
    {"2026-11-24T07:15:00Z", "2026-11-24T08:15:00+01:00"},
    {"2026-07-14T06:15:00Z", "2026-07-14T08:15:00+02:00"},
    {"2026-11-23T23:30:00Z", "2026-11-24T00:30:00+01:00"},
    {"2026-03-29T00:59:59Z", "2026-03-29T01:59:59+01:00"},
    {"2026-03-29T01:00:00Z", "2026-03-29T03:00:00+02:00"},
    {"2026-10-25T00:59:59Z", "2026-10-25T02:59:59+02:00"},
    {"2026-10-25T01:00:00Z", "2026-10-25T02:00:00+01:00"},
    {"1969-12-31T23:30:00Z", "1970-01-01T00:30:00+01:00"},
};

TEST(FormatParisRfc3339, WritesWinterAndSummerOffsets) {
  for (const ParisText& c : kParisTexts) {
    SCOPED_TRACE(c.utc);
    EXPECT_EQ(format_paris_rfc3339(utc(c.utc)), c.paris);
  }
}

TEST(FormatParisRfc3339, ParsesBackToTheSameSecond) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int i = 0; i < 5000; ++i) {
    // 2000 to 2037, whole seconds (the Paris text carries no milliseconds).
    const Instant t = from_millis(random.integer(946'684'800, 2'145'916'799) * 1000);
    const std::string text = format_paris_rfc3339(t);
    const auto back = parse_rfc3339(text);
    ASSERT_TRUE(back) << text;
    ASSERT_EQ(to_millis(*back), to_millis(t)) << text;
  }
}

TEST(FormatDateFr, DayMonthYearWithSlashes) {
  using namespace std::chrono;
  EXPECT_EQ(format_date_fr(2026y / November / 24d), "24/11/2026");
  EXPECT_EQ(format_date_fr(2027y / January / 5d), "05/01/2027");
}

}  // namespace
}  // namespace vigie
