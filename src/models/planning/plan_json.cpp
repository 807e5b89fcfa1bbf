#include "models/planning/plan_json.hpp"

#include <cmath>

#include "common/fnv_hash.hpp"
#include "common/iso_week.hpp"
#include "common/json_writer.hpp"

namespace vigie::models::planning {
namespace {

// Figures to the tenth (km, hours) or the cent (€): what people read, not float noise.
double tenth(double value) { return std::round(value * 10) / 10; }
double cent(double value) { return std::round(value * 100) / 100; }

void write_parts(JsonWriter& json, const PlanSide& side) {
  const CostParts& p = side.parts;
  json.begin_object()
      .field("km", tenth(p.km))
      .field("travel_hours", tenth(p.travel_hours))
      .field("long_trip_days", tenth(p.long_trip_days))
      .field("changes", static_cast<std::int64_t>(std::llround(p.changes)))
      .field("off_preference", static_cast<std::int64_t>(std::llround(p.off_preference)))
      .field("skill_depth", cent(p.skill_depth))
      .field("overload_hours", tenth(p.overload_hours))
      .field("predicted_delay_days", tenth(p.delay_days))
      .field("objective_eur", cent(side.objective_eur))
      .end_object();
}

void write_strings(JsonWriter& json, const std::vector<std::string>& items) {
  json.begin_array();
  for (const auto& item : items) json.value(item);
  json.end_array();
}

}  // namespace

PlanSavings plan_savings(const WeekPlan& plan, const PlanningSettings& settings) {
  PlanSavings savings;
  savings.km = plan.current.parts.km - plan.suggested.parts.km;
  savings.travel_hours = plan.current.parts.travel_hours - plan.suggested.parts.travel_hours;
  savings.eur = travel_eur(plan.current.parts, settings) - travel_eur(plan.suggested.parts, settings);
  return savings;
}

std::string plan_id(const WeekProblem& problem, const WeekPlan& plan) {
  Fnv1a hash;
  for (const SitePlanLine& line : plan.lines) hash.add(line.site_id).add("=").add(line.team_id).add(";");
  return "PL-" + format_iso_week(problem.monday) + "-" + hash.hex().substr(0, 8);
}

std::string plan_json(const WeekProblem& problem, const WeekPlan& plan,
                      const PlanningSettings& settings, const std::string& plan_id) {
  JsonWriter json;
  json.begin_object()
      .field("id", plan_id)
      .field("week", format_iso_week(problem.monday))
      .field("monday", format_iso_date(problem.monday))
      .field("found", plan.found);
  json.key("assignments").begin_array();
  for (const SitePlanLine& line : plan.lines) {
    const PlanSite* site = problem.site(line.site_id);
    json.begin_object()
        .field("site_id", line.site_id)
        .field("site_name", site != nullptr ? site->name : std::string{})
        .field("team_id", line.team_id);
    json.key("current_team_id");
    if (line.current_team_id.empty()) json.null();
    else json.value(line.current_team_id);
    json.field("changed", !line.current_team_id.empty() && line.current_team_id != line.team_id)
        .field("demand_hours", tenth(site != nullptr ? site->demand_hours : 0))
        .field("demand_estimated", site != nullptr && site->demand_estimated)
        .field("km", tenth(line.suggested.km))
        .field("travel_hours", tenth(line.suggested.travel_hours))
        .field("current_km", tenth(line.current.km))
        .field("current_travel_hours", tenth(line.current.travel_hours));
    // The delay model's prediction for the site with its suggested and its current team.
    json.key("predicted_delay_days");
    if (site != nullptr && !site->predicted_delay_days.empty()) json.value(tenth(line.suggested.delay_days));
    else json.null();
    json.key("current_predicted_delay_days");
    if (site != nullptr && !site->predicted_delay_days.empty()) json.value(tenth(line.current.delay_days));
    else json.null();
    json.end_object();
  }
  json.end_array();
  json.key("left_out").begin_array();
  for (const auto& [site, reason] : plan.left_out) {
    json.begin_object().field("site_id", site).field("reason", reason).end_object();
  }
  json.end_array();
  json.key("barriers");
  write_strings(json, plan.barriers);
  json.key("current_violations");
  write_strings(json, plan.current_violations);
  json.key("parts").begin_object().key("suggested");
  write_parts(json, plan.suggested);
  json.key("current");
  write_parts(json, plan.current);
  json.end_object();
  const PlanSavings savings = plan_savings(plan, settings);
  json.key("savings")
      .begin_object()
      .field("km", tenth(savings.km))
      .field("travel_hours", tenth(savings.travel_hours))
      .field("eur", cent(savings.eur))
      .end_object();
  json.field("score", std::round(plan.score));
  json.key("bound_eur");
  if (plan.bound_eur) json.value(cent(*plan.bound_eur));
  else json.null();
  json.field("proven_optimal", plan.proven_optimal).field("changes", plan.changes);
  json.key("teams").begin_array();
  for (std::size_t t = 0; t < problem.teams.size(); ++t) {
    json.begin_object()
        .field("team_id", problem.teams[t].id)
        .field("chief_name", problem.teams[t].chief_name)
        .field("load_hours", tenth(t < plan.load_hours.size() ? plan.load_hours[t] : 0))
        .field("capacity_hours", tenth(problem.teams[t].capacity_hours))
        .end_object();
  }
  json.end_array();
  json.field("seconds", std::round(plan.seconds * 1000) / 1000).end_object();
  return json.take();
}

}  // namespace vigie::models::planning
