#include "models/planning/week_builder.hpp"

#include <algorithm>
#include <set>

#include "common/iso_week.hpp"
#include "common/paris_time.hpp"

namespace vigie::models::planning {
namespace {

constexpr int kWorkingDays = 5;

bool available_all_week(const VehicleFacts& vehicle, LocalDate monday) {
  const std::int32_t first = days_since_epoch(monday), last = first + kWorkingDays - 1;
  return (!vehicle.available_from || days_since_epoch(*vehicle.available_from) <= first) &&
         (!vehicle.available_to || days_since_epoch(*vehicle.available_to) >= last);
}

PlanMember member_at(const PlanningHistory& history, const std::string& id, Instant t) {
  PlanMember member;
  member.id = id;
  const auto found = history.persons().find(id);
  if (found == history.persons().end()) return member;
  if (const PersonFacts* person = found->second.before(t)) {
    member.has_home = person->home_lat && person->home_lon;
    member.home_lat = person->home_lat.value_or(0);
    member.home_lon = person->home_lon.value_or(0);
    member.skills = person->skills;
  }
  return member;
}

PlanTeam team_at(const PlanningHistory& history, const std::string& id, const TeamFacts& facts,
                 LocalDate monday, Instant t) {
  PlanTeam team;
  team.id = id;
  team.chief_id = facts.chief_id;
  team.capacity_hours = facts.weekly_capacity_hours;
  team.vehicle_ids = facts.vehicle_ids;
  team.members.push_back(member_at(history, facts.chief_id, t));
  for (const std::string& member : facts.member_ids) {
    if (member != facts.chief_id) team.members.push_back(member_at(history, member, t));
  }
  const auto chief = history.persons().find(facts.chief_id);
  if (chief != history.persons().end()) {
    if (const PersonFacts* person = chief->second.before(t)) {
      team.chief_name = person->name;
      team.preferred_site_types = person->preferred_site_types;
      team.chief_experience_years = person->experience_years;
    }
  }
  for (const std::string& vehicle : facts.vehicle_ids) {
    const auto found = history.vehicles().find(vehicle);
    if (found == history.vehicles().end()) continue;
    const VehicleFacts* facts_then = found->second.before(t);
    if (facts_then != nullptr && available_all_week(*facts_then, monday)) team.vehicles_available.push_back(vehicle);
  }
  return team;
}

bool needs_work(const events::SiteRecord& site, LocalDate monday) {
  if (site.status == "active") return true;
  return site.status == "planned" &&
         days_since_epoch(site.planned_start) <= days_since_epoch(monday) + kWorkingDays - 1;
}

// Mean hours per week over the weeks of the window that had timesheets; nullopt: none.
std::optional<double> weekly_hours(const std::vector<SiteWork>* timesheets, Instant from, Instant to) {
  if (timesheets == nullptr) return std::nullopt;
  const auto first = std::lower_bound(timesheets->begin(), timesheets->end(), from,
                                      [](const SiteWork& w, Instant t) { return w.at < t; });
  double hours = 0;
  std::set<std::int64_t> weeks;
  for (auto it = first; it != timesheets->end() && it->at < to; ++it) {
    hours += it->hours;
    weeks.insert((it->at - from) / std::chrono::weeks{1});
  }
  if (weeks.empty()) return std::nullopt;
  return hours / static_cast<double>(weeks.size());
}

}  // namespace

WeekProblem week_problem(const PlanningHistory& history, LocalDate monday,
                         const PlanningSettings& settings) {
  WeekProblem problem;
  problem.monday = monday;
  const Instant start = paris_instant(monday, 0, 0);
  for (const auto& [id, versions] : history.teams()) {
    if (const TeamFacts* facts = versions.before(start)) {
      problem.teams.push_back(team_at(history, id, *facts, monday, start));
    }
  }
  const Instant window = start - std::chrono::weeks{settings.demand_weeks};
  const std::string week = format_iso_week(monday);
  double known_hours = 0;
  int known = 0;
  for (const auto& [id, versions] : history.sites()) {
    const events::SiteRecord* record = versions.before(start);
    if (record == nullptr || !needs_work(*record, monday)) continue;
    const auto completed = history.completions().find(id);
    if (completed != history.completions().end() && completed->second < start) continue;
    PlanSite site;
    site.id = id;
    site.name = record->name;
    site.type = record->type;
    site.lat = record->lat;
    site.lon = record->lon;
    site.required_skills = record->required_skills;
    // The current plan: the accepted plan of the week where there is one, else the site's team.
    const std::string* accepted = history.accepted_team(week, id);
    site.current_team = accepted != nullptr ? *accepted : record->team_id;
    if (const auto hours = weekly_hours(history.timesheets(id), window, start)) {
      site.demand_hours = *hours;
      known_hours += *hours;
      ++known;
    } else {
      site.demand_estimated = true;
    }
    problem.sites.push_back(std::move(site));
  }
  for (PlanSite& site : problem.sites) {
    if (site.demand_estimated && known > 0) site.demand_hours = known_hours / known;
  }
  return problem;
}

}  // namespace vigie::models::planning
