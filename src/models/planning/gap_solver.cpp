#include "models/planning/gap_solver.hpp"

#include <algorithm>

#include "models/planning/gap_local_search.hpp"
#include "models/planning/solver_cbc.hpp"

namespace vigie::models::planning {
namespace {

using Seconds = std::chrono::duration<double>;

constexpr std::size_t kSmallCells = 1'000;  // agents × jobs up to which CBC gets most of the time

bool better(Sense sense, std::int64_t a, std::int64_t b) {
  return sense == Sense::maximise ? a > b : a < b;
}

}  // namespace

GapSolution solve_gap(const GapInstance& gap, const GapSolveOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&start] { return Seconds(std::chrono::steady_clock::now() - start); };
  GapSolution solution;

  if (options.method != GapMethod::exact) {
    LocalSearchOptions search;
    search.sense = options.sense;
    const bool small = gap.cost.size() <= kSmallCells;
    // A small instance's optimum is usually met within milliseconds; the rest is CBC's proof.
    search.time_limit = options.method == GapMethod::heuristic ? options.time_limit
                        : small ? std::min(Seconds(0.1), options.time_limit * 0.05)
                                : options.time_limit * 0.6;
    const LocalSearchResult found = gap_local_search(gap, search);
    if (found.assignment) {
      solution.assignment = found.assignment;
      solution.value = found.value;
    }
  }
  if (options.method != GapMethod::heuristic) {
    ExactOptions exact;
    exact.sense = options.sense;
    exact.time_limit = std::max(Seconds(0.01), options.time_limit - elapsed());
    exact.start = solution.assignment ? &*solution.assignment : nullptr;
    const ExactResult proved = solve_gap_cbc(gap, exact);
    solution.bound = proved.bound;
    solution.proven_infeasible = proved.proven_infeasible;
    if (proved.assignment &&
        (!solution.assignment || !better(options.sense, solution.value, proved.value))) {
      solution.assignment = proved.assignment;
      solution.value = proved.value;
    }
    solution.proven_optimal =
        proved.proven_optimal && solution.assignment && solution.value == proved.value;
  }
  solution.seconds = elapsed().count();
  return solution;
}

}  // namespace vigie::models::planning
