// The generated GAP instances of `vigie bench gap-instances` (bench/gap_generator.hpp): each type
// follows its published recipe, the same files come out every time, and the text reads back
// through the OR-Library parser unchanged.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "bench/gap_generator.hpp"
#include "common/file_io.hpp"
#include "support/temp_dir.hpp"

namespace vigie::bench {
namespace {

using models::planning::GapInstance;

std::int64_t capacity_by_recipe(const GapInstance& gap, int agent) {
  const auto row = gap.resource.begin() + static_cast<std::ptrdiff_t>(gap.index(agent, 0));
  const std::int64_t total = std::accumulate(row, row + gap.jobs, std::int64_t{0});
  return static_cast<std::int64_t>(0.8 * static_cast<double>(total) / gap.agents);
}

TEST(GapGenerator, TypeDCostFallsAsResourceGrows) {
  const GapInstance gap = generate_gap('d', 20, 100);
  EXPECT_EQ(gap.name, "d20100");
  ASSERT_EQ(gap.cost.size(), 2000u);
  for (std::size_t k = 0; k < gap.cost.size(); ++k) {
    ASSERT_GE(gap.resource[k], 1);
    ASSERT_LE(gap.resource[k], 100);
    const std::int64_t noise = gap.cost[k] - (111 - gap.resource[k]);
    ASSERT_GE(noise, -10);
    ASSERT_LE(noise, 10);
  }
  for (int i = 0; i < gap.agents; ++i) {
    EXPECT_EQ(gap.capacity[static_cast<std::size_t>(i)], capacity_by_recipe(gap, i));
  }
  // Every value of the ranges is drawn somewhere, the ends included.
  EXPECT_EQ(*std::min_element(gap.resource.begin(), gap.resource.end()), 1);
  EXPECT_EQ(*std::max_element(gap.resource.begin(), gap.resource.end()), 100);
}

TEST(GapGenerator, TypesCAndEFollowTheirRecipes) {
  const GapInstance c = generate_gap('c', 5, 100);
  EXPECT_EQ(c.name, "c05100");
  for (std::size_t k = 0; k < c.cost.size(); ++k) {
    ASSERT_TRUE(c.resource[k] >= 5 && c.resource[k] <= 25);
    ASSERT_TRUE(c.cost[k] >= 10 && c.cost[k] <= 50);
  }
  const GapInstance e = generate_gap('e', 10, 200);
  for (std::size_t k = 0; k < e.cost.size(); ++k) {
    ASSERT_GE(e.resource[k], 1);
    // c = 1000 / a − 10 v with v in [0, 1), truncated.
    const double exact = 1000.0 / static_cast<double>(e.resource[k]);
    ASSERT_LE(static_cast<double>(e.cost[k]), exact);
    ASSERT_GE(static_cast<double>(e.cost[k]), exact - 11);
  }
  for (int i = 0; i < e.agents; ++i) {
    const auto row = e.resource.begin() + static_cast<std::ptrdiff_t>(e.index(i, 0));
    EXPECT_EQ(e.capacity[static_cast<std::size_t>(i)],
              std::max(capacity_by_recipe(e, i), *std::max_element(row, row + e.jobs)));
  }
}

TEST(GapGenerator, WritesTheSameFilesThatReadBack) {
  const testing::TempDir dir;
  const auto paths = write_generated_gaps(dir.path().string());
  ASSERT_TRUE(paths) << paths.error().describe();
  ASSERT_EQ(paths->size(), 24u);
  const auto text = read_file(dir.path() / "d10400.txt");
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, format_gap(generate_gap('d', 10, 400)));
  const auto parsed = models::planning::parse_gap_file(*text, "d10400");
  ASSERT_TRUE(parsed) << parsed.error().describe();
  ASSERT_EQ(parsed->size(), 1u);
  const GapInstance& back = parsed->front();
  const GapInstance again = generate_gap('d', 10, 400);
  EXPECT_EQ(back.name, "d10400");
  EXPECT_EQ(back.cost, again.cost);
  EXPECT_EQ(back.resource, again.resource);
  EXPECT_EQ(back.capacity, again.capacity);
}

}  // namespace
}  // namespace vigie::bench
