// models/planning/gap_checker.hpp
//
// The feasibility checker, separate from every solver (issue 8: "verifies every plan they
// return"): an assignment gives each job one agent; it is feasible when each agent's load fits
// its capacity. It recomputes the value from the instance alone, so a solver's claimed value is
// checked too. Pure; shares no code with the solvers.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::models::planning {

struct GapCheck {
  bool feasible = false;
  std::int64_t value = 0;           // the sum of the chosen costs (when every job has an agent)
  std::vector<std::int64_t> load;   // per agent
  std::vector<std::string> problems;  // one line each: which job or agent, and why
};

// `assignment[j]`: the 0-based agent of job j.
GapCheck check_assignment(const GapInstance& gap, std::span<const int> assignment);

}  // namespace vigie::models::planning
