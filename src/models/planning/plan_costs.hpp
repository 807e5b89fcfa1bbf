// models/planning/plan_costs.hpp
//
// What giving a site to a team costs for a week, part by part (models.md, Model 2: the objective
// is a weighted sum whose parts are reported separately), and whether the team may take it at
// all (the hard constraints of one site: skills and a vehicle; capacity is the solver's).
// Travel: each person-day on site is a round trip from a member's home, the members sharing
// the days equally; road km = straight line × road factor, hours at the average speed.
#pragma once

#include <string>

#include "common/config.hpp"
#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

struct CostParts {
  double km = 0;              // travel, home–site and back
  double travel_hours = 0;
  double long_trip_days = 0;  // person-days whose one-way trip exceeds the setting
  double changes = 0;         // sites whose team changes against the current plan
  double off_preference = 0;  // sites of a type their chief does not prefer
  double skill_depth = 0;     // 0–1 per site: required skills held by two members (rewarded)
  double overload_hours = 0;  // team load above the balance share (a plan's, not a cell's)
  double delay_days = 0;      // the delay model's predicted delay of the site with this team

  CostParts& operator+=(const CostParts& other);
};

// The weighted sum in euros (skill depth counts against).
double weighted_eur(const CostParts& parts, const PlanningSettings& settings);
// Travel alone in euros (km and hours at their cost): the savings' unit.
double travel_eur(const CostParts& parts, const PlanningSettings& settings);

// The parts of one site on one team, overload aside.
CostParts cell_parts(const PlanTeam& team, const PlanSite& site, const PlanningSettings& settings);

// Why a team may not take a site, checked in this order.
enum class Barrier { none, missing_skill, no_vehicle };
struct Eligibility {
  Barrier barrier = Barrier::none;
  std::string missing_skill;  // the first required skill no member holds
};
Eligibility eligibility(const PlanTeam& team, const PlanSite& site);

// Road km between two points (great-circle distance × road factor).
double road_km(double lat_a, double lon_a, double lat_b, double lon_b, double road_factor);

}  // namespace vigie::models::planning
