// bench/planner_bench.hpp
//
// `vigie bench planner --gap FILE… --sense max|min [--time-limit S] [--peer cbc]`: the planner's
// GAP solvers (models/planning/gap_solver.hpp) on OR-Library instance files, each instance
// within the time limit; every assignment re-checked by the independent checker (an infeasible
// or mis-valued answer is a problem, not a result); the best-known value read from an
// `optima.csv` beside the file when it names the instance (file, 1-based index, optimum_max,
// optimum_min), and the gap to it; with --peer cbc, the `cbc` program on the same instance and
// limit, one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/report.hpp"
#include "models/planning/gap_instance.hpp"
#include "models/planning/gap_solver.hpp"

namespace vigie::bench {

struct PlannerBenchOptions {
  std::vector<std::string> files;
  models::planning::Sense sense = models::planning::Sense::maximise;
  double time_limit = 10;  // seconds per instance
  models::planning::GapMethod method = models::planning::GapMethod::automatic;
  std::string peer;        // "" or "cbc"
  std::string cbc_program = "cbc";
  bool keep = false;
};

struct PlannerInstanceResult {
  std::string name;
  std::optional<std::int64_t> value;
  std::optional<std::int64_t> best_known;
  std::optional<double> bound;
  double seconds = 0;
  bool proven_optimal = false;
  std::vector<int> assignment;
  std::optional<double> cbc_value;
  std::optional<double> cbc_seconds;

  std::optional<double> gap_pct() const;        // to the best known value
  std::optional<double> bound_gap_pct() const;  // to the bound: what may still be gained at most
};

struct PlannerBenchResult {
  PlannerBenchOptions options;
  std::vector<PlannerInstanceResult> instances;
  std::vector<std::string> problems;
};

PlannerBenchResult run_planner_bench(const PlannerBenchOptions& options, const Progress& progress);

std::string render_planner_table(const PlannerBenchResult& result);
std::string render_planner_json(const PlannerBenchResult& result);

}  // namespace vigie::bench
