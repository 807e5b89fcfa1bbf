// models/planning/solver_cbc.hpp
//
// The exact side of the planner for the GAP (issue 8, point 2): the integer program — x_ij
// binary, each job on exactly one agent, each agent's resource within its capacity — solved by
// COIN-OR CBC (Debian's coinor-libcbc-dev, in-process, one thread) with its default cuts and
// heuristics. Given the tabu search's best assignment it starts from it, so that CBC spends its
// time on the bound. It proves optimality (or infeasibility) when the time allows and otherwise
// returns its best bound: the lower bound of a minimisation (upper for a maximisation) that the
// planner's score is measured against. Given the cells that reduced-cost fixing removed and an
// incumbent to beat, it solves the smaller program that is left. The one file that includes
// CBC's headers.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include "models/planning/gap_instance.hpp"
#include "models/planning/gap_lagrangian.hpp"

namespace vigie::models::planning {

struct ExactOptions {
  Sense sense = Sense::minimise;
  std::chrono::duration<double> time_limit{10.0};
  const std::vector<int>* start = nullptr;  // a feasible assignment to begin from (optional)
  // Cells the Lagrangian bound fixed (agents × jobs; optional): the integer program is built on
  // the free cells alone.
  const std::vector<CellFix>* fixed = nullptr;
  // Look only for values strictly better than this one (an incumbent found elsewhere): then
  // "proven infeasible" means that the incumbent is optimal.
  std::optional<std::int64_t> better_than;
};

struct ExactResult {
  std::optional<std::vector<int>> assignment;  // the best feasible one found
  std::int64_t value = 0;
  std::optional<double> bound;  // best possible value (≤ optimum for min, ≥ for max)
  bool proven_optimal = false;
  bool proven_infeasible = false;  // (none better than `better_than` when given)
};

ExactResult solve_gap_cbc(const GapInstance& gap, const ExactOptions& options);

}  // namespace vigie::models::planning
