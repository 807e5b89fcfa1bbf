#include "models/planning/gap_local_search.hpp"

#include <algorithm>
#include <limits>
#include <random>

namespace vigie::models::planning {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int64_t kStallIterations = 2'000;  // without a new best: restart from it
constexpr double kWeightStep = 1.1;               // strategic oscillation of the overload price

// The search minimises; a maximisation instance is searched on negated costs.
struct Search {
  const GapInstance& gap;
  std::vector<std::int64_t> cost;  // signed for minimisation
  std::vector<int> assign;
  std::vector<std::int64_t> load;
  std::int64_t total = 0;
  std::int64_t excess = 0;
  double weight = 1;

  std::int64_t c(int i, int j) const { return cost[gap.index(i, j)]; }
  std::int64_t over(int i, std::int64_t l) const {
    return std::max<std::int64_t>(0, l - gap.capacity[static_cast<std::size_t>(i)]);
  }
  void put(int j, int i) {
    assign[static_cast<std::size_t>(j)] = i;
    const auto ii = static_cast<std::size_t>(i);
    excess -= over(i, load[ii]);
    load[ii] += gap.a(i, j);
    excess += over(i, load[ii]);
    total += c(i, j);
  }
  void take(int j) {
    const int i = assign[static_cast<std::size_t>(j)];
    const auto ii = static_cast<std::size_t>(i);
    excess -= over(i, load[ii]);
    load[ii] -= gap.a(i, j);
    excess += over(i, load[ii]);
    total -= c(i, j);
  }
  // The change of excess if agent i's load changed by delta.
  std::int64_t excess_delta(int i, std::int64_t delta) const {
    const auto l = load[static_cast<std::size_t>(i)];
    return over(i, l + delta) - over(i, l);
  }
};

// The jobs not placed yet (agent −1), by decreasing regret (second-cheapest fitting agent minus
// the cheapest), each to its cheapest agent that still fits, else to the one it overloads least.
void regret_greedy(Search& s) {
  const int n = s.gap.jobs, m = s.gap.agents;
  std::vector<std::pair<std::int64_t, int>> order;
  for (int j = 0; j < n; ++j) {
    if (s.assign[static_cast<std::size_t>(j)] >= 0) continue;
    std::int64_t best = std::numeric_limits<std::int64_t>::max(), second = best;
    for (int i = 0; i < m; ++i) {
      if (s.gap.a(i, j) > s.gap.capacity[static_cast<std::size_t>(i)]) continue;
      const auto cij = s.c(i, j);
      if (cij < best) {
        second = best;
        best = cij;
      } else if (cij < second) {
        second = cij;
      }
    }
    const std::int64_t regret = second == std::numeric_limits<std::int64_t>::max()
                                    ? std::numeric_limits<std::int64_t>::max() / 2
                                    : second - best;
    order.emplace_back(-regret, j);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [negative_regret, j] : order) {
    int chosen = -1;
    std::int64_t chosen_cost = 0, least_over = std::numeric_limits<std::int64_t>::max();
    int least_over_agent = 0;
    for (int i = 0; i < m; ++i) {
      const auto grown = s.load[static_cast<std::size_t>(i)] + s.gap.a(i, j);
      const auto o = s.over(i, grown);
      if (o == 0 && (chosen < 0 || s.c(i, j) < chosen_cost)) {
        chosen = i;
        chosen_cost = s.c(i, j);
      }
      if (o < least_over) {
        least_over = o;
        least_over_agent = i;
      }
    }
    s.put(j, chosen >= 0 ? chosen : least_over_agent);
  }
}

struct Move {
  int job = -1, to = -1;    // a shift, or the first job of a swap and its new agent
  int job2 = -1, to2 = -1;  // the second job of a swap and its new agent
  double score = std::numeric_limits<double>::infinity();
  std::int64_t cost_delta = 0, excess_delta = 0;
};

}  // namespace

LocalSearchResult gap_local_search(const GapInstance& gap, const LocalSearchOptions& options) {
  const Clock::time_point start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(options.time_limit);
  const int n = gap.jobs, m = gap.agents;
  const std::int64_t sign = options.sense == Sense::maximise ? -1 : 1;
  Search s{gap, {}, std::vector<int>(static_cast<std::size_t>(n), 0),
           std::vector<std::int64_t>(static_cast<std::size_t>(m), 0)};
  s.cost.reserve(gap.cost.size());
  for (const auto c : gap.cost) s.cost.push_back(sign * c);
  const auto [lowest, highest] = std::minmax_element(s.cost.begin(), s.cost.end());
  s.weight = std::max<double>(1.0, static_cast<double>(*highest - *lowest));
  for (int j = 0; j < n; ++j) {
    const int agent = options.start != nullptr ? (*options.start)[static_cast<std::size_t>(j)] : -1;
    if (agent >= 0) s.put(j, agent);
    else s.assign[static_cast<std::size_t>(j)] = -1;
  }
  regret_greedy(s);

  LocalSearchResult result;
  std::int64_t best_total = std::numeric_limits<std::int64_t>::max();
  std::vector<int> best_assign;
  const auto remember = [&] {
    if (s.excess != 0 || s.total >= best_total) return false;
    best_total = s.total;
    best_assign = s.assign;
    result.seconds_to_best = std::chrono::duration<double>(Clock::now() - start).count();
    return true;
  };
  remember();

  std::mt19937_64 random(options.seed);
  const int tenure_span = std::max(3, n / 10);
  std::vector<std::int64_t> tabu_until(static_cast<std::size_t>(n) * static_cast<std::size_t>(m), 0);
  const auto tabu = [&](int j, int i, std::int64_t it) {
    return tabu_until[static_cast<std::size_t>(j) * static_cast<std::size_t>(m) +
                      static_cast<std::size_t>(i)] > it;
  };
  std::int64_t since_best = 0;
  std::int64_t it = 0;
  for (;; ++it) {
    if (options.max_iterations >= 0 && it >= options.max_iterations) break;
    if ((it & 63) == 0 && Clock::now() >= deadline) break;
    if (options.target && !best_assign.empty() && sign * best_total == *options.target) break;

    Move best;
    const auto consider = [&](Move move, bool is_tabu) {
      const bool feasible_after = s.excess + move.excess_delta == 0;
      const bool aspires = feasible_after && s.total + move.cost_delta < best_total;
      if (is_tabu && !aspires) return;
      move.score = static_cast<double>(move.cost_delta) + s.weight * static_cast<double>(move.excess_delta);
      if (move.score < best.score) best = move;
    };
    for (int j = 0; j < n; ++j) {
      const int from = s.assign[static_cast<std::size_t>(j)];
      for (int to = 0; to < m; ++to) {
        if (to == from) continue;
        Move move{j, to};
        move.cost_delta = s.c(to, j) - s.c(from, j);
        move.excess_delta = s.excess_delta(from, -gap.a(from, j)) + s.excess_delta(to, gap.a(to, j));
        consider(move, tabu(j, to, it));
      }
    }
    for (int j = 0; j < n; ++j) {
      const int a1 = s.assign[static_cast<std::size_t>(j)];
      for (int k = j + 1; k < n; ++k) {
        const int a2 = s.assign[static_cast<std::size_t>(k)];
        if (a1 == a2) continue;
        Move move{j, a2, k, a1};
        move.cost_delta = s.c(a2, j) + s.c(a1, k) - s.c(a1, j) - s.c(a2, k);
        move.excess_delta = s.excess_delta(a1, gap.a(a1, k) - gap.a(a1, j)) +
                            s.excess_delta(a2, gap.a(a2, j) - gap.a(a2, k));
        consider(move, tabu(j, a2, it) || tabu(k, a1, it));
      }
    }
    if (best.job < 0) continue;  // every move tabu: the tenures run out
    const auto forbid_return = [&](int j, int agent) {
      const auto tenure = static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(tenure_span)) + 5;
      tabu_until[static_cast<std::size_t>(j) * static_cast<std::size_t>(m) +
                 static_cast<std::size_t>(agent)] = it + tenure;
    };
    forbid_return(best.job, s.assign[static_cast<std::size_t>(best.job)]);
    s.take(best.job);
    if (best.job2 >= 0) {
      forbid_return(best.job2, s.assign[static_cast<std::size_t>(best.job2)]);
      s.take(best.job2);
      s.put(best.job2, best.to2);
    }
    s.put(best.job, best.to);

    s.weight = s.excess > 0 ? s.weight * kWeightStep : std::max(1e-3, s.weight / kWeightStep);
    if (remember()) {
      since_best = 0;
    } else if (++since_best >= kStallIterations && !best_assign.empty()) {
      // Restart from the best with a kick: a few jobs moved at random.
      for (int j = 0; j < n; ++j) s.take(j);
      for (int j = 0; j < n; ++j) s.put(j, best_assign[static_cast<std::size_t>(j)]);
      const int kicks = std::max(2, n / 20);
      for (int k = 0; k < kicks; ++k) {
        const int j = static_cast<int>(random() % static_cast<std::uint64_t>(n));
        s.take(j);
        s.put(j, static_cast<int>(random() % static_cast<std::uint64_t>(m)));
      }
      since_best = 0;
    }
  }
  result.iterations = it;
  if (!best_assign.empty()) {
    result.assignment = std::move(best_assign);
    result.value = sign * best_total;
  }
  return result;
}

}  // namespace vigie::models::planning
