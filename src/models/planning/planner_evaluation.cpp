#include "models/planning/planner_evaluation.hpp"

#include <algorithm>

#include "common/iso_week.hpp"
#include "common/paris_time.hpp"
#include "models/planning/plan_checker.hpp"
#include "models/planning/team_planner.hpp"
#include "models/planning/week_builder.hpp"

namespace vigie::models::planning {
namespace {

double recorded_km(const PlanningHistory& history, const std::string& site_id, Instant from, Instant to) {
  const std::vector<SiteWork>* trips = history.trips(site_id);
  if (trips == nullptr) return 0;
  double km = 0;
  auto it = std::lower_bound(trips->begin(), trips->end(), from,
                             [](const SiteWork& w, Instant t) { return w.at < t; });
  for (; it != trips->end() && it->at < to; ++it) km += it->km;
  return km;
}

WeekEvaluation evaluate_week(const PlanningHistory& history, LocalDate monday,
                             const PlanningSettings& settings) {
  const WeekProblem problem = week_problem(history, monday, settings);
  const WeekPlan plan = plan_week(problem, settings);
  WeekEvaluation out;
  out.monday = monday;
  out.sites = problem.sites.size();
  out.planned = plan.lines.size();
  out.left_out = plan.left_out.size();
  out.found = plan.found;
  out.seconds = plan.seconds;
  if (!plan.found) return out;
  // The checker sees the suggestion as site → team index, nothing of the planner's own state.
  std::vector<int> team_of(problem.sites.size(), -1);
  for (const SitePlanLine& line : plan.lines) {
    team_of[static_cast<std::size_t>(problem.site(line.site_id) - problem.sites.data())] =
        problem.team_index(line.team_id);
  }
  out.checked = check_plan(problem, team_of).feasible;
  out.current_violations = plan.current_violations.size();
  out.current_km = plan.current.parts.km;
  out.suggested_km = plan.suggested.parts.km;
  out.current_hours = plan.current.parts.travel_hours;
  out.suggested_hours = plan.suggested.parts.travel_hours;
  out.score = plan.score;
  out.proven_optimal = plan.proven_optimal;
  out.changes = plan.changes;
  const Instant from = paris_instant(monday, 0, 0);
  const Instant to = paris_instant(date_from_days(days_since_epoch(monday) + 5), 0, 0);
  for (const SitePlanLine& line : plan.lines) out.recorded_km += recorded_km(history, line.site_id, from, to);
  return out;
}

}  // namespace

std::vector<WeekEvaluation> evaluate_planner(const PlanningHistory& history, LocalDate before,
                                             int weeks, const PlanningSettings& settings) {
  std::vector<WeekEvaluation> out;
  const std::int32_t last_monday = days_since_epoch(monday_of(before)) - 7;
  for (int k = weeks - 1; k >= 0; --k) {
    out.push_back(evaluate_week(history, date_from_days(last_monday - 7 * k), settings));
  }
  return out;
}

}  // namespace vigie::models::planning
