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

}  // namespace
}  // namespace vigie
