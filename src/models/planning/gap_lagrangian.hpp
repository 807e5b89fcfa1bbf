// models/planning/gap_lagrangian.hpp
//
// The GAP's Lagrangian bound (issue 8, point 2): the "each job on exactly one agent" rows are
// priced by multipliers and moved into the objective, which leaves one 0-1 knapsack per agent,
// solved exactly by dynamic programming over its capacity. Because the knapsacks keep their
// integrality, the bound is at least the linear relaxation's (Fisher, Jaikumar & Van Wassenhove
// 1986; Savelsbergh 1997). The multipliers are found by subgradient steps towards the incumbent.
//
// Given an incumbent, the same knapsacks tell, for each cell x_ij, the best bound with x_ij
// forced to 1 or to 0; where it cannot beat the incumbent the cell is fixed (reduced-cost
// fixing). This is what lets the exact solver prove small instances in milliseconds: most cells
// are gone before it starts, and often the bound alone meets the incumbent. Pure, but for the
// heuristic's hook.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::models::planning {

enum class CellFix : std::int8_t { free, zero, one };

struct LagrangianOptions {
  Sense sense = Sense::minimise;
  // A feasible value to aim the steps at and to fix cells against (nullopt: none known yet).
  std::optional<std::int64_t> incumbent;
  std::chrono::duration<double> time_limit{1.0};
  int max_iterations = 400;
  // The Lagrangian heuristic's hook: called at every step with the jobs each agent's knapsack
  // took (by agent), a cover of the jobs close to an assignment when the multipliers are good.
  // It returns the best value known after it (it may have repaired the cover into a better
  // incumbent, which the steps then aim at).
  std::function<std::optional<std::int64_t>(const std::vector<std::vector<int>>&)> on_knapsacks;
  // When the steps have converged, start again near the best multipliers (each moved at random
  // by a few per cent) until the time limit or max_iterations, to meet other covers.
  bool restart = false;
};

struct LagrangianResult {
  // The best bound in the instance's sense (≤ every feasible value of a minimisation, ≥ of a
  // maximisation), rounded to the integer it implies since costs are integers. nullopt: the
  // relaxation itself is infeasible (some job fits no agent).
  std::optional<std::int64_t> bound;
  // With an incumbent: agents × jobs, what no assignment better than the incumbent can do.
  std::vector<CellFix> fixed;
  bool incumbent_proven = false;  // the bound meets the incumbent: it is optimal
  int iterations = 0;
};

LagrangianResult gap_lagrangian(const GapInstance& gap, const LagrangianOptions& options);

}  // namespace vigie::models::planning
