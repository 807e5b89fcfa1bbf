// models/planning/delay_effects.hpp
//
// Planning against delay (issue 8, point 6): the active delay model (models.md, Model 1) scores
// each site of the week as seen at its Monday, then scores it again as if each team took it —
// the crew no larger than that team and its chief's experience — so that the planner prices a
// day of predicted delay (`models.planning.weight_delay_day_eur`) and shows, for every site it
// moves, the predicted delay before and after. No product in the field closes this loop.
#pragma once

#include "common/config.hpp"
#include "common/expected.hpp"
#include "models/delay/site_history.hpp"
#include "models/delay/training.hpp"
#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

// Fills each site's predicted_delay_days (by team id); a site the history does not know is
// left without. Fails only when XGBoost does.
Expected<void> attach_predicted_delays(WeekProblem& problem, const LoadedDelayModel& model,
                                       const CompanyHistory& history,
                                       const DelayModelSettings& settings);

}  // namespace vigie::models::planning
