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

TEST(GapLagrangian, HandsEachStepsKnapsacksToTheHeuristicAndAimsAtWhatItReturns) {
  // gap1-1 (5 agents × 15 jobs), minimised: its minimum from optima.csv. Small, so that CBC's
  // proof below takes milliseconds even under the sanitizers (gap12-1 once ran past 10 s).
  const auto instance = published_gap(1, 1).at(0);
  const GapInstance& gap = instance.gap;
  LagrangianOptions options;
  options.max_iterations = 50;
  int calls = 0;
  options.on_knapsacks = [&](const std::vector<std::vector<int>>& taken_by) {
    ++calls;
    EXPECT_EQ(taken_by.size(), static_cast<std::size_t>(gap.agents));
    // Each agent's choice is a knapsack solution: within its capacity, no job twice.
    for (int i = 0; i < gap.agents; ++i) {
      std::int64_t load = 0;
      std::vector<char> seen(static_cast<std::size_t>(gap.jobs), 0);
      for (const int j : taken_by[static_cast<std::size_t>(i)]) {
        load += gap.a(i, j);
        EXPECT_EQ(seen[static_cast<std::size_t>(j)]++, 0);
      }
      EXPECT_LE(load, gap.capacity[static_cast<std::size_t>(i)]);
    }
    // The optimum, as if the heuristic had found it: the steps aim at it, and the fixing at the
    // end is against it.
    return std::optional<std::int64_t>(instance.optimum_min);
  };
  const LagrangianResult relaxed = gap_lagrangian(gap, options);
  EXPECT_GT(calls, 0);
  EXPECT_LE(calls, 50);
  ASSERT_TRUE(relaxed.bound);
  EXPECT_LE(*relaxed.bound, instance.optimum_min);
  // Fixed against the optimum, nothing strictly better remains for CBC to find.
  if (!relaxed.incumbent_proven) {
    ASSERT_EQ(relaxed.fixed.size(), gap.cost.size());
    ExactOptions exact;
    exact.fixed = &relaxed.fixed;
    exact.better_than = instance.optimum_min;
    EXPECT_TRUE(solve_gap_cbc(gap, exact).proven_infeasible);
  }
}

TEST(GapLocalSearch, StartsFromAPartialAssignmentAndPlacesTheRest) {
  // Tiny instance, minimum 12 by (0,1,0): started with job 0 on agent 0, job 1 on agent 1 and
  // job 2 not placed, no step taken: job 2 goes to its cheapest agent with room.
  const GapInstance gap = parse_gap_file(kTiny, "tiny")->front();
  const std::vector<int> start{0, 1, -1};
  LocalSearchOptions options;
  options.start = &start;
  options.max_iterations = 0;
  const LocalSearchResult result = gap_local_search(gap, options);
  ASSERT_TRUE(result.assignment);
  EXPECT_EQ(*result.assignment, (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(result.value, 12);
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
