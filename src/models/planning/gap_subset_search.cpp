#include "models/planning/gap_subset_search.hpp"

#include <algorithm>
#include <random>
#include <set>

#include "models/planning/gap_lagrangian.hpp"
#include "models/planning/solver_cbc.hpp"

namespace vigie::models::planning {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

constexpr int kJobsPerSubProblem = 80;  // proven in tens of milliseconds by the exact side
constexpr int kSubIterations = 150;     // Lagrangian steps per sub-problem
constexpr Seconds kSubTimeLimit{0.5};   // CBC's time on one sub-problem

struct SubProblem {
  GapInstance gap;
  std::vector<int> agents;  // sub agent → agent
  std::vector<int> jobs;    // sub job → job
};

SubProblem make_sub_problem(const GapInstance& gap, const std::vector<int>& agents,
                            const std::vector<int>& assignment) {
  SubProblem sub;
  sub.agents = agents;
  std::vector<int> sub_agent_of(static_cast<std::size_t>(gap.agents), -1);
  for (std::size_t s = 0; s < agents.size(); ++s) sub_agent_of[static_cast<std::size_t>(agents[s])] = static_cast<int>(s);
  for (int j = 0; j < gap.jobs; ++j) {
    if (sub_agent_of[static_cast<std::size_t>(assignment[static_cast<std::size_t>(j)])] >= 0) sub.jobs.push_back(j);
  }
  sub.gap.name = gap.name;
  sub.gap.agents = static_cast<int>(agents.size());
  sub.gap.jobs = static_cast<int>(sub.jobs.size());
  for (const int i : agents) {
    for (const int j : sub.jobs) sub.gap.cost.push_back(gap.c(i, j));
  }
  for (const int i : agents) {
    for (const int j : sub.jobs) sub.gap.resource.push_back(gap.a(i, j));
    sub.gap.capacity.push_back(gap.capacity[static_cast<std::size_t>(i)]);
  }
  return sub;
}

// Re-solves one sub-problem; true when it found a strictly better packing (applied).
bool improve(const GapInstance& gap, Sense sense, const std::vector<int>& agents, Seconds left,
             std::vector<int>& assignment, std::int64_t& value) {
  const SubProblem sub = make_sub_problem(gap, agents, assignment);
  if (sub.jobs.empty()) return false;
  std::int64_t current = 0;
  for (const int j : sub.jobs) current += gap.c(assignment[static_cast<std::size_t>(j)], j);

  LagrangianOptions relaxation;
  relaxation.sense = sense;
  relaxation.incumbent = current;
  relaxation.max_iterations = kSubIterations;
  relaxation.time_limit = std::min(left, kSubTimeLimit);
  const LagrangianResult relaxed = gap_lagrangian(sub.gap, relaxation);
  if (!relaxed.bound || relaxed.incumbent_proven) return false;

  ExactOptions exact;
  exact.sense = sense;
  exact.time_limit = std::max(Seconds(0.01), std::min(left, kSubTimeLimit));
  exact.fixed = &relaxed.fixed;
  exact.better_than = current;
  const ExactResult found = solve_gap_cbc(sub.gap, exact);
  if (!found.assignment) return false;
  for (std::size_t t = 0; t < sub.jobs.size(); ++t) {
    assignment[static_cast<std::size_t>(sub.jobs[t])] = sub.agents[static_cast<std::size_t>((*found.assignment)[t])];
  }
  value += found.value - current;
  return true;
}

}  // namespace

int gap_subset_search(const GapInstance& gap, const SubsetSearchOptions& options,
                      std::vector<int>& assignment, std::int64_t& value) {
  const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(options.time_limit);
  const int m = gap.agents;
  // Pairs of agents first; when every pair holds nothing better, triples, and so on while a
  // sub-problem stays small.
  const int largest = std::clamp(kJobsPerSubProblem * m / std::max(1, gap.jobs), 2, m - 1);
  std::mt19937_64 random(options.seed);
  std::vector<int> agents(static_cast<std::size_t>(m));
  for (int i = 0; i < m; ++i) agents[static_cast<std::size_t>(i)] = i;
  std::set<std::vector<int>> settled;  // gave nothing better (proven, or not within its time)
  int improvements = 0, size = 2;
  double combinations = m * (m - 1) / 2.0;
  while (size <= largest && Clock::now() < deadline) {
    if (static_cast<double>(settled.size()) >= combinations) {
      settled.clear();
      ++size;
      combinations = combinations * (m - size + 1) / size;
      continue;
    }
    std::shuffle(agents.begin(), agents.end(), random);
    std::vector<int> chosen(agents.begin(), agents.begin() + size);
    std::sort(chosen.begin(), chosen.end());
    if (settled.contains(chosen)) continue;
    const Seconds left = std::chrono::duration_cast<Seconds>(deadline - Clock::now());
    if (!improve(gap, options.sense, chosen, left, assignment, value)) {
      settled.insert(chosen);
      continue;
    }
    ++improvements;
    // Sub-problems sharing an agent with this one may hold something better now.
    std::erase_if(settled, [&chosen](const std::vector<int>& other) {
      return std::find_first_of(other.begin(), other.end(), chosen.begin(), chosen.end()) !=
             other.end();
    });
  }
  return improvements;
}

}  // namespace vigie::models::planning
