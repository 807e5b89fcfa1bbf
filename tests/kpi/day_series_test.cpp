#include "kpi/day_series.hpp"

#include <gtest/gtest.h>

namespace vigie::kpi {
namespace {

struct Count {
  long n = 0;
  Count& operator+=(const Count& o) { n += o.n; return *this; }
  Count& operator-=(const Count& o) { n -= o.n; return *this; }
};

TEST(DaySeries, SumsThePeriodsDaysOnly) {
  DaySeries<Count> photos;
  photos.add(100, {3});
  photos.add(101, {4});
  photos.add(105, {10});
  EXPECT_EQ(photos.sum(100, 101).n, 7);
  EXPECT_EQ(photos.sum(101, 105).n, 14);
  EXPECT_EQ(photos.sum(102, 104).n, 0);   // days inside the span without a value
  EXPECT_EQ(photos.sum(90, 99).n, 0);     // before the first day
  EXPECT_EQ(photos.sum(106, 200).n, 0);   // after the last
  EXPECT_EQ(photos.sum(0, 1000).n, 17);
  EXPECT_EQ(photos.sum(105, 100).n, 0);   // an empty range
}

TEST(DaySeries, ALateDayBeforeTheFirstGrowsTheSeriesBackwards) {
  DaySeries<Count> spent;
  spent.add(200, {5});
  spent.add(190, {2});  // an expense dated ten days earlier arrives now
  EXPECT_EQ(spent.first_day(), 190);
  EXPECT_EQ(spent.last_day(), 200);
  EXPECT_EQ(spent.sum(190, 190).n, 2);
  EXPECT_EQ(spent.sum(191, 200).n, 5);
  EXPECT_EQ(spent.sum_to(199).n, 2);
  EXPECT_EQ(spent.sum_to(200).n, 7);
}

TEST(DaySeries, SubtractingUndoesAnAddition) {
  DaySeries<Count> queue;
  queue.add(10, {1});     // opened
  queue.subtract(12, {1});  // left the queue
  EXPECT_EQ(queue.sum_to(11).n, 1);
  EXPECT_EQ(queue.sum_to(12).n, 0);
}

}  // namespace
}  // namespace vigie::kpi
