// models/planning/gap_local_search.hpp
//
// The heuristic side of the planner for the GAP (issue 8, point 2): a tabu search over shift
// moves (one job to another agent) and swap moves (two jobs of two agents exchange), through
// infeasible assignments too, whose overload is priced by a weight that rises while the search
// stays infeasible and falls while it stays feasible (strategic oscillation, as in Yagiura,
// Ibaraki & Glover's work on the GAP). It starts from a regret-greedy assignment, restarts from
// the best one with a random kick when it stalls, and returns the best feasible assignment met.
// It proves nothing: the exact side gives the bound. Deterministic for a seed and an iteration
// budget; a time limit makes it depend on the machine's speed.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::models::planning {

struct LocalSearchOptions {
  Sense sense = Sense::minimise;
  std::chrono::duration<double> time_limit{10.0};
  std::int64_t max_iterations = -1;  // -1: until the time limit
  std::uint64_t seed = 1;
  // Stop as soon as this value is reached (a known optimum, or the exact side's bound).
  std::optional<std::int64_t> target;
  // Where to start (a job's agent each, feasible or not; −1: placed by regret, as all are when
  // null).
  const std::vector<int>* start = nullptr;
};

struct LocalSearchResult {
  std::optional<std::vector<int>> assignment;  // the best feasible one; nullopt if none met
  std::int64_t value = 0;                      // its value in the instance's sense
  std::int64_t iterations = 0;
  double seconds_to_best = 0;
};

LocalSearchResult gap_local_search(const GapInstance& gap, const LocalSearchOptions& options);

}  // namespace vigie::models::planning
