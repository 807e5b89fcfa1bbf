#include "models/planning/plan_reasons.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/french_format.hpp"
#include "models/planning/plan_costs.hpp"

namespace vigie::models::planning {
namespace {

std::string hours_fr(double hours) { return format_integer_fr(std::llround(std::ceil(hours - 1e-9))) + " h"; }

// "« a », « b » et « c »"
std::string quoted_list(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) text += k + 1 == items.size() ? " et " : ", ";
    text += "« " + items[k] + " »";
  }
  return text;
}

std::string id_list(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids) text += (text.empty() ? "" : ", ") + id;
  return text;
}

bool team_has(const PlanTeam& team, const std::string& skill) {
  return std::any_of(team.members.begin(), team.members.end(), [&](const PlanMember& m) {
    return std::find(m.skills.begin(), m.skills.end(), skill) != m.skills.end();
  });
}

std::string week_span(const WeekProblem& problem) {
  const std::int32_t monday = days_since_epoch(problem.monday);
  return "du " + format_date_fr(problem.monday) + " au " + format_date_fr(date_from_days(monday + 4));
}

}  // namespace

std::string site_barrier(const WeekProblem& problem, const PlanSite& site) {
  std::vector<std::string> no_team_has;
  for (const std::string& skill : site.required_skills) {
    if (std::none_of(problem.teams.begin(), problem.teams.end(),
                     [&](const PlanTeam& team) { return team_has(team, skill); })) {
      no_team_has.push_back(skill);
    }
  }
  if (!no_team_has.empty()) {
    return no_team_has.size() == 1
               ? "aucune équipe n'a la compétence " + quoted_list(no_team_has) + " pour " + site.id
               : "aucune équipe n'a les compétences " + quoted_list(no_team_has) + " pour " + site.id;
  }
  std::vector<std::string> qualified, with_vehicle;
  double most_hours = 0;
  for (const PlanTeam& team : problem.teams) {
    const Eligibility can = eligibility(team, site);
    if (can.barrier == Barrier::missing_skill) continue;
    qualified.push_back(team.id);
    if (can.barrier == Barrier::no_vehicle) continue;
    with_vehicle.push_back(team.id);
    if (site.demand_hours <= team.capacity_hours) return {};
    most_hours = std::max(most_hours, team.capacity_hours);
  }
  if (qualified.empty()) {
    return "aucune équipe ne réunit les compétences " + quoted_list(site.required_skills) +
           " demandées par " + site.id;
  }
  if (with_vehicle.empty()) {
    return "les équipes qui ont les compétences de " + site.id + " (" + id_list(qualified) +
           ") n'ont aucun véhicule disponible " + week_span(problem);
  }
  return site.id + " demande " + hours_fr(site.demand_hours) +
         " cette semaine, plus que la capacité de toute équipe qualifiée (" +
         hours_fr(most_hours) + " au plus)";
}

std::vector<std::string> week_barriers(const WeekProblem& problem, const std::vector<int>& plannable) {
  std::vector<std::string> reasons;
  // A skill whose teams (with a vehicle) cannot give the hours of the sites that require it.
  std::map<std::string, std::vector<int>> sites_of_skill;
  for (const int s : plannable) {
    for (const std::string& skill : problem.sites[static_cast<std::size_t>(s)].required_skills) {
      sites_of_skill[skill].push_back(s);
    }
  }
  for (const auto& [skill, sites] : sites_of_skill) {
    double need = 0, offer = 0;
    std::vector<std::string> site_ids, team_ids;
    for (const int s : sites) {
      need += problem.sites[static_cast<std::size_t>(s)].demand_hours;
      site_ids.push_back(problem.sites[static_cast<std::size_t>(s)].id);
    }
    for (const PlanTeam& team : problem.teams) {
      if (!team_has(team, skill) || team.vehicles_available.empty()) continue;
      offer += team.capacity_hours;
      team_ids.push_back(team.id);
    }
    if (need > offer) {
      reasons.push_back("aucune équipe n'a la compétence « " + skill + " » libre cette semaine pour " +
                        id_list(site_ids) + " : ces chantiers demandent " + hours_fr(need) +
                        ", les équipes qui l'ont (" + id_list(team_ids) + ") en offrent " +
                        hours_fr(offer));
    }
  }
  if (!reasons.empty()) return reasons;
  double need = 0, offer = 0;
  for (const int s : plannable) need += problem.sites[static_cast<std::size_t>(s)].demand_hours;
  for (const PlanTeam& team : problem.teams) {
    if (!team.vehicles_available.empty()) offer += team.capacity_hours;
  }
  if (need > offer) {
    reasons.push_back("la semaine demande " + hours_fr(need) +
                      ", plus que la capacité de toutes les équipes disponibles (" + hours_fr(offer) + ")");
  } else {
    reasons.push_back("aucune répartition ne loge les heures de chaque chantier dans la capacité d'une "
                      "seule équipe qualifiée (" + hours_fr(need) + " demandées, " + hours_fr(offer) +
                      " de capacité)");
  }
  return reasons;
}

}  // namespace vigie::models::planning
