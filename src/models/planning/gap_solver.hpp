// models/planning/gap_solver.hpp
//
// One interface over the GAP's two solvers (issue 8, point 2): the tabu search finds a good
// assignment quickly, then CBC starts from it to prove it optimal or to improve it and bound the
// optimum, in the time left. The split of the time follows the instance's size (a small one is
// CBC's to prove; on a large one the search matters more and CBC mostly gives the bound), and a
// caller can force one solver alone.
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
  std::optional<double> bound;  // from CBC: no better value exists
  bool proven_optimal = false;
  bool proven_infeasible = false;
  double seconds = 0;
};

GapSolution solve_gap(const GapInstance& gap, const GapSolveOptions& options);

}  // namespace vigie::models::planning
