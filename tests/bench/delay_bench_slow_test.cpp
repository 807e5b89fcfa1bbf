// `vigie bench delay` end to end on a small demo company: Vigie's training in-process and
// Debian's `xgboost` program on the exported rows. Asserts that both
// learned the same trees (equal validation metric after the same rounds), that the program was
// given exactly the training rows, that every site under way was scored on every pass, and that
// the ratio is the quotient of the figures printed. Speed itself is the benchmark's to report.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/child_process.hpp"
#include "support/command_json.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

std::size_t line_count(const std::string& path) {
  std::ifstream file(path);
  std::size_t lines = 0;
  for (std::string line; std::getline(file, line);) ++lines;
  return lines;
}

// One small demo company for both tests (a minute under the sanitizers to build).
class DelayBench : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    company_ = new testing::TempDir;
    const auto built = testing::run_vigie({"--data-dir", data_dir(), "demo", "--sites", "30",
                                           "--years", "2", "--end", "2026-11-29"});
    ASSERT_EQ(built.exit_code, 0) << built.out;
  }
  static void TearDownTestSuite() {
    delete company_;
    company_ = nullptr;
  }
  static std::string data_dir() { return company_->file("vigie"); }

  static testing::TempDir* company_;
};

testing::TempDir* DelayBench::company_ = nullptr;

TEST_F(DelayBench, TheProgramLearnsTheSameTreesFromTheSameRows) {
  const auto result = testing::run_vigie({"bench", "delay", "--data-dir", data_dir(),
                                          "--end", "2026-11-29", "--rounds", "2",
                                          "--predict-passes", "3", "--keep", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.out;
  const testing::CommandJson json(result.out);
  ASSERT_TRUE(json.ok());
  const auto number = [&](const std::string& key) { return json.number(key); };
  const auto count = [&](const std::string& key) { return json.count(key); };
  const std::string work_dir = json.text("work_dir");

  EXPECT_TRUE(json.flag("same_trees"));
  for (const std::string model : {"classifier", "regressor"}) {
    EXPECT_GT(count(model + "_rounds"), 0u) << model;
    EXPECT_NEAR(number(model + "_vigie_metric"), number(model + "_cli_metric"), 1e-6) << model;
  }
  EXPECT_EQ(json.text("classifier_metric"), "logloss");
  EXPECT_EQ(json.text("regressor_metric"), "mae");
  // The program read one LIBSVM line per training row, for each model.
  EXPECT_GT(count("train_rows"), 100u);
  EXPECT_EQ(line_count(work_dir + "/classifier-train.libsvm"), count("train_rows"));
  EXPECT_EQ(line_count(work_dir + "/regressor-validation.libsvm"), count("validation_rows"));

  EXPECT_GT(number("vigie_train_s"), 0);
  EXPECT_GT(number("xgboost_cli_train_s"), 0);
  EXPECT_NEAR(number("ratio_vs_cli"), number("vigie_train_s") / number("xgboost_cli_train_s"), 1e-9);
  EXPECT_GT(count("sites_scored"), 0u);
  EXPECT_EQ(count("predictions"), 3 * count("sites_scored"));
  // Each prediction's total includes its features: so does every order statistic.
  EXPECT_GE(number("predict_us_p99"), number("features_us_p99"));
  EXPECT_GE(number("predict_us_p99"), number("predict_us_p50"));
  std::filesystem::remove_all(work_dir);
}

TEST_F(DelayBench, AMissingProgramIsReportedNotEstimated) {
  const testing::TempDir dir;
  const std::string log = dir.file("stderr.log");
  const auto result = testing::run_vigie({"bench", "delay", "--data-dir", data_dir(),
                                          "--end", "2026-11-29", "--rounds", "1",
                                          "--predict-passes", "1", "--xgboost", "/nonexistent/xgboost",
                                          "--format", "json"},
                                         log);
  EXPECT_EQ(result.exit_code, 1) << result.out;
  const testing::CommandJson json(result.out);
  ASSERT_TRUE(json.ok());
  EXPECT_TRUE(json.is_null("xgboost_cli_train_s"));
  EXPECT_TRUE(json.is_null("ratio_vs_cli"));
  EXPECT_GT(json.number("vigie_train_s"), 0);
  std::ifstream file(log);
  const std::string err{std::istreambuf_iterator<char>(file), {}};
  EXPECT_NE(err.find("/nonexistent/xgboost"), std::string::npos) << err;
}

}  // namespace
}  // namespace vigie
