// models/planning/week_problem.hpp
//
// One week of team planning (models.md, Model 2) as the planner sees it: the teams with their
// members' homes and skills, weekly capacity, vehicles and their chief's preferences; the sites
// that need work that week with their location, required skills, the hours they need and the
// team the current plan gives them. Built from the store by week_loader.hpp, or by hand in
// tests. Plain data.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace vigie::models::planning {

struct PlanMember {
  std::string id;
  bool has_home = false;
  double home_lat = 0, home_lon = 0;
  std::vector<std::string> skills;
  bool operator==(const PlanMember&) const = default;
};

struct PlanTeam {
  std::string id;
  std::string chief_id;
  std::string chief_name;  // empty when the chief's record has none
  std::vector<PlanMember> members;  // the chief first
  double capacity_hours = 0;        // weekly
  std::vector<std::string> vehicle_ids;
  std::vector<std::string> vehicles_available;  // those available every working day of the week
  std::vector<std::string> preferred_site_types;  // the chief's; empty: no preference
  std::optional<double> chief_experience_years;
  bool operator==(const PlanTeam&) const = default;
};

struct PlanSite {
  std::string id;
  std::string name;
  std::string type;
  double lat = 0, lon = 0;
  std::vector<std::string> required_skills;
  double demand_hours = 0;        // the week's need
  bool demand_estimated = false;  // no recent timesheets: the mean of the other sites
  std::string current_team;       // the current plan's; empty when none
  // With an active delay model (delay_effects.hpp): the delay it predicts for the site with each
  // team, by team id; empty without one.
  std::map<std::string, double> predicted_delay_days;
  bool operator==(const PlanSite&) const = default;
};

struct WeekProblem {
  LocalDate monday{};
  std::vector<PlanTeam> teams;
  std::vector<PlanSite> sites;

  // Field by field: the same problem has the same plan (plan_board.hpp solves a week again only
  // when what it reads changed).
  bool operator==(const WeekProblem&) const = default;

  // By id: the site (nullptr when absent) and the team's index (-1 when absent).
  const PlanSite* site(std::string_view id) const {
    for (const PlanSite& s : sites) {
      if (s.id == id) return &s;
    }
    return nullptr;
  }
  int team_index(std::string_view id) const {
    for (std::size_t t = 0; t < teams.size(); ++t) {
      if (teams[t].id == id) return static_cast<int>(t);
    }
    return -1;
  }
};

}  // namespace vigie::models::planning
