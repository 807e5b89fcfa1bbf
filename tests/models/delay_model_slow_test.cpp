// The delay model on the demo company (100 sites, 3 years, seed 1, ending 2026-11-29), the way
// the README runs it: `vigie demo`, `vigie train delay`, `vigie eval delay --format json`,
// `vigie models`, `vigie predict`. With the time split, the model must reach the targets of
// models.md (precision 0.85, recall 0.80, F1 0.82), stay within 0.05 of the F1 of the
// simulator's true probabilities or beat it, and beat the plain rule SPI < 0.95 clearly.
// Then in-process: a prediction's factors are the features with the largest contributions,
// and every suggested action, re-scored alone, lowers the predicted delay.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>

#include "bench/event_corpus.hpp"
#include "models/delay/prediction.hpp"
#include "models/delay/training.hpp"
#include "store/store.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie::models {
namespace {

using namespace std::chrono;

double number(simdjson::dom::element object, const char* key) {
  double value = -1;
  EXPECT_EQ(object[key].get(value), simdjson::SUCCESS) << key;
  return value;
}

TEST(DelayModelOnTheDemo, TrainsEvaluatesAndPredictsFromTheCommandLine) {
  const testing::TempDir dir;
  const std::string data = dir.file("data");
  ASSERT_EQ(testing::run_vigie({"--data-dir", data, "demo", "--end", "2026-11-29"}).exit_code, 0);
  const auto trained = testing::run_vigie({"--data-dir", data, "train", "delay"});
  ASSERT_EQ(trained.exit_code, 0);
  EXPECT_NE(trained.out.find("version 1 enregistrée et active"), std::string::npos) << trained.out;

  const auto eval = testing::run_vigie({"--data-dir", data, "eval", "delay", "--format", "json"});
  ASSERT_EQ(eval.exit_code, 0);
  simdjson::dom::parser parser;
  simdjson::dom::element report;
  ASSERT_EQ(parser.parse(eval.out).get(report), simdjson::SUCCESS) << eval.out;
  const double f1 = number(report, "f1"), rule_f1 = number(report, "rule_f1");
  const double oracle_f1 = number(report, "oracle_f1");
  EXPECT_GE(number(report, "test_sites"), 20);
  EXPECT_GE(number(report, "precision"), 0.85);
  EXPECT_GE(number(report, "recall"), 0.80);
  EXPECT_GE(f1, 0.82);
  EXPECT_GE(f1, oracle_f1 - 0.05);
  EXPECT_GE(f1, rule_f1 + 0.05);
  EXPECT_GT(number(report, "roc_auc"), 0.85);
  EXPECT_LT(number(report, "brier"), 0.2);
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "data/models/delay-v1-evaluation.md"));

  const auto listed = testing::run_vigie({"--data-dir", data, "models"});
  EXPECT_NE(listed.out.find("vigie train delay"), std::string::npos) << listed.out;

  // Planning against delay (issue 8, point 6): with the model, each planned site carries the
  // delay predicted with its suggested and its current team, and the plan's part is their sum.
  const auto planned = testing::run_vigie(
      {"--data-dir", data, "plan", "--week", "2026-W48", "--format", "json"});
  ASSERT_EQ(planned.exit_code, 0) << planned.out;
  simdjson::dom::element plan;
  ASSERT_EQ(parser.parse(planned.out).get(plan), simdjson::SUCCESS) << planned.out.substr(0, 300);
  double suggested_sum = 0, current_sum = 0;
  std::size_t lines = 0;
  for (auto line : plan["assignments"].get_array()) {
    suggested_sum += number(line, "predicted_delay_days");
    current_sum += number(line, "current_predicted_delay_days");
    ++lines;
  }
  EXPECT_GT(lines, 5u);
  EXPECT_NEAR(suggested_sum, number(plan["parts"]["suggested"], "predicted_delay_days"), 0.05 * lines + 0.1);
  EXPECT_NEAR(current_sum, number(plan["parts"]["current"], "predicted_delay_days"), 0.05 * lines + 0.1);

  const auto predicted = testing::run_vigie(
      {"--data-dir", data, "predict", "--as-of", "2026-11-29", "--format", "json"});
  ASSERT_EQ(predicted.exit_code, 0);
  simdjson::dom::element answer;
  ASSERT_EQ(parser.parse(predicted.out).get(answer), simdjson::SUCCESS) << predicted.out;
  simdjson::dom::array list;
  ASSERT_EQ(answer["predictions"].get(list), simdjson::SUCCESS);
  EXPECT_GT(list.size(), 10u);
  for (auto prediction : list) {
    EXPECT_EQ(number(prediction, "model_version"), 1);
    const double p = number(prediction, "p_late");
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
    simdjson::dom::array factors;
    ASSERT_EQ(prediction["factors"].get(factors), simdjson::SUCCESS);
    EXPECT_EQ(factors.size(), 3u);
  }

  // The promotion rule (issue 9, point 5): a retrained version that does worse on the same test
  // sites is recorded but does not serve; by hand it can, and a rollback brings version 1 back.
  std::ofstream(dir.file("worse.toml")) << "[models.delay]\nmax_rounds = 1\nmax_depth = 1\neta = 0.001\n";
  const auto worse = testing::run_vigie({"--data-dir", data, "--config", dir.file("worse.toml"), "train", "delay"});
  ASSERT_EQ(worse.exit_code, 0) << worse.out;
  EXPECT_NE(worse.out.find("version 2 enregistrée mais non promue : moins bonne que la version 1, qui reste active"),
            std::string::npos) << worse.out;
  const auto active_version = [&]() -> std::int64_t {
    auto store = store::open_store({"sqlite", data + "/vigie.sqlite", true});
    EXPECT_TRUE(store);
    if (!store) return -1;
    auto versions = (*store)->model_versions(std::string{kDelayModelName});
    EXPECT_TRUE(versions);
    for (const auto& row : *versions) {
      if (row.version == 2) {
        EXPECT_NE(row.metrics.find(R"("promotion":{"promoted":false,"against_version":1,)"), std::string::npos)
            << row.metrics;
      }
      if (row.active) return row.version;
    }
    return 0;
  };
  EXPECT_EQ(active_version(), 1);
  EXPECT_EQ(testing::run_vigie({"--data-dir", data, "models", "promote", "2"}).exit_code, 0);
  EXPECT_EQ(active_version(), 2);
  EXPECT_NE(testing::run_vigie({"--data-dir", data, "models", "rollback", "3"}).exit_code, 0);
  const auto back = testing::run_vigie({"--data-dir", data, "models", "rollback", "1"});
  EXPECT_EQ(back.exit_code, 0);
  EXPECT_NE(back.out.find("version 1 active à la place de la version 2 (retour en arrière à la main)"),
            std::string::npos) << back.out;
  EXPECT_EQ(active_version(), 1);
}

struct Trained {
  CompanyHistory history;
  std::unique_ptr<SimilarSites> similar;
  std::optional<LoadedDelayModel> loaded;
};

// Built once for the suite and freed before exit: XGBoost's own globals are gone by the time
// static objects are destroyed, and a booster freed then would crash.
class DelayModelInProcess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { trained_ = new Trained(train()); }
  static void TearDownTestSuite() {
    delete trained_;
    trained_ = nullptr;
  }
  static Trained train() {
    Trained t;
    auto corpus = bench::build_corpus({1, 100, 3, 2026y / November / 29d});
    EXPECT_TRUE(corpus);
    if (!corpus) return t;
    for (const auto& event : corpus->events) t.history.apply(event);
    t.history.sort();
    t.similar = std::make_unique<SimilarSites>(t.history);
    auto data = build_delay_dataset(t.history, *t.similar, {});
    EXPECT_TRUE(data);
    if (!data) return t;
    auto model = DelayModel::train(DelayModelSettings{}, *data);
    EXPECT_TRUE(model);
    if (model) t.loaded.emplace(LoadedDelayModel{std::move(*model), {}, data->cut, 10, 0.1, {}});
    return t;
  }
  static Trained* trained_;
};
Trained* DelayModelInProcess::trained_ = nullptr;

TEST_F(DelayModelInProcess, FactorsAreTheLargestContributionsAndActionsLowerTheDelay) {
  const Trained& t = *trained_;
  ASSERT_TRUE(t.loaded);
  const DelayModelSettings settings;
  const DelayPredictor predictor(*t.loaded, settings);
  const Instant now = sys_days{2026y / November / 29d} + 17h;
  int predicted = 0, actions = 0;
  for (const auto& site : t.history.sites()) {
    if (!under_way_at(site, now)) continue;
    auto prediction = predictor.predict(t.history, *t.similar, site, now);
    ASSERT_TRUE(prediction);
    ++predicted;
    // The factors: the three largest |contributions| among the features present.
    auto contributions = t.loaded->model.contributions(std::span{&prediction->features, 1});
    ASSERT_TRUE(contributions);
    std::vector<std::pair<float, std::size_t>> ranked;
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
      if (!std::isnan(prediction->features.values[i])) ranked.push_back({std::fabs((*contributions)[0][i]), i});
    }
    std::sort(ranked.rbegin(), ranked.rend());
    ASSERT_EQ(prediction->factors.size(), 3u) << site.id;
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(static_cast<std::size_t>(prediction->factors[k].feature), ranked[k].second)
          << site.id << " factor " << k << ": " << prediction->factors[k].text;
      EXPECT_FALSE(prediction->factors[k].text.empty());
    }
    // Each action, re-scored on its own, lowers the predicted delay and raises no risk.
    for (const auto& action : prediction->actions) {
      auto again = t.loaded->model.score(std::span{&action.changed, 1});
      ASSERT_TRUE(again);
      EXPECT_LE((*again)[0].delay_days, prediction->delay_days - 0.5) << site.id << ": " << action.text;
      EXPECT_LE((*again)[0].p_late, prediction->p_late) << site.id << ": " << action.text;
      EXPECT_NE(action.text.find("retard prédit"), std::string::npos);
      ++actions;
    }
  }
  EXPECT_GT(predicted, 10);
  EXPECT_GT(actions, 0) << "no action helped on any site: the counterfactuals are not exercised";
}

}  // namespace
}  // namespace vigie::models
