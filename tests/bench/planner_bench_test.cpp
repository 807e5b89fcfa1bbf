// `vigie bench planner` on instance files written here: the tiny instance worked out by hand
// (minimum 12, maximum 18) in a file with a count and its optima.csv beside it, and a single
// instance without a count named by its bare stem; the JSON shape the issue gives; a file that
// is not an instance refused naming where.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>

#include "support/child_process.hpp"
#include "support/orlib_gap.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

constexpr std::string_view kTiny = testing::kTinyGap;  // minimum 12, maximum 18

TEST(PlannerBench, SolvesNamesAndComparesWithTheOptimaBeside) {
  const testing::TempDir dir;
  std::ofstream(dir.file("gapt.txt")) << "2\n" << kTiny << kTiny;
  std::ofstream(dir.file("optima.csv"))
      << "file,index,orlib_name,agents,jobs,optimum_max,optimum_min\n"
      << "gapt.txt,1,t-1,2,3,18,12\ngapt.txt,2,t-2,2,3,18,11\n";  // the 11 is wrong on purpose
  std::ofstream(dir.file("d2003.txt")) << kTiny;
  for (const auto& [sense, value] : {std::pair{"min", 12}, std::pair{"max", 18}}) {
    const auto run = testing::run_vigie({"bench", "planner", "--gap", dir.file("gapt.txt"), "--gap",
                                         dir.file("d2003.txt"), "--sense", sense, "--time-limit", "2",
                                         "--format", "json"});
    ASSERT_EQ(run.exit_code, 0) << run.out;
    simdjson::dom::parser parser;
    const simdjson::dom::element root = parser.parse(run.out);
    const simdjson::dom::array instances = root["instances"].get_array();
    ASSERT_EQ(instances.size(), 3u);
    const char* names[] = {"gapt-1", "gapt-2", "d2003"};
    std::size_t k = 0;
    for (const auto instance : instances) {
      SCOPED_TRACE(names[k]);
      EXPECT_EQ(std::string_view{instance["name"].get_string()}, names[k]);
      EXPECT_EQ(std::string_view{instance["sense"].get_string()}, sense);
      EXPECT_EQ(int64_t{instance["value"].get_int64()}, value);
      EXPECT_TRUE(bool{instance["proven_optimal"].get_bool()});
      EXPECT_EQ(instance["assignment"].get_array().size(), 3u);
      if (k == 0) {
        EXPECT_EQ(double{instance["gap_pct"].get_double()}, 0.0);
      }
      if (k == 1 && std::string_view{sense} == "min") {
        EXPECT_EQ(int64_t{instance["best_known"].get_int64()}, 11);
        EXPECT_NEAR(double{instance["gap_pct"].get_double()}, 100.0 / 11.0, 1e-9);
      }
      if (k == 2) {
        EXPECT_TRUE(instance["best_known"].is_null());
      }
      ++k;
    }
  }
}

TEST(PlannerBench, RefusesAFileThatIsNoInstance) {
  const testing::TempDir dir;
  std::ofstream(dir.file("bad.txt")) << "2 3\n4 six 5\n";
  const auto run = testing::run_vigie(
      {"bench", "planner", "--gap", dir.file("bad.txt"), "--sense", "min", "--format", "json"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find(R"(bad:2: \"six\" is not an integer)"), std::string::npos) << run.out;
}

}  // namespace
}  // namespace vigie
