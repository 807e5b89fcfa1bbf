#include "kpi/day_series.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

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

// Running totals must give what adding the days one by one gives, whatever the order of the
// additions, before a refresh (counted day by day past a late addition) and after it.
TEST(DaySeriesProperty, SumsMatchANaiveCountBeforeAndAfterRefresh) {
  std::mt19937 random(20261129);
  for (int round = 0; round < 50; ++round) {
    DaySeries<Count> series;
    std::vector<long> naive(400, 0);  // days 1000 to 1399
    for (int step = 0; step < 60; ++step) {
      // Mostly forward in time, with late additions to earlier days now and then.
      const int day = random() % 4 == 0 ? static_cast<int>(random() % 400)
                                        : std::min(399, step * 6 + static_cast<int>(random() % 6));
      const long n = static_cast<long>(random() % 7) - 2;
      series.add(1000 + day, {n});
      naive[static_cast<std::size_t>(day)] += n;
      if (random() % 10 == 0) series.refresh();
      const int a = static_cast<int>(random() % 400);
      const int b = a + static_cast<int>(random() % (400 - a));
      long expected = 0;
      for (int d = a; d <= b; ++d) expected += naive[static_cast<std::size_t>(d)];
      ASSERT_EQ(series.sum(1000 + a, 1000 + b).n, expected) << "round " << round << " step " << step;
    }
    series.refresh();
    EXPECT_FALSE(series.stale());
    long total = 0;
    for (int d = 0; d < 400; ++d) {
      total += naive[static_cast<std::size_t>(d)];
      ASSERT_EQ(series.sum_to(1000 + d).n, total);
    }
  }
}

}  // namespace
}  // namespace vigie::kpi
