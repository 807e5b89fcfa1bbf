#include "models/planning/plan_costs.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace vigie::models::planning {
namespace {

constexpr double kEarthRadiusKm = 6371.0;

bool holds(const PlanMember& member, const std::string& skill) {
  return std::find(member.skills.begin(), member.skills.end(), skill) != member.skills.end();
}

int holders(const PlanTeam& team, const std::string& skill) {
  return static_cast<int>(std::count_if(team.members.begin(), team.members.end(),
                                        [&](const PlanMember& m) { return holds(m, skill); }));
}

}  // namespace

CostParts& CostParts::operator+=(const CostParts& other) {
  km += other.km;
  travel_hours += other.travel_hours;
  long_trip_days += other.long_trip_days;
  changes += other.changes;
  off_preference += other.off_preference;
  skill_depth += other.skill_depth;
  overload_hours += other.overload_hours;
  delay_days += other.delay_days;
  return *this;
}

double travel_eur(const CostParts& parts, const PlanningSettings& settings) {
  return parts.km * settings.cost_per_km_eur + parts.travel_hours * settings.cost_per_travel_hour_eur;
}

double weighted_eur(const CostParts& parts, const PlanningSettings& settings) {
  return travel_eur(parts, settings) + parts.long_trip_days * settings.weight_long_trip_eur +
         parts.changes * settings.weight_change_eur +
         parts.off_preference * settings.weight_preference_eur -
         parts.skill_depth * settings.weight_skill_depth_eur +
         parts.overload_hours * settings.weight_overload_eur +
         parts.delay_days * settings.weight_delay_day_eur;
}

double road_km(double lat_a, double lon_a, double lat_b, double lon_b, double road_factor) {
  const double to_radians = std::numbers::pi / 180.0;
  const double dlat = (lat_b - lat_a) * to_radians, dlon = (lon_b - lon_a) * to_radians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat_a * to_radians) * std::cos(lat_b * to_radians) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h))) * road_factor;
}

CostParts cell_parts(const PlanTeam& team, const PlanSite& site, const PlanningSettings& settings) {
  CostParts parts;
  const double person_days = site.demand_hours / settings.hours_per_day;
  // Members without a known home travel as the others do on average.
  double one_way_km = 0, long_members = 0;
  int with_home = 0;
  for (const PlanMember& member : team.members) {
    if (!member.has_home) continue;
    const double km = road_km(member.home_lat, member.home_lon, site.lat, site.lon, settings.road_factor);
    one_way_km += km;
    long_members += km / settings.speed_kmh * 60 > settings.long_trip_minutes ? 1 : 0;
    ++with_home;
  }
  if (with_home > 0) {
    parts.km = person_days * 2 * one_way_km / with_home;
    parts.travel_hours = parts.km / settings.speed_kmh;
    parts.long_trip_days = person_days * long_members / with_home;
  }
  parts.changes = !site.current_team.empty() && site.current_team != team.id ? 1 : 0;
  const auto& preferred = team.preferred_site_types;
  parts.off_preference =
      !preferred.empty() && std::find(preferred.begin(), preferred.end(), site.type) == preferred.end() ? 1 : 0;
  if (const auto delay = site.predicted_delay_days.find(team.id); delay != site.predicted_delay_days.end()) {
    parts.delay_days = delay->second;
  }
  if (!site.required_skills.empty()) {
    double deep = 0;
    for (const std::string& skill : site.required_skills) deep += std::min(2, holders(team, skill)) / 2.0;
    parts.skill_depth = deep / static_cast<double>(site.required_skills.size());
  }
  return parts;
}

Eligibility eligibility(const PlanTeam& team, const PlanSite& site) {
  for (const std::string& skill : site.required_skills) {
    if (holders(team, skill) == 0) return {Barrier::missing_skill, skill};
  }
  if (team.vehicles_available.empty()) return {Barrier::no_vehicle, {}};
  return {};
}

}  // namespace vigie::models::planning
