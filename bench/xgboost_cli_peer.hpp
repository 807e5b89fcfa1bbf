// bench/xgboost_cli_peer.hpp
//
// The `xgboost` command-line program (Debian's package xgboost, the same library Vigie links)
// as the peer of `vigie bench delay`: it trains on the very rows Vigie trains on, exported as
// LIBSVM, with the very parameters, written as its configuration file, for the number of rounds
// Vigie's early stopping ran, evaluating the validation rows after each round as Vigie does.
// What it prints after the last round lets the benchmark check that both learned the same trees.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/expected.hpp"
#include "models/xgboost_booster.hpp"

namespace vigie::bench {

// One model to train: written under `dir` as <name>.conf, <name>-train.libsvm,
// <name>-validation.libsvm; the program writes <name>.model and logs to <name>.log.
struct CliJob {
  std::string dir;
  std::string name;  // "classifier", "regressor"
  std::vector<std::pair<std::string, std::string>> params;
  int rounds = 0;
};

struct CliRun {
  double seconds = 0;      // wall time of the whole program: reading, training, saving
  int last_round = -1;     // 0-based, from its log
  double last_metric = 0;  // the validation metric after that round
};

// Rows as LIBSVM: "label index:value …", 0-based indexes, missing (NaN) values left out; values
// written in the shortest form that reads back to the same float.
Expected<void> write_libsvm(const models::Dataset& data, const std::string& path);

// Writes the job's rows and configuration.
Expected<void> prepare_cli_job(const CliJob& job, const models::Dataset& train,
                               const models::Dataset& validation);

// Runs `program <dir>/<name>.conf` once and reads its last evaluation line.
Expected<CliRun> run_cli_job(const std::string& program, const CliJob& job);

}  // namespace vigie::bench
