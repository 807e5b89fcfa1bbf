// bench/delay_bench.hpp
//
// `vigie bench delay`: the delay model's training and prediction, measured in one run.
//   1. the demo company is built by `vigie demo` (child process) into a fresh data directory,
//      or an existing data directory is reused (--data-dir);
//   2. its history is loaded and the training rows built exactly as `vigie train delay` builds
//      them (models/delay/dataset.hpp), timed apart;
//   3. training: Vigie trains its two models in-process (models::DelayModel::train, early
//      stopping, then saving both) and the `xgboost` program trains the same two on the same rows
//      and parameters for the rounds Vigie ran (bench/xgboost_cli_peer.hpp); the two alternate,
//      `rounds` times each, and the medians give the ratio Vigie / program. The program's last
//      validation metric must equal Vigie's after the same round: the same trees were learned;
//   4. prediction: one site at a time, for every site under way at the end of `end`, its
//      features computed from its history (models/delay/feature_builder.hpp) and both models scored
//      — what serving does for a site whose events changed — `predict_passes` times.
// A system that cannot be measured is reported missing (null in JSON), never estimated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/report.hpp"
#include "common/config.hpp"

namespace vigie::bench {

struct DelayBenchOptions {
  int sites = 100;
  int years = 3;
  std::uint64_t seed = 1;
  std::string end;           // last simulated day, YYYY-MM-DD (default: today, Paris)
  std::string data_dir;      // reuse this Vigie data directory instead of building the demo
  int rounds = 3;            // trainings of each system (medians)
  int predict_passes = 100;  // passes over the sites under way, one prediction at a time
  std::string xgboost_program = "xgboost";
  bool xgboost = true;       // measure the program (off: Vigie alone, no ratio)
  DelayModelSettings settings;  // models.delay.* of the configuration
  bool keep = false;
  std::string vigie_binary = "/proc/self/exe";
};

// One of the two models as each system trained it.
struct ModelRun {
  std::string name;    // "classifier", "regressor"
  std::string metric;  // the validation metric, e.g. "logloss"
  int rounds = 0;      // trained by Vigie (early stopping), then by the program
  double vigie_metric = 0;                 // Vigie's validation metric after the last round
  std::optional<double> cli_metric;        // the program's
  std::vector<double> cli_seconds;         // each run of the program
};

struct DelayBenchResult {
  DelayBenchOptions options;
  std::uint64_t events = 0;
  std::uint64_t train_rows = 0, validation_rows = 0;
  double dataset_seconds = 0;         // history → training rows (both systems start from these)
  std::vector<double> vigie_seconds;  // each training of both models, saving included
  std::vector<double> cli_seconds;    // each pair of program runs (classifier + regressor)
  std::vector<ModelRun> models;
  std::string xgboost_program;        // the path run
  std::uint64_t sites_scored = 0;
  std::vector<double> predict_us;     // features + both models, one site
  std::vector<double> features_us;    // of which the features
  std::vector<double> score_us;       // of which the scoring
  std::vector<std::string> problems;  // why something is missing
  std::string work_dir;

  std::optional<double> vigie_train_s() const;
  std::optional<double> cli_train_s() const;
  // Every model's metric after its last round is the same for both systems (1e-6 relative).
  bool agree() const;
  bool complete() const;  // every figure asked for was measured
};

DelayBenchResult run_delay_bench(const DelayBenchOptions& options, const Progress& progress);

std::string render_delay_table(const DelayBenchResult& result);
std::string render_delay_json(const DelayBenchResult& result);

}  // namespace vigie::bench
