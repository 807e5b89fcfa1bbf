// models/planning/gap_solver.hpp
//
// One interface over the GAP's solvers (issue 8, point 2). By default: the tabu search finds a
// good assignment quickly; the Lagrangian bound (knapsack relaxation) either proves it optimal or
// fixes the cells that cannot improve on it; CBC then proves or improves on the program that is
// left, in the time left. The split of the time follows the instance's size (a small one is
// expected to be proven; on a large one the search matters more and the bounds measure it: the
// Lagrangian heuristic — each subgradient step's knapsacks repaired into an assignment — and
// exact re-packing of subsets of agents get most of the time). A
// caller can force the search alone ("heuristic") or CBC alone ("exact").
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::models::planning {

enum class GapMethod : std::uint8_t { automatic, exact, heuristic };

struct GapSolveOptions {
  Sense sense = Sense::minimise;
  std::chrono::duration<double> time_limit{10.0};
  GapMethod method = GapMethod::automatic;
};

struct GapSolution {
  std::optional<std::vector<int>> assignment;  // nullopt: no feasible assignment found
  std::int64_t value = 0;
  std::optional<double> bound;  // no better value exists (Lagrangian or CBC)
  bool proven_optimal = false;
  bool proven_infeasible = false;
  double seconds = 0;
};

GapSolution solve_gap(const GapInstance& gap, const GapSolveOptions& options);

}  // namespace vigie::models::planning
