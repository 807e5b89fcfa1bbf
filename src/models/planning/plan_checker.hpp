// models/planning/plan_checker.hpp
//
// The hard constraints of a week's plan, checked apart from the planner (issue 8: a checker
// separate from the solvers verifies every plan they return): every site given has a team that
// exists, whose members together hold every skill the site requires, that has a vehicle
// available all week, and whose sites' hours fit its weekly capacity. It shares no code with
// the planner's own eligibility and loads. Violations are in French, for people.
#pragma once

#include <string>
#include <vector>

#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

struct PlanCheck {
  bool feasible = true;
  std::vector<std::string> violations;  // French, one per broken constraint
  std::vector<double> load_hours;       // by team, in the problem's order
};

// `team_of_site[s]`: the index of site s's team in problem.teams, or -1 for a site left out
// (not a violation: the planner lists those with their reason).
PlanCheck check_plan(const WeekProblem& problem, const std::vector<int>& team_of_site);

}  // namespace vigie::models::planning
