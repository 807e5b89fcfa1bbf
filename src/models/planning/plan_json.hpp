// models/planning/plan_json.hpp
//
// A week's plan as JSON, the same for `vigie plan --format json` and GET /api/v1/plans/suggested:
// the assignments with what changes, the sites left out and why, the objective's parts for the
// suggested and the current plan, the savings (km, hours, €), the score and the bound, and each
// team's load with its chief's name.
// Field names in English; the reasons are the French sentences people read.
#pragma once

#include <string>

#include "common/config.hpp"
#include "models/planning/team_planner.hpp"
#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

struct PlanSavings {
  double km = 0, travel_hours = 0, eur = 0;  // current minus suggested
};
PlanSavings plan_savings(const WeekPlan& plan, const PlanningSettings& settings);

// "PL-2026-W50-1a2b3c4d": the week and a hash of the assignments, so that the same suggestion
// keeps its id from one request to the next and an accepted id names exactly what was shown.
std::string plan_id(const WeekProblem& problem, const WeekPlan& plan);

std::string plan_json(const WeekProblem& problem, const WeekPlan& plan,
                      const PlanningSettings& settings, const std::string& plan_id);

}  // namespace vigie::models::planning
