#include "models/planning/solver_cbc.hpp"

#include <CbcModel.hpp>
#include <CbcStrategy.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <cmath>

namespace vigie::models::planning {

ExactResult solve_gap_cbc(const GapInstance& gap, const ExactOptions& options) {
  const int m = gap.agents, n = gap.jobs;
  const int columns = m * n;  // x_ij at i·n + j
  std::vector<double> objective(static_cast<std::size_t>(columns));
  for (int k = 0; k < columns; ++k) objective[static_cast<std::size_t>(k)] = static_cast<double>(gap.cost[static_cast<std::size_t>(k)]);
  const std::vector<double> column_lower(static_cast<std::size_t>(columns), 0.0);
  const std::vector<double> column_upper(static_cast<std::size_t>(columns), 1.0);

  CoinPackedMatrix rows(false, 0, 0);  // row-ordered
  std::vector<double> row_lower, row_upper;
  std::vector<int> indexes;
  std::vector<double> values;
  for (int j = 0; j < n; ++j) {  // each job on exactly one agent
    indexes.clear();
    values.clear();
    for (int i = 0; i < m; ++i) {
      indexes.push_back(i * n + j);
      values.push_back(1.0);
    }
    rows.appendRow(static_cast<int>(indexes.size()), indexes.data(), values.data());
    row_lower.push_back(1.0);
    row_upper.push_back(1.0);
  }
  for (int i = 0; i < m; ++i) {  // each agent within its capacity
    indexes.clear();
    values.clear();
    for (int j = 0; j < n; ++j) {
      indexes.push_back(i * n + j);
      values.push_back(static_cast<double>(gap.a(i, j)));
    }
    rows.appendRow(static_cast<int>(indexes.size()), indexes.data(), values.data());
    row_lower.push_back(-COIN_DBL_MAX);
    row_upper.push_back(static_cast<double>(gap.capacity[static_cast<std::size_t>(i)]));
  }

  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(rows, column_lower.data(), column_upper.data(), objective.data(),
                     row_lower.data(), row_upper.data());
  for (int k = 0; k < columns; ++k) solver.setInteger(k);
  solver.setObjSense(options.sense == Sense::maximise ? -1.0 : 1.0);

  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  model.setNumberThreads(1);
  model.setMaximumSeconds(options.time_limit.count());
  CbcStrategyDefault strategy(1);  // CBC's default cut generators and heuristics
  model.setStrategy(strategy);
  if (options.start != nullptr && options.start->size() == static_cast<std::size_t>(n)) {
    std::vector<double> start(static_cast<std::size_t>(columns), 0.0);
    double value = 0;
    for (int j = 0; j < n; ++j) {
      const int i = (*options.start)[static_cast<std::size_t>(j)];
      start[static_cast<std::size_t>(i * n + j)] = 1.0;
      value += static_cast<double>(gap.c(i, j));
    }
    // In CBC's internal sense (minimisation): a maximisation's value is negated.
    const double internal = options.sense == Sense::maximise ? -value : value;
    model.setBestSolution(start.data(), columns, internal, true);
  }
  model.branchAndBound();

  ExactResult result;
  result.proven_infeasible = model.isProvenInfeasible();
  const double* best = model.bestSolution();
  if (best != nullptr) {
    std::vector<int> assignment(static_cast<std::size_t>(n), -1);
    std::int64_t value = 0;
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < n; ++j) {
        if (best[i * n + j] > 0.5) {
          assignment[static_cast<std::size_t>(j)] = i;
          value += gap.c(i, j);
        }
      }
    }
    result.assignment = std::move(assignment);
    result.value = value;
    result.proven_optimal = model.isProvenOptimal();
  }
  if (!result.proven_infeasible) {
    const double bound = model.getBestPossibleObjValue();  // already in the problem's sense
    if (std::isfinite(bound)) result.bound = bound;
  }
  return result;
}

}  // namespace vigie::models::planning
