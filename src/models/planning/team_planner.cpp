#include "models/planning/team_planner.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "models/planning/gap_instance.hpp"
#include "models/planning/plan_checker.hpp"
#include "models/planning/plan_reasons.hpp"

namespace vigie::models::planning {
namespace {

constexpr int kBalanceRounds = 50;

// The sites some team may take, and per such site and team its parts and whether it may.
struct Cells {
  std::vector<int> sites;                     // indexes into problem.sites
  std::vector<std::vector<CostParts>> parts;  // [k][team]
  std::vector<std::vector<char>> allowed;     // [k][team]: skills, vehicle, hours within capacity
};

Cells make_cells(const WeekProblem& problem, const PlanningSettings& settings, WeekPlan& plan) {
  Cells cells;
  for (std::size_t s = 0; s < problem.sites.size(); ++s) {
    const PlanSite& site = problem.sites[s];
    std::vector<CostParts> parts;
    std::vector<char> allowed;
    bool any = false;
    for (const PlanTeam& team : problem.teams) {
      parts.push_back(cell_parts(team, site, settings));
      const bool may = eligibility(team, site).barrier == Barrier::none &&
                       site.demand_hours <= team.capacity_hours;
      allowed.push_back(may ? 1 : 0);
      any = any || may;
    }
    if (!any) {
      plan.left_out.emplace_back(site.id, site_barrier(problem, site));
      continue;
    }
    cells.sites.push_back(static_cast<int>(s));
    cells.parts.push_back(std::move(parts));
    cells.allowed.push_back(std::move(allowed));
  }
  return cells;
}

// The GAP of the cells: agents = teams (whole hours of capacity), jobs = sites (their hours
// rounded up), costs in cents; a cell not allowed needs more than its team has.
GapInstance make_gap(const WeekProblem& problem, const Cells& cells, const PlanningSettings& settings) {
  GapInstance gap;
  gap.name = "semaine";
  gap.agents = static_cast<int>(problem.teams.size());
  gap.jobs = static_cast<int>(cells.sites.size());
  for (const PlanTeam& team : problem.teams) {
    gap.capacity.push_back(static_cast<std::int64_t>(std::floor(team.capacity_hours + 1e-9)));
  }
  for (int t = 0; t < gap.agents; ++t) {
    for (int k = 0; k < gap.jobs; ++k) {
      const auto kk = static_cast<std::size_t>(k), tt = static_cast<std::size_t>(t);
      gap.cost.push_back(std::llround(weighted_eur(cells.parts[kk][tt], settings) * 100));
      const double hours = problem.sites[static_cast<std::size_t>(cells.sites[kk])].demand_hours;
      gap.resource.push_back(cells.allowed[kk][tt] != 0
                                 ? static_cast<std::int64_t>(std::ceil(hours - 1e-9))
                                 : gap.capacity[tt] + 1);
    }
  }
  return gap;
}

double overload_hours(const WeekProblem& problem, const std::vector<double>& load,
                      const PlanningSettings& settings) {
  double over = 0;
  for (std::size_t t = 0; t < load.size(); ++t) {
    over += std::max(0.0, load[t] - settings.balance_share * problem.teams[t].capacity_hours);
  }
  return over;
}

std::vector<double> loads(const WeekProblem& problem, const Cells& cells, const std::vector<int>& team_of) {
  std::vector<double> load(problem.teams.size(), 0.0);
  for (std::size_t k = 0; k < cells.sites.size(); ++k) {
    if (team_of[k] >= 0) {
      load[static_cast<std::size_t>(team_of[k])] += problem.sites[static_cast<std::size_t>(cells.sites[k])].demand_hours;
    }
  }
  return load;
}

// The plan's parts and weighted objective (team_of by cell row; -1: not given).
PlanSide price(const WeekProblem& problem, const Cells& cells, const std::vector<int>& team_of,
               const PlanningSettings& settings) {
  PlanSide side;
  for (std::size_t k = 0; k < cells.sites.size(); ++k) {
    if (team_of[k] >= 0) side.parts += cells.parts[k][static_cast<std::size_t>(team_of[k])];
  }
  side.parts.overload_hours = overload_hours(problem, loads(problem, cells, team_of), settings);
  side.objective_eur = weighted_eur(side.parts, settings);
  return side;
}

// Moves of one site and swaps of two that lower the objective with the overload counted, within
// the hard constraints, until none does.
void balance(const WeekProblem& problem, const Cells& cells, const PlanningSettings& settings,
             std::vector<int>& team_of) {
  const std::size_t n = cells.sites.size();
  const auto hours = [&](std::size_t k) {
    return problem.sites[static_cast<std::size_t>(cells.sites[k])].demand_hours;
  };
  const auto fits = [&](std::size_t k, int t, double load) {
    return cells.allowed[k][static_cast<std::size_t>(t)] != 0 &&
           load <= problem.teams[static_cast<std::size_t>(t)].capacity_hours + 1e-9;
  };
  double best = price(problem, cells, team_of, settings).objective_eur;
  std::vector<double> load = loads(problem, cells, team_of);
  const auto try_change = [&](std::vector<int>& candidate) {
    const double value = price(problem, cells, candidate, settings).objective_eur;
    if (value >= best - 1e-6) return false;
    best = value;
    team_of = candidate;
    load = loads(problem, cells, team_of);
    return true;
  };
  for (int round = 0; round < kBalanceRounds; ++round) {
    bool improved = false;
    for (std::size_t k = 0; k < n; ++k) {
      for (int t = 0; t < static_cast<int>(problem.teams.size()); ++t) {
        if (t == team_of[k] || !fits(k, t, load[static_cast<std::size_t>(t)] + hours(k))) continue;
        std::vector<int> candidate = team_of;
        candidate[k] = t;
        improved = try_change(candidate) || improved;
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      for (std::size_t l = k + 1; l < n; ++l) {
        const int a = team_of[k], b = team_of[l];
        if (a == b) continue;
        if (!fits(k, b, load[static_cast<std::size_t>(b)] - hours(l) + hours(k)) ||
            !fits(l, a, load[static_cast<std::size_t>(a)] - hours(k) + hours(l))) {
          continue;
        }
        std::vector<int> candidate = team_of;
        std::swap(candidate[k], candidate[l]);
        improved = try_change(candidate) || improved;
      }
    }
    if (!improved) break;
  }
}

double score_of(double current, double suggested, double bound) {
  if (suggested >= current) return 0;
  if (current - bound < 1e-6) return 100;
  return std::clamp(100 * (current - suggested) / (current - bound), 0.0, 100.0);
}

}  // namespace

WeekPlan plan_week(const WeekProblem& problem, const PlanningSettings& settings, GapMethod method) {
  const auto start = std::chrono::steady_clock::now();
  WeekPlan plan;
  const Cells cells = make_cells(problem, settings, plan);
  const auto finish = [&] {
    plan.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return plan;
  };
  if (cells.sites.empty()) {
    plan.found = true;  // nothing to place
    return finish();
  }
  const GapInstance gap = make_gap(problem, cells, settings);
  GapSolveOptions options;
  options.sense = Sense::minimise;
  options.time_limit = std::chrono::duration<double>(settings.time_limit_seconds);
  options.method = method;
  const GapSolution solved = solve_gap(gap, options);
  if (!solved.assignment) {
    plan.barriers = week_barriers(problem, cells.sites);
    if (!solved.proven_infeasible) {
      plan.barriers.push_back("aucun plan trouvé dans le temps accordé au calcul");
    }
    return finish();
  }
  std::vector<int> team_of = *solved.assignment;
  balance(problem, cells, settings, team_of);

  // The current plan on the same sites; a site it gives no known team is priced on the
  // suggested team, so that both sides cover the same sites.
  std::vector<int> current_of(cells.sites.size());
  std::vector<int> current_full(problem.sites.size(), -1), suggested_full(problem.sites.size(), -1);
  for (std::size_t k = 0; k < cells.sites.size(); ++k) {
    const PlanSite& site = problem.sites[static_cast<std::size_t>(cells.sites[k])];
    const int current = problem.team_index(site.current_team);
    current_of[k] = current >= 0 ? current : team_of[k];
    current_full[static_cast<std::size_t>(cells.sites[k])] = current;
    suggested_full[static_cast<std::size_t>(cells.sites[k])] = team_of[k];
  }
  const PlanCheck check = check_plan(problem, suggested_full);
  if (!check.feasible) {  // a planner defect: never hand over a plan that breaks a constraint
    plan.barriers = check.violations;
    return finish();
  }
  plan.found = true;
  plan.load_hours = check.load_hours;
  plan.current_violations = check_plan(problem, current_full).violations;
  plan.suggested = price(problem, cells, team_of, settings);
  plan.current = price(problem, cells, current_of, settings);
  if (solved.bound) plan.bound_eur = *solved.bound / 100;
  plan.proven_optimal = solved.proven_optimal;
  plan.score = score_of(plan.current.objective_eur, plan.suggested.objective_eur,
                        plan.bound_eur.value_or(plan.suggested.objective_eur));
  for (std::size_t k = 0; k < cells.sites.size(); ++k) {
    const PlanSite& site = problem.sites[static_cast<std::size_t>(cells.sites[k])];
    SitePlanLine line;
    line.site_id = site.id;
    line.team_id = problem.teams[static_cast<std::size_t>(team_of[k])].id;
    line.current_team_id = site.current_team;
    line.suggested = cells.parts[k][static_cast<std::size_t>(team_of[k])];
    line.current = cells.parts[k][static_cast<std::size_t>(current_of[k])];
    plan.changes += !site.current_team.empty() && site.current_team != line.team_id ? 1 : 0;
    plan.lines.push_back(std::move(line));
  }
  return finish();
}

}  // namespace vigie::models::planning
