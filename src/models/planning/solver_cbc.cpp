#include "models/planning/solver_cbc.hpp"

#include <CbcModel.hpp>
#include <CbcStrategy.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <cmath>

namespace vigie::models::planning {
namespace {

// The integer program's columns: one per cell that is not fixed to zero.
struct Columns {
  std::vector<int> agent, job;
  std::vector<int> of_cell;  // agents × jobs → column, or −1
};

Columns make_columns(const GapInstance& gap, const std::vector<CellFix>* fixed) {
  Columns columns;
  columns.of_cell.assign(gap.cost.size(), -1);
  for (int i = 0; i < gap.agents; ++i) {
    for (int j = 0; j < gap.jobs; ++j) {
      const std::size_t cell = gap.index(i, j);
      if (gap.a(i, j) > gap.capacity[static_cast<std::size_t>(i)]) continue;
      if (fixed != nullptr && (*fixed)[cell] == CellFix::zero) continue;
      columns.of_cell[cell] = static_cast<int>(columns.agent.size());
      columns.agent.push_back(i);
      columns.job.push_back(j);
    }
  }
  return columns;
}

}  // namespace

ExactResult solve_gap_cbc(const GapInstance& gap, const ExactOptions& options) {
  const int m = gap.agents, n = gap.jobs;
  const Columns columns = make_columns(gap, options.fixed);
  const auto count = columns.agent.size();
  std::vector<double> objective(count), column_lower(count, 0.0), column_upper(count, 1.0);
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t cell = gap.index(columns.agent[k], columns.job[k]);
    objective[k] = static_cast<double>(gap.cost[cell]);
    if (options.fixed != nullptr && (*options.fixed)[cell] == CellFix::one) column_lower[k] = 1.0;
  }

  CoinPackedMatrix rows(false, 0, 0);  // row-ordered
  std::vector<double> row_lower, row_upper;
  std::vector<int> indexes;
  std::vector<double> values;
  const auto add_row = [&](double lower, double upper) {
    rows.appendRow(static_cast<int>(indexes.size()), indexes.data(), values.data());
    row_lower.push_back(lower);
    row_upper.push_back(upper);
    indexes.clear();
    values.clear();
  };
  for (int j = 0; j < n; ++j) {  // each job on exactly one agent
    for (int i = 0; i < m; ++i) {
      if (const int k = columns.of_cell[gap.index(i, j)]; k >= 0) {
        indexes.push_back(k);
        values.push_back(1.0);
      }
    }
    add_row(1.0, 1.0);
  }
  for (int i = 0; i < m; ++i) {  // each agent within its capacity
    for (int j = 0; j < n; ++j) {
      if (const int k = columns.of_cell[gap.index(i, j)]; k >= 0) {
        indexes.push_back(k);
        values.push_back(static_cast<double>(gap.a(i, j)));
      }
    }
    add_row(-COIN_DBL_MAX, static_cast<double>(gap.capacity[static_cast<std::size_t>(i)]));
  }

  OsiClpSolverInterface solver;
  solver.messageHandler()->setLogLevel(0);
  solver.loadProblem(rows, column_lower.data(), column_upper.data(), objective.data(),
                     row_lower.data(), row_upper.data());
  for (std::size_t k = 0; k < count; ++k) solver.setInteger(static_cast<int>(k));
  const double sign = options.sense == Sense::maximise ? -1.0 : 1.0;  // CBC minimises sign × cost
  solver.setObjSense(sign);

  CbcModel model(solver);
  model.setLogLevel(0);
  model.messageHandler()->setLogLevel(0);
  // No worker threads: with one, CBC hands the search to a thread that now and then waits
  // 10 s for a wake-up that came before it (measured on sub-problems solved in 0 s alone).
  model.setNumberThreads(0);
  model.setMaximumSeconds(options.time_limit.count());
  CbcStrategyDefault strategy(1);  // CBC's default cut generators and heuristics
  model.setStrategy(strategy);
  if (options.better_than) {
    // Integer costs: strictly better means better by at least one unit.
    model.setCutoff(sign * static_cast<double>(*options.better_than) - 0.5);
  } else if (options.start != nullptr && options.start->size() == static_cast<std::size_t>(n)) {
    std::vector<double> start(count, 0.0);
    double value = 0;
    bool usable = true;
    for (int j = 0; j < n; ++j) {
      const int i = (*options.start)[static_cast<std::size_t>(j)];
      const int k = columns.of_cell[gap.index(i, j)];
      if (k < 0) usable = false;
      else start[static_cast<std::size_t>(k)] = 1.0;
      value += static_cast<double>(gap.c(i, j));
    }
    if (usable) model.setBestSolution(start.data(), static_cast<int>(count), sign * value, true);
  }
  model.branchAndBound();

  ExactResult result;
  // Status 0: the search ran to its end (not stopped by the time limit). With no solution, none
  // exists (none better than `better_than` when it is given).
  const bool complete = model.status() == 0;
  const double* best = model.bestSolution();
  result.proven_infeasible = complete && best == nullptr;
  if (best != nullptr) {
    std::vector<int> assignment(static_cast<std::size_t>(n), -1);
    std::int64_t value = 0;
    for (std::size_t k = 0; k < count; ++k) {
      if (best[k] > 0.5) {
        assignment[static_cast<std::size_t>(columns.job[k])] = columns.agent[k];
        value += gap.c(columns.agent[k], columns.job[k]);
      }
    }
    result.assignment = std::move(assignment);
    result.value = value;
    result.proven_optimal = complete;
  }
  if (!result.proven_infeasible) {
    const double bound = model.getBestPossibleObjValue();  // already in the problem's sense
    if (std::isfinite(bound)) result.bound = bound;
  }
  return result;
}

}  // namespace vigie::models::planning
