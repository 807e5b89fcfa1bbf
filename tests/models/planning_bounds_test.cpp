// The GAP's Lagrangian bound and reduced-cost fixing (gap_lagrangian.hpp), the exchanges between
// agents (gap_subset_search.hpp) and the solvers behind one interface (gap_solver.hpp), on the
// tiny instance worked out by hand and on a published instance.
#include <gtest/gtest.h>

#include "models/planning/gap_checker.hpp"
#include "models/planning/gap_lagrangian.hpp"
#include "models/planning/gap_local_search.hpp"
#include "models/planning/gap_solver.hpp"
#include "models/planning/gap_subset_search.hpp"
#include "models/planning/solver_cbc.hpp"
#include "support/orlib_gap.hpp"

namespace vigie::models::planning {
namespace {

// Minimum 12 by (0,1,0), maximum 18 by (0,0,1) (support/orlib_gap.hpp).
constexpr std::string_view kTiny = testing::kTinyGap;

using testing::published_gap;

TEST(GapLagrangian, BoundsTheTinyInstanceAndProvesItsOptima) {
  const GapInstance gap = parse_gap_file(kTiny, "tiny")->front();
  LagrangianOptions options;
  const LagrangianResult low = gap_lagrangian(gap, options);
  ASSERT_TRUE(low.bound);
  EXPECT_LE(*low.bound, 12);
  options.sense = Sense::maximise;
  const LagrangianResult high = gap_lagrangian(gap, options);
  ASSERT_TRUE(high.bound);
  EXPECT_GE(*high.bound, 18);
  // Against a worse incumbent (15 for the minimum) the fixing keeps the optimum's cells open.
  options.sense = Sense::minimise;
  options.incumbent = 15;
  const LagrangianResult fixed = gap_lagrangian(gap, options);
  ASSERT_FALSE(fixed.incumbent_proven);
  ASSERT_EQ(fixed.fixed.size(), 6u);
  EXPECT_NE(fixed.fixed[gap.index(0, 0)], CellFix::zero);
  EXPECT_NE(fixed.fixed[gap.index(1, 1)], CellFix::zero);
  EXPECT_NE(fixed.fixed[gap.index(0, 2)], CellFix::zero);
  // Against the optimum itself: proven by the bound, or by CBC on the cells left.
  options.incumbent = 12;
  const LagrangianResult at_optimum = gap_lagrangian(gap, options);
  if (!at_optimum.incumbent_proven) {
    ExactOptions exact;
    exact.fixed = &at_optimum.fixed;
    exact.better_than = 12;
    EXPECT_TRUE(solve_gap_cbc(gap, exact).proven_infeasible);
  }
}

TEST(GapLagrangian, AJobThatFitsNoAgentHasNoBound) {
  const GapInstance gap = parse_gap_file("2 1\n1\n1\n4\n4\n3 3\n", "none")->front();
  EXPECT_FALSE(gap_lagrangian(gap, {}).bound);
}

TEST(GapSubsetSearch, ImprovesAPoorAssignmentAndKeepsItFeasible) {
  // gap12-1 (10 agents × 60 jobs, maximum 1451): from 10 tabu steps (1 428, deterministic for
  // the seed), the exchanges between agents improve it, and the result is checked independently.
  const auto instance = published_gap(12, 12).at(0);
  LocalSearchOptions start;
  start.sense = Sense::maximise;
  start.max_iterations = 10;
  const LocalSearchResult greedy = gap_local_search(instance.gap, start);
  ASSERT_TRUE(greedy.assignment);
  ASSERT_LT(greedy.value, instance.optimum_max);
  std::vector<int> assignment = *greedy.assignment;
  std::int64_t value = greedy.value;
  SubsetSearchOptions options;
  options.sense = Sense::maximise;
  options.time_limit = std::chrono::seconds(2);
  const int improvements = gap_subset_search(instance.gap, options, assignment, value);
  EXPECT_GT(improvements, 0);
  EXPECT_GT(value, greedy.value);
  EXPECT_LE(value, instance.optimum_max);
  const GapCheck check = check_assignment(instance.gap, assignment);
  EXPECT_TRUE(check.feasible);
  EXPECT_EQ(check.value, value);
}

TEST(GapSolver, EachMethodOnTheTinyInstance) {
  const GapInstance gap = parse_gap_file(kTiny, "tiny")->front();
  for (const GapMethod method : {GapMethod::automatic, GapMethod::exact, GapMethod::heuristic}) {
    GapSolveOptions options;
    options.method = method;
    options.time_limit = std::chrono::milliseconds(200);
    const GapSolution solution = solve_gap(gap, options);
    ASSERT_TRUE(solution.assignment);
    EXPECT_EQ(solution.value, 12);
    EXPECT_EQ(check_assignment(gap, *solution.assignment).value, 12);
    // The search alone proves nothing; the other two prove the minimum.
    EXPECT_EQ(solution.proven_optimal, method != GapMethod::heuristic);
  }
  const GapInstance none = parse_gap_file("2 1\n1\n1\n4\n4\n3 3\n", "none")->front();
  const GapSolution infeasible = solve_gap(none, {});
  EXPECT_TRUE(infeasible.proven_infeasible);
  EXPECT_FALSE(infeasible.assignment);
}

}  // namespace
}  // namespace vigie::models::planning
