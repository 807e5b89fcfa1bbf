#include "models/planning/gap_solver.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/planning/gap_lagrangian.hpp"
#include "models/planning/gap_local_search.hpp"
#include "models/planning/gap_subset_search.hpp"
#include "models/planning/solver_cbc.hpp"

namespace vigie::models::planning {
namespace {

using Seconds = std::chrono::duration<double>;

constexpr std::size_t kSmallCells = 1'000;  // agents × jobs up to which a proof is expected
// CBC overruns its time limit by up to a few hundred milliseconds: it gets the time up to this
// share of the limit.
constexpr double kExactShare = 0.95;
// Tabu steps after each repair of a knapsack cover: a few, so that the time goes to many covers
// (measured on generated type-D instances: 10 steps beat 100 and 1 000).
constexpr std::int64_t kRepairSteps = 10;

bool better(Sense sense, double a, double b) {
  return sense == Sense::maximise ? a > b : a < b;
}

// The tighter of two bounds: the lower bound of a minimisation rises, the upper of a
// maximisation falls.
double tighter(Sense sense, double a, double b) {
  return sense == Sense::maximise ? std::min(a, b) : std::max(a, b);
}

void take_if_better(GapSolution& solution, Sense sense, const std::vector<int>& assignment,
                    std::int64_t value) {
  if (solution.assignment && !better(sense, static_cast<double>(value),
                                     static_cast<double>(solution.value))) {
    return;
  }
  solution.assignment = assignment;
  solution.value = value;
}

void search(const GapInstance& gap, Sense sense, Seconds limit, std::optional<std::int64_t> target,
            std::uint64_t seed, GapSolution& solution) {
  if (limit <= Seconds(0)) return;
  LocalSearchOptions options;
  options.sense = sense;
  options.time_limit = limit;
  options.target = target;
  options.seed = seed;
  const LocalSearchResult found = gap_local_search(gap, options);
  if (found.assignment) take_if_better(solution, sense, *found.assignment, found.value);
}

// CBC alone, from the incumbent if there is one (the "exact" method when forced), or on what
// the Lagrangian fixing left, looking only for something better than the incumbent.
void prove(const GapInstance& gap, Sense sense, Seconds limit, const std::vector<CellFix>* fixed,
           GapSolution& solution) {
  ExactOptions exact;
  exact.sense = sense;
  exact.time_limit = std::max(Seconds(0.01), limit);
  exact.fixed = fixed;
  if (fixed != nullptr && solution.assignment) exact.better_than = solution.value;
  else if (solution.assignment) exact.start = &*solution.assignment;
  const ExactResult proved = solve_gap_cbc(gap, exact);
  if (proved.assignment) take_if_better(solution, sense, *proved.assignment, proved.value);
  if (proved.proven_infeasible) {
    // Nothing (better than the incumbent) exists.
    if (solution.assignment) {
      solution.proven_optimal = true;
      solution.bound = static_cast<double>(solution.value);
    } else {
      solution.proven_infeasible = true;
    }
    return;
  }
  if (proved.proven_optimal) {
    solution.proven_optimal = true;
    solution.bound = static_cast<double>(solution.value);
    return;
  }
  if (proved.bound) {
    // Integer costs: the bound rounds to the integer it implies. With a cutoff, CBC's bound
    // covers only what beats the incumbent.
    const double integral = sense == Sense::maximise ? std::floor(*proved.bound + 1e-6)
                                                     : std::ceil(*proved.bound - 1e-6);
    const double bound = exact.better_than
                             ? (sense == Sense::maximise
                                    ? std::max(integral, static_cast<double>(solution.value))
                                    : std::min(integral, static_cast<double>(solution.value)))
                             : integral;
    solution.bound = solution.bound ? tighter(sense, *solution.bound, bound) : bound;
  }
}

// The Lagrangian heuristic: the knapsacks' cover made an assignment — a job several knapsacks
// took stays on the cheapest of them, the others get its room back; a job none took is placed
// by the search's regret rule — then improved by a short tabu search.
std::optional<std::int64_t> repair_cover(const GapInstance& gap, Sense sense,
                                         const std::vector<std::vector<int>>& taken_by,
                                         std::uint64_t seed, GapSolution& solution) {
  std::vector<int> start(static_cast<std::size_t>(gap.jobs), -1);
  for (int i = 0; i < gap.agents; ++i) {
    for (const int j : taken_by[static_cast<std::size_t>(i)]) {
      int& agent = start[static_cast<std::size_t>(j)];
      if (agent < 0 || better(sense, static_cast<double>(gap.c(i, j)),
                              static_cast<double>(gap.c(agent, j)))) {
        agent = i;
      }
    }
  }
  LocalSearchOptions options;
  options.sense = sense;
  options.start = &start;
  options.seed = seed;
  options.max_iterations = kRepairSteps;
  const LocalSearchResult found = gap_local_search(gap, options);
  if (found.assignment) take_if_better(solution, sense, *found.assignment, found.value);
  if (!solution.assignment) return std::nullopt;
  return solution.value;
}

}  // namespace

GapSolution solve_gap(const GapInstance& gap, const GapSolveOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const Seconds limit = options.time_limit;
  const auto until = [&](double share) {  // the time left until this share of the limit
    return limit * share - Seconds(std::chrono::steady_clock::now() - start);
  };
  GapSolution solution;
  const auto finish = [&] {
    solution.seconds = Seconds(std::chrono::steady_clock::now() - start).count();
    return solution;
  };
  if (options.method == GapMethod::heuristic) {
    search(gap, options.sense, limit, std::nullopt, 1, solution);
    return finish();
  }
  if (options.method == GapMethod::exact) {
    prove(gap, options.sense, until(kExactShare), nullptr, solution);
    return finish();
  }

  // A small instance's optimum is usually met within milliseconds and the Lagrangian bound
  // proves it, or fixes most cells and leaves CBC a small program. Where the bound does not
  // prove the first assignment, the search goes on (aiming at the bound). On a large instance
  // the Lagrangian steps themselves drive the search: each step's knapsacks are repaired into
  // an assignment (the steps restart near the best multipliers when they converge); then the
  // exchanges between agents, and the bound is taken again against the better incumbent.
  const bool small = gap.cost.size() <= kSmallCells;
  search(gap, options.sense, small ? std::min(Seconds(0.02), limit * 0.02) : limit * 0.05,
         std::nullopt, 1, solution);
  std::uint64_t repairs = 0;
  const auto relax = [&](Seconds time, bool repairing) {
    LagrangianOptions relaxation;
    if (repairing) {
      relaxation.max_iterations = std::numeric_limits<int>::max();
      relaxation.restart = true;
      relaxation.on_knapsacks = [&](const std::vector<std::vector<int>>& taken_by) {
        return repair_cover(gap, options.sense, taken_by, ++repairs, solution);
      };
    }
    relaxation.sense = options.sense;
    relaxation.time_limit = time;
    if (solution.assignment) relaxation.incumbent = solution.value;
    LagrangianResult relaxed = gap_lagrangian(gap, relaxation);
    if (!relaxed.bound) {
      solution.proven_infeasible = true;  // a job fits no agent
    } else if (relaxed.incumbent_proven ||
               (solution.assignment && solution.value == *relaxed.bound)) {
      solution.proven_optimal = true;
      solution.bound = static_cast<double>(solution.value);
    } else {
      const auto bound = static_cast<double>(*relaxed.bound);
      solution.bound = solution.bound ? tighter(options.sense, *solution.bound, bound) : bound;
    }
    return relaxed;
  };
  LagrangianResult relaxed = relax(small ? limit * 0.1 : until(0.65), !small);
  if (solution.proven_infeasible || solution.proven_optimal) return finish();

  if (small) {
    // Fixing usually leaves CBC a program it proves at once; the search goes on only if not.
    prove(gap, options.sense, until(0.4), solution.assignment ? &relaxed.fixed : nullptr,
          solution);
    if (solution.proven_infeasible || solution.proven_optimal) return finish();
  }
  if (small) {
    relaxed = relax(until(0.7), true);  // its fixing is against the best assignment it met
    if (solution.proven_optimal) return finish();
  } else if (solution.assignment) {
    const auto before = solution.value;
    SubsetSearchOptions subsets;
    subsets.sense = options.sense;
    subsets.time_limit = until(0.85);
    gap_subset_search(gap, subsets, *solution.assignment, solution.value);
    if (solution.value != before) {
      relaxed = relax(limit * 0.05, false);  // the fixing again, against the better one
      if (solution.proven_optimal) return finish();
    }
  }
  prove(gap, options.sense, until(kExactShare), solution.assignment ? &relaxed.fixed : nullptr,
        solution);
  return finish();
}

}  // namespace vigie::models::planning
