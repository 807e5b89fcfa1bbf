// `vigie kpis` through the binary on a small demo company: the French table and the JSON.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

TEST(KpisCommand, PrintsAllFifteenInFrenchAndAsJson) {
  const testing::TempDir dir;
  const std::string data_dir = dir.path().string();
  ASSERT_EQ(testing::run_vigie({"--data-dir", data_dir, "demo", "--sites", "4", "--years", "1",
                                "--end", "2026-11-29"}).exit_code, 0);
  const auto table = testing::run_vigie(
      {"--data-dir", data_dir, "kpis", "--period", "month", "--as-of", "2026-10-31"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_EQ(table.out.rfind("Indicateurs du 01/10/2026 au 31/10/2026 (période précédente : du "
                            "01/09/2026 au 30/09/2026)\n", 0), 0u) << table.out.substr(0, 200);
  for (const char* title : {"1. Chantiers actifs", "7. Charge bureau d'études",
                            "15. Économies optimisation"}) {
    EXPECT_NE(table.out.find(title), std::string::npos) << title;
  }
  const auto json = testing::run_vigie({"--data-dir", data_dir, "kpis", "--period", "month",
                                        "--as-of", "2026-10-31", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(json.out).get(root), simdjson::SUCCESS) << json.out.substr(0, 300);
  EXPECT_EQ(root["kpis"].get_array().size(), 15u);
  EXPECT_EQ(std::string_view{root["period"]["from"].get_string().value()}, "2026-10-01");
}

TEST(KpisCommand, RefusesADateThatIsNotOne) {
  const testing::TempDir dir;
  EXPECT_EQ(testing::run_vigie({"--data-dir", dir.path().string(), "kpis", "--as-of", "31/10/2026"})
                .exit_code, 2);
}

}  // namespace
}  // namespace vigie
