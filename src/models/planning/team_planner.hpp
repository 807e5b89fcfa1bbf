// models/planning/team_planner.hpp
//
// Plans a week (models.md, Model 2; issue 8, points 1–3): the sites that some team may take go
// to the GAP solvers (gap_solver.hpp) as jobs, the teams as agents with their weekly hours, each
// cell costing the weighted sum of its parts; a site no team may take is left out with its
// reason; the balance of loads, which no single cell carries, is then improved by moving and
// swapping sites. The current plan is priced the same way, so that the savings, the changes and
// the score (100 = the lower bound met, 0 = no better than the current plan) compare like with
// like. Every plan returned has passed the independent checker.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "models/planning/gap_solver.hpp"
#include "models/planning/plan_costs.hpp"
#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

struct SitePlanLine {
  std::string site_id;
  std::string team_id;          // suggested
  std::string current_team_id;  // empty when the current plan has none
  CostParts suggested, current;  // this site's parts on each team (overload aside)
};

struct PlanSide {
  CostParts parts;          // summed over the sites, with the plan's overload
  double objective_eur = 0;  // weighted
};

struct WeekPlan {
  bool found = false;                  // a plan for the sites that some team may take
  std::vector<SitePlanLine> lines;     // by site, the planned ones
  std::vector<std::pair<std::string, std::string>> left_out;  // site id, reason (French)
  std::vector<std::string> barriers;   // when no plan fits: why (French)
  PlanSide suggested, current;
  std::vector<std::string> current_violations;  // the current plan's broken hard constraints
  std::optional<double> bound_eur;     // no plan of these sites costs less
  bool proven_optimal = false;         // the cells' part proven optimal by the solver
  double score = 0;                    // 0–100
  int changes = 0;                     // sites whose team changes
  std::vector<double> load_hours;      // suggested, by team in the problem's order
  double seconds = 0;
};

WeekPlan plan_week(const WeekProblem& problem, const PlanningSettings& settings,
                   GapMethod method = GapMethod::automatic);

}  // namespace vigie::models::planning
