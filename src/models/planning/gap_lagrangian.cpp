#include "models/planning/gap_lagrangian.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace vigie::models::planning {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kEpsilon = 1e-6;
constexpr int kStallSteps = 20;     // steps without a better bound before the step size halves
constexpr double kSmallestStep = 1e-3;
constexpr double kRestartNoise = 0.05;  // a restart moves each multiplier by up to ±5 %
constexpr double kRestartStep = 1.0;

// One agent's knapsack under multipliers u: profit u_j − w_ij for each job that fits, capacity
// b_i. Only profitable jobs are items; the rest are never worth taking.
struct Knapsack {
  std::vector<int> jobs;
  std::vector<std::int64_t> weight;
  std::vector<double> profit;
  std::int64_t capacity = 0;

  void load(const GapInstance& gap, const std::vector<double>& w, const std::vector<double>& u,
            int agent) {
    jobs.clear();
    weight.clear();
    profit.clear();
    capacity = gap.capacity[static_cast<std::size_t>(agent)];
    for (int j = 0; j < gap.jobs; ++j) {
      const double p = u[static_cast<std::size_t>(j)] - w[gap.index(agent, j)];
      const std::int64_t a = gap.a(agent, j);
      if (p <= kEpsilon || a > capacity) continue;
      jobs.push_back(j);
      weight.push_back(a);
      profit.push_back(p);
    }
  }
  std::size_t width() const { return static_cast<std::size_t>(capacity) + 1; }
};

// The knapsack's best value and which of its items it takes.
double solve_knapsack(const Knapsack& k, std::vector<char>& taken) {
  const std::size_t n = k.jobs.size(), width = k.width();
  std::vector<double> best(width, 0.0);
  std::vector<char> keep(n * width, 0);
  for (std::size_t t = 0; t < n; ++t) {
    const auto a = static_cast<std::size_t>(k.weight[t]);
    for (std::size_t c = width; c-- > a;) {
      const double with = best[c - a] + k.profit[t];
      if (with > best[c]) {
        best[c] = with;
        keep[t * width + c] = 1;
      }
    }
  }
  taken.assign(n, 0);
  std::size_t c = width - 1;
  for (std::size_t t = n; t-- > 0;) {
    if (keep[t * width + c] != 0) {
      taken[t] = 1;
      c -= static_cast<std::size_t>(k.weight[t]);
    }
  }
  return best[width - 1];
}

// For each cell of one agent, the knapsack's best value with that job forced in and forced out,
// from the best values of the items before it (forward) and after it (backward).
struct ForcedValues {
  std::vector<double> with, without;  // by job; with = −∞ where the job cannot fit
};

ForcedValues forced_values(const GapInstance& gap, const Knapsack& k,
                           const std::vector<double>& w, const std::vector<double>& u, int agent) {
  const std::size_t n = k.jobs.size(), width = k.width();
  std::vector<double> forward((n + 1) * width, 0.0), backward((n + 1) * width, 0.0);
  for (std::size_t t = 0; t < n; ++t) {
    const auto a = static_cast<std::size_t>(k.weight[t]);
    for (std::size_t c = 0; c < width; ++c) {
      double v = forward[t * width + c];
      if (c >= a) v = std::max(v, forward[t * width + c - a] + k.profit[t]);
      forward[(t + 1) * width + c] = v;
    }
  }
  for (std::size_t t = n; t-- > 0;) {
    const auto a = static_cast<std::size_t>(k.weight[t]);
    for (std::size_t c = 0; c < width; ++c) {
      double v = backward[(t + 1) * width + c];
      if (c >= a) v = std::max(v, backward[(t + 1) * width + c - a] + k.profit[t]);
      backward[t * width + c] = v;
    }
  }
  // The best of items other than t within capacity `room`.
  const auto best_without = [&](std::size_t t, std::size_t room) {
    double best = 0;
    for (std::size_t c = 0; c <= room; ++c) {
      best = std::max(best, forward[t * width + c] + backward[(t + 1) * width + room - c]);
    }
    return best;
  };
  const double whole = forward[n * width + width - 1];
  ForcedValues values;
  values.with.assign(static_cast<std::size_t>(gap.jobs), -std::numeric_limits<double>::infinity());
  values.without.assign(static_cast<std::size_t>(gap.jobs), whole);
  for (std::size_t t = 0; t < n; ++t) {
    const auto j = static_cast<std::size_t>(k.jobs[t]);
    values.without[j] = best_without(t, width - 1);
    values.with[j] = k.profit[t] + best_without(t, width - 1 - static_cast<std::size_t>(k.weight[t]));
  }
  // A job that is no item (unprofitable, but fitting) forced in: its profit plus the best of all
  // items in the room left.
  for (int j = 0; j < gap.jobs; ++j) {
    const auto jj = static_cast<std::size_t>(j);
    const std::int64_t a = gap.a(agent, j);
    if (std::isfinite(values.with[jj]) || a > k.capacity) continue;
    values.with[jj] = u[jj] - w[gap.index(agent, j)] +
                      forward[n * width + static_cast<std::size_t>(k.capacity - a)];
  }
  return values;
}

}  // namespace

LagrangianResult gap_lagrangian(const GapInstance& gap, const LagrangianOptions& options) {
  const auto start = Clock::now();
  const int m = gap.agents, n = gap.jobs;
  const double sign = options.sense == Sense::maximise ? -1.0 : 1.0;  // minimise sign × cost
  std::vector<double> w(gap.cost.size());
  for (std::size_t k = 0; k < w.size(); ++k) w[k] = sign * static_cast<double>(gap.cost[k]);
  std::optional<std::int64_t> incumbent = options.incumbent;
  double upper = incumbent ? sign * static_cast<double>(*incumbent) : 0.0;
  std::vector<std::vector<int>> taken_by(options.on_knapsacks ? static_cast<std::size_t>(m) : 0);

  LagrangianResult result;
  // Start from each job's cheapest fitting agent: the bound of "every job alone at its best".
  std::vector<double> u(static_cast<std::size_t>(n), std::numeric_limits<double>::infinity());
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < m; ++i) {
      if (gap.a(i, j) <= gap.capacity[static_cast<std::size_t>(i)]) {
        u[static_cast<std::size_t>(j)] = std::min(u[static_cast<std::size_t>(j)], w[gap.index(i, j)]);
      }
    }
    if (!std::isfinite(u[static_cast<std::size_t>(j)])) return result;  // job j fits no agent
  }

  std::vector<Knapsack> knapsacks(static_cast<std::size_t>(m));
  std::vector<char> taken;
  std::vector<int> count(static_cast<std::size_t>(n));
  std::vector<double> best_u = u;
  std::mt19937_64 random(1);
  double best = -std::numeric_limits<double>::infinity(), step = 2.0;
  int stall = 0;
  for (; result.iterations < options.max_iterations; ++result.iterations) {
    double value = 0;
    for (double uj : u) value += uj;
    std::fill(count.begin(), count.end(), 0);
    for (int i = 0; i < m; ++i) {
      Knapsack& k = knapsacks[static_cast<std::size_t>(i)];
      k.load(gap, w, u, i);
      value -= solve_knapsack(k, taken);
      if (options.on_knapsacks) taken_by[static_cast<std::size_t>(i)].clear();
      for (std::size_t t = 0; t < taken.size(); ++t) {
        if (taken[t] == 0) continue;
        ++count[static_cast<std::size_t>(k.jobs[t])];
        if (options.on_knapsacks) taken_by[static_cast<std::size_t>(i)].push_back(k.jobs[t]);
      }
    }
    if (options.on_knapsacks) {
      const auto known = options.on_knapsacks(taken_by);
      if (known && (!incumbent || sign * static_cast<double>(*known) < upper)) {
        incumbent = known;
        upper = sign * static_cast<double>(*known);
      }
    }
    if (value > best + kEpsilon) {
      best = value;
      best_u = u;
      stall = 0;
    } else if (++stall >= kStallSteps) {
      step /= 2;
      stall = 0;
    }
    if (incumbent && best > upper - 1 + kEpsilon) break;  // nothing better than the incumbent
    double norm = 0;
    for (int c : count) norm += static_cast<double>((1 - c) * (1 - c));
    // Every job taken exactly once: the knapsacks' solution is a feasible assignment at the
    // bound, so the bound is the optimum.
    if (norm == 0) break;
    if (step < kSmallestStep) {
      if (!options.restart) break;
      std::uniform_real_distribution<double> jitter(1 - kRestartNoise, 1 + kRestartNoise);
      for (int j = 0; j < n; ++j) {
        u[static_cast<std::size_t>(j)] = best_u[static_cast<std::size_t>(j)] * jitter(random);
      }
      step = kRestartStep;
      continue;
    }
    if (Clock::now() - start > options.time_limit) break;
    const double target = incumbent ? upper : best + std::max(1.0, 0.05 * std::abs(best));
    const double length = step * std::max(target - value, kEpsilon) / norm;
    for (int j = 0; j < n; ++j) {
      u[static_cast<std::size_t>(j)] += length * (1 - count[static_cast<std::size_t>(j)]);
    }
  }
  const auto rounded = static_cast<std::int64_t>(std::ceil(best - kEpsilon));
  result.bound = options.sense == Sense::maximise ? -rounded : rounded;
  if (!incumbent) return result;
  result.incumbent_proven = best > upper - 1 + kEpsilon;
  if (result.incumbent_proven) return result;

  // Reduced-cost fixing at the best multipliers: a cell whose forced bound cannot go below the
  // incumbent by a whole unit is fixed the other way.
  result.fixed.assign(gap.cost.size(), CellFix::free);
  std::vector<double> value_of(static_cast<std::size_t>(m));
  for (int i = 0; i < m; ++i) {
    Knapsack& k = knapsacks[static_cast<std::size_t>(i)];
    k.load(gap, w, best_u, i);
    value_of[static_cast<std::size_t>(i)] = solve_knapsack(k, taken);
  }
  const double cut = upper - 1 + kEpsilon;  // against the best incumbent, the hook's included
  for (int i = 0; i < m; ++i) {
    const Knapsack& k = knapsacks[static_cast<std::size_t>(i)];
    const ForcedValues forced = forced_values(gap, k, w, best_u, i);
    const double base = best + value_of[static_cast<std::size_t>(i)];
    for (int j = 0; j < n; ++j) {
      const auto jj = static_cast<std::size_t>(j);
      CellFix& cell = result.fixed[gap.index(i, j)];
      if (!std::isfinite(forced.with[jj]) || base - forced.with[jj] > cut) cell = CellFix::zero;
      else if (base - forced.without[jj] > cut) cell = CellFix::one;
    }
  }
  // A job forced to one agent is off the others; a job with no agent left means that no
  // assignment beats the incumbent.
  for (int j = 0; j < n; ++j) {
    int open = 0;
    for (int i = 0; i < m; ++i) {
      if (result.fixed[gap.index(i, j)] != CellFix::one) continue;
      for (int other = 0; other < m; ++other) {
        if (other != i) result.fixed[gap.index(other, j)] = CellFix::zero;
      }
    }
    for (int i = 0; i < m; ++i) open += result.fixed[gap.index(i, j)] != CellFix::zero ? 1 : 0;
    if (open == 0) result.incumbent_proven = true;
  }
  return result;
}

}  // namespace vigie::models::planning
