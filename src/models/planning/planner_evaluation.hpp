// models/planning/planner_evaluation.hpp
//
// `vigie eval planner` (issue 8, point 5): the company's past weeks replayed — for each, the
// week problem as it stood that Monday, the plan the planner suggests, and the historical plan
// (each site's team then) priced the same way; every suggested plan re-checked by the
// independent checker (plan_checker.hpp). Beside the priced km, the km the mileage logs
// recorded on the same sites that week, to show what the travel model stands for.
#pragma once

#include <string>
#include <vector>

#include "common/config.hpp"
#include "models/planning/planning_history.hpp"

namespace vigie::models::planning {

struct WeekEvaluation {
  LocalDate monday{};
  std::size_t sites = 0, planned = 0, left_out = 0;
  bool found = false;
  bool checked = false;               // the checker found the suggestion feasible
  std::size_t current_violations = 0;  // hard constraints the historical plan broke
  double current_km = 0, suggested_km = 0;
  double current_hours = 0, suggested_hours = 0;
  double recorded_km = 0;  // trip.recorded on the planned sites, Monday to Friday
  double score = 0;
  bool proven_optimal = false;
  int changes = 0;
  double seconds = 0;
};

// The `weeks` weeks before the one holding `before`, oldest first.
std::vector<WeekEvaluation> evaluate_planner(const PlanningHistory& history, LocalDate before,
                                             int weeks, const PlanningSettings& settings);

}  // namespace vigie::models::planning
