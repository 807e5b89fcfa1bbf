// models/planning/plan_reasons.hpp
//
// Why no plan fits, in French words a planner acts on (issue 8: "aucune équipe n'a la compétence
// « charpente métallique » libre cette semaine pour CH-2025-031"): for one site that no team may
// take (a skill no team has or none has all of, no vehicle, more hours than any qualified team
// can give), and for a week whose sites cannot all be placed (a skill whose teams are full, more
// hours than all teams together, or hours that no split fits).
#pragma once

#include <string>
#include <vector>

#include "models/planning/week_problem.hpp"

namespace vigie::models::planning {

// The reason no team may take `site`; empty when some team may.
std::string site_barrier(const WeekProblem& problem, const PlanSite& site);

// Why the sites at `plannable` (indexes into problem.sites, each takeable by some team alone)
// cannot all be placed at once: the first reasons found, most specific first.
std::vector<std::string> week_barriers(const WeekProblem& problem, const std::vector<int>& plannable);

}  // namespace vigie::models::planning
