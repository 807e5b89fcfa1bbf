// The GAP instances of the OR-Library format (gap_instance.hpp) and the independent checker
// (gap_checker.hpp), on hand-made instances whose values are worked out by hand, and on the
// 60 published instances of ../shared/data/orlib-gap.
#include <gtest/gtest.h>

#include "models/planning/gap_checker.hpp"
#include "models/planning/gap_instance.hpp"
#include "models/planning/gap_local_search.hpp"
#include "models/planning/solver_cbc.hpp"
#include "support/orlib_gap.hpp"

namespace vigie::models::planning {
namespace {

constexpr std::string_view kSmall = testing::kTinyGap;  // worked out by hand (support/orlib_gap.hpp)

TEST(GapInstance, ReadsASingleInstanceNamedByItsStem) {
  auto read = parse_gap_file(kSmall, "tiny");
  ASSERT_TRUE(read) << read.error().describe();
  ASSERT_EQ(read->size(), 1u);
  const GapInstance& gap = read->front();
  EXPECT_EQ(gap.name, "tiny");
  EXPECT_EQ(gap.agents, 2);
  EXPECT_EQ(gap.jobs, 3);
  EXPECT_EQ(gap.c(1, 1), 3);
  EXPECT_EQ(gap.a(0, 2), 4);
  EXPECT_EQ(gap.capacity, (std::vector<std::int64_t>{6, 5}));
}

TEST(GapInstance, ReadsAFileWithACountNamingEachByPosition) {
  const std::string two = "2\n" + std::string{kSmall} + "1 1\n9\n2\n3\n";
  auto read = parse_gap_file(two, "gapx");
  ASSERT_TRUE(read) << read.error().describe();
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ((*read)[0].name, "gapx-1");
  EXPECT_EQ((*read)[1].name, "gapx-2");
  EXPECT_EQ((*read)[1].c(0, 0), 9);
  EXPECT_EQ((*read)[1].capacity[0], 3);
}

TEST(GapInstance, RefusesBadInputNamingWhere) {
  auto letters = parse_gap_file("2 3\n4 6 x\n", "bad");
  ASSERT_FALSE(letters);
  EXPECT_EQ(letters.error().field, "bad:2");
  EXPECT_EQ(letters.error().message, "\"x\" is not an integer");
  auto short_file = parse_gap_file("2 3\n4 6 5\n", "cut");
  ASSERT_FALSE(short_file);
  EXPECT_NE(short_file.error().message.find("expects 14 numbers after its size, the file has 3"),
            std::string::npos);
  auto negative = parse_gap_file("1 1\n5\n-2\n4\n", "neg");
  ASSERT_FALSE(negative);
  EXPECT_EQ(negative.error().field, "neg:3");
  EXPECT_NE(negative.error().message.find("a resource is -2"), std::string::npos);
  EXPECT_FALSE(parse_gap_file("", "empty"));
  auto extra = parse_gap_file(std::string{kSmall} + "7\n", "extra");
  ASSERT_FALSE(extra);
}

TEST(GapChecker, FeasibleAssignmentAndItsValueByHand) {
  const GapInstance gap = parse_gap_file(kSmall, "tiny")->front();
  // Jobs 0, 2 on agent 0 (load 2 + 4 = 6 ≤ 6), job 1 on agent 1 (load 2 ≤ 5): 4 + 5 + 3 = 12.
  const int best[] = {0, 1, 0};
  const GapCheck ok = check_assignment(gap, best);
  EXPECT_TRUE(ok.feasible);
  EXPECT_EQ(ok.value, 12);
  EXPECT_EQ(ok.load, (std::vector<std::int64_t>{6, 2}));
  // Everything on agent 0: load 9 over 6.
  const int all_on_zero[] = {0, 0, 0};
  const GapCheck over = check_assignment(gap, all_on_zero);
  EXPECT_FALSE(over.feasible);
  ASSERT_EQ(over.problems.size(), 1u);
  EXPECT_EQ(over.problems[0], "agent 0: load 9 over its capacity 6");
  const int unknown[] = {0, 2, 0};
  EXPECT_EQ(check_assignment(gap, unknown).problems.at(0), "job 1: agent 2 is not one of the 2 agents");
  const int too_few[] = {0, 1};
  EXPECT_FALSE(check_assignment(gap, too_few).feasible);
}

// The tiny instance's 8 assignments by hand: feasible are (0,0,1) = 18, (0,1,0) = 12 and
// (1,1,0) = 15; so the minimum is 12 and the maximum 18.
TEST(GapLocalSearch, FindsTheOptimaWorkedOutByHand) {
  const GapInstance gap = parse_gap_file(kSmall, "tiny")->front();
  for (const auto& [sense, optimum] : {std::pair{Sense::minimise, 12}, std::pair{Sense::maximise, 18}}) {
    LocalSearchOptions options;
    options.sense = sense;
    options.max_iterations = 200;
    const auto found = gap_local_search(gap, options);
    ASSERT_TRUE(found.assignment) << sense_name(sense);
    const GapCheck check = check_assignment(gap, *found.assignment);
    EXPECT_TRUE(check.feasible);
    EXPECT_EQ(check.value, optimum) << sense_name(sense);
    EXPECT_EQ(found.value, check.value);
  }
}

TEST(GapLocalSearch, NoFeasibleAssignmentIsNoAnswer) {
  // One job of size 4 and agents of capacity 3: nothing fits.
  const GapInstance gap = parse_gap_file("2 1\n1\n1\n4\n4\n3 3\n", "none")->front();
  LocalSearchOptions options;
  options.max_iterations = 50;
  EXPECT_FALSE(gap_local_search(gap, options).assignment);
}

TEST(GapExact, ProvesTheOptimaWorkedOutByHand) {
  const GapInstance gap = parse_gap_file(kSmall, "tiny")->front();
  for (const auto& [sense, optimum] : {std::pair{Sense::minimise, 12}, std::pair{Sense::maximise, 18}}) {
    ExactOptions options;
    options.sense = sense;
    const ExactResult exact = solve_gap_cbc(gap, options);
    ASSERT_TRUE(exact.assignment) << sense_name(sense);
    EXPECT_TRUE(exact.proven_optimal);
    EXPECT_EQ(exact.value, optimum);
    EXPECT_EQ(check_assignment(gap, *exact.assignment).value, optimum);
    ASSERT_TRUE(exact.bound);
    EXPECT_NEAR(*exact.bound, optimum, 1e-6);
  }
}

TEST(GapExact, StartsFromAGivenAssignmentAndProvesNothingFits) {
  const GapInstance gap = parse_gap_file(kSmall, "tiny")->front();
  const std::vector<int> start = {1, 1, 0};  // feasible, 15: not the minimum
  ExactOptions options;
  options.start = &start;
  const ExactResult exact = solve_gap_cbc(gap, options);
  EXPECT_TRUE(exact.proven_optimal);
  EXPECT_EQ(exact.value, 12);
  const GapInstance none = parse_gap_file("2 1\n1\n1\n4\n4\n3 3\n", "none")->front();
  const ExactResult infeasible = solve_gap_cbc(none, {});
  EXPECT_TRUE(infeasible.proven_infeasible);
  EXPECT_FALSE(infeasible.assignment);
}

TEST(GapInstance, ReadsThe60PublishedInstancesWithTheirOptima) {
  const auto all = testing::published_gap(1, 12);
  ASSERT_EQ(all.size(), 60u);
  EXPECT_EQ(all[0].gap.name, "gap1-1");
  EXPECT_EQ(all[59].gap.name, "gap12-5");
  EXPECT_EQ(all[59].gap.agents, 10);
  EXPECT_EQ(all[59].gap.jobs, 60);
  EXPECT_EQ(all[0].optimum_max, 336);  // c515-1, OR-Library's table
  EXPECT_EQ(all[0].optimum_min, 261);
}

}  // namespace
}  // namespace vigie::models::planning
