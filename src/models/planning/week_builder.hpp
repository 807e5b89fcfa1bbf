// models/planning/week_builder.hpp
//
// The week problem (week_problem.hpp) as the company stood at the start of a week's Monday
// (Paris): the teams and their members as last recorded before it, the vehicles available from
// Monday to Friday, and the sites that need work that week — active ones, and planned ones
// starting by Friday — with their team in the current plan (the week's accepted plan if one
// was accepted, else the site's record) and their weekly hours: the mean over the past `demand_weeks` weeks in
// which the site had timesheets, or the mean of the other sites when it had none.
#pragma once

#include "common/config.hpp"
#include "models/planning/planning_history.hpp"
#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

WeekProblem week_problem(const PlanningHistory& history, LocalDate monday,
                         const PlanningSettings& settings);

}  // namespace vigie::models::planning
