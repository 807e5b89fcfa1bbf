#include "models/planning/plan_checker.hpp"

#include <set>

#include "common/french_format.hpp"

namespace vigie::models::planning {

PlanCheck check_plan(const WeekProblem& problem, const std::vector<int>& team_of_site) {
  PlanCheck check;
  check.load_hours.assign(problem.teams.size(), 0.0);
  const auto fail = [&check](std::string violation) {
    check.feasible = false;
    check.violations.push_back(std::move(violation));
  };
  if (team_of_site.size() != problem.sites.size()) {
    fail("le plan donne " + std::to_string(team_of_site.size()) + " affectations pour " +
         std::to_string(problem.sites.size()) + " chantiers");
    return check;
  }
  for (std::size_t s = 0; s < problem.sites.size(); ++s) {
    const PlanSite& site = problem.sites[s];
    const int t = team_of_site[s];
    if (t < 0) continue;
    if (static_cast<std::size_t>(t) >= problem.teams.size()) {
      fail(site.id + " : équipe inconnue");
      continue;
    }
    const PlanTeam& team = problem.teams[static_cast<std::size_t>(t)];
    std::set<std::string> skills;
    for (const PlanMember& member : team.members) skills.insert(member.skills.begin(), member.skills.end());
    for (const std::string& skill : site.required_skills) {
      if (!skills.contains(skill)) {
        fail(site.id + " : l'équipe " + team.id + " n'a pas la compétence « " + skill + " »");
      }
    }
    if (team.vehicles_available.empty()) {
      fail(site.id + " : l'équipe " + team.id + " n'a aucun véhicule disponible cette semaine");
    }
    check.load_hours[static_cast<std::size_t>(t)] += site.demand_hours;
  }
  for (std::size_t t = 0; t < problem.teams.size(); ++t) {
    const PlanTeam& team = problem.teams[t];
    if (check.load_hours[t] > team.capacity_hours + 1e-9) {
      fail("l'équipe " + team.id + " aurait " + format_decimal_fr(check.load_hours[t], 1) +
           " h pour une capacité de " + format_decimal_fr(team.capacity_hours, 1) + " h");
    }
  }
  return check;
}

}  // namespace vigie::models::planning
