// `vigie plan` through the binary on a small demo company: the French table, the API's JSON
// whose figures hold together (savings = current − suggested, loads within capacity, one line
// per site), and a week that is not one refused.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <iterator>
#include <set>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

TEST(PlanCommand, PlansAWeekInFrenchAndAsJson) {
  const testing::TempDir dir;
  const std::string data_dir = dir.path().string();
  ASSERT_EQ(testing::run_vigie({"--data-dir", data_dir, "demo", "--sites", "40", "--years", "1",
                                "--end", "2026-11-29"}).exit_code, 0);
  const auto table = testing::run_vigie({"--data-dir", data_dir, "plan", "--week", "2026-W49"});
  ASSERT_EQ(table.exit_code, 0) << table.out;
  EXPECT_EQ(table.out.rfind("Planning de la semaine 2026-W49 (du 30/11/2026 au 04/12/2026) : ", 0), 0u)
      << table.out.substr(0, 200);
  EXPECT_NE(table.out.find("Trajets contre le plan actuel : "), std::string::npos);

  const auto json = testing::run_vigie(
      {"--data-dir", data_dir, "plan", "--week", "2026-W49", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(json.out).get(root), simdjson::SUCCESS) << json.out.substr(0, 300);
  EXPECT_EQ(std::string_view{root["id"].get_string().value()}.substr(0, 12), "PL-2026-W49-");
  EXPECT_EQ(std::string_view{root["monday"].get_string().value()}, "2026-11-30");
  EXPECT_TRUE(bool{root["found"].get_bool().value()});
  std::set<std::string> sites;
  std::int64_t changed = 0;
  for (const auto line : root["assignments"].get_array()) {
    EXPECT_TRUE(sites.insert(std::string{line["site_id"].get_string().value()}).second);
    changed += bool{line["changed"].get_bool().value()} ? 1 : 0;
    EXPECT_TRUE(line["predicted_delay_days"].is_null());  // no delay model trained here
  }
  EXPECT_GT(sites.size(), 3u);
  EXPECT_EQ(changed, int64_t{root["changes"].get_int64().value()});
  const auto part = [&](const char* side, const char* name) {
    return double{root["parts"][side][name].get_double().value()};
  };
  EXPECT_NEAR(double{root["savings"]["km"].get_double().value()},
              part("current", "km") - part("suggested", "km"), 0.11);
  const double score = root["score"].get_double().value();
  EXPECT_GE(score, 0);
  EXPECT_LE(score, 100);
  for (const auto team : root["teams"].get_array()) {
    EXPECT_LE(double{team["load_hours"].get_double().value()},
              double{team["capacity_hours"].get_double().value()} + 1e-9);
  }
}

TEST(PlanCommand, RefusesAWeekThatIsNotOne) {
  const testing::TempDir dir;
  const std::string err = dir.file("err.txt");
  const auto run = testing::run_vigie({"--data-dir", dir.path().string(), "plan", "--week", "2021-W53"}, err);
  EXPECT_EQ(run.exit_code, 2);
  std::ifstream text(err);
  const std::string said{std::istreambuf_iterator<char>(text), {}};
  EXPECT_NE(said.find("--week: \"2021-W53\" is not an ISO week"), std::string::npos) << said;
}

}  // namespace
}  // namespace vigie
