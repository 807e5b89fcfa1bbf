#include "common/french_format.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace vigie {
namespace {

TEST(FormatIntegerFr, GroupsDigitsByThreeWithSpaces) {
  EXPECT_EQ(format_integer_fr(0), "0");
  EXPECT_EQ(format_integer_fr(999), "999");
  EXPECT_EQ(format_integer_fr(1000), "1 000");
  EXPECT_EQ(format_integer_fr(597973), "597 973");
  EXPECT_EQ(format_integer_fr(13584210), "13 584 210");
  EXPECT_EQ(format_integer_fr(-1200), "-1 200");
  EXPECT_EQ(format_integer_fr(std::numeric_limits<std::int64_t>::min()),
            "-9 223 372 036 854 775 808");
}

TEST(CountFr, ZeroAndOneTakeTheSingular) {
  EXPECT_EQ(count_fr(0, "ligne lue", "lignes lues"), "0 ligne lue");
  EXPECT_EQ(count_fr(1, "ligne lue", "lignes lues"), "1 ligne lue");
  EXPECT_EQ(count_fr(2, "ligne lue", "lignes lues"), "2 lignes lues");
  EXPECT_EQ(count_fr(597973, "événement", "événements"), "597 973 événements");
}

TEST(FormatDecimalFr, CommaAndGroups) {
  EXPECT_EQ(format_decimal_fr(0.2, 1), "0,2");
  EXPECT_EQ(format_decimal_fr(3.14159, 2), "3,14");
  EXPECT_EQ(format_decimal_fr(12345.68, 1), "12 345,7");
  EXPECT_EQ(format_decimal_fr(-1234.4, 0), "-1 234");
  EXPECT_EQ(format_decimal_fr(42, 0), "42");
}

}  // namespace
}  // namespace vigie
