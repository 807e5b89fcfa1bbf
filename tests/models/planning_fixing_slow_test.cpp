// Reduced-cost fixing (gap_lagrangian.hpp) on the published instances gap1–gap6 (30, both
// senses): against an incumbent one unit worse than the optimum of optima.csv, the optimum is
// never fixed away — CBC on the cells left finds it — and the bound never passes it.
#include <gtest/gtest.h>

#include "models/planning/gap_checker.hpp"
#include "models/planning/gap_lagrangian.hpp"
#include "models/planning/solver_cbc.hpp"
#include "support/orlib_gap.hpp"

namespace vigie::models::planning {
namespace {

std::int64_t worse_by_one(Sense sense, std::int64_t value) {
  return sense == Sense::maximise ? value - 1 : value + 1;
}

TEST(GapLagrangian, FixingNeverCutsOffThePublishedOptimum) {
  for (const auto& instance : testing::published_gap(1, 6)) {
    for (const Sense sense : {Sense::minimise, Sense::maximise}) {
      SCOPED_TRACE(instance.gap.name + " " + std::string{sense_name(sense)});
      const std::int64_t optimum = instance.optimum(sense);
      LagrangianOptions options;
      options.sense = sense;
      options.incumbent = worse_by_one(sense, optimum);
      const LagrangianResult relaxed = gap_lagrangian(instance.gap, options);
      ASSERT_TRUE(relaxed.bound);
      if (sense == Sense::minimise) EXPECT_LE(*relaxed.bound, optimum);
      else EXPECT_GE(*relaxed.bound, optimum);
      ASSERT_FALSE(relaxed.incumbent_proven);
      ExactOptions exact;
      exact.sense = sense;
      exact.fixed = &relaxed.fixed;
      exact.better_than = *options.incumbent;
      const ExactResult found = solve_gap_cbc(instance.gap, exact);
      ASSERT_TRUE(found.assignment);
      EXPECT_EQ(found.value, optimum);
      const GapCheck check = check_assignment(instance.gap, *found.assignment);
      EXPECT_TRUE(check.feasible);
      EXPECT_EQ(check.value, optimum);
    }
  }
}

}  // namespace
}  // namespace vigie::models::planning
