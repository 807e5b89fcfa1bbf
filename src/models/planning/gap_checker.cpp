#include "models/planning/gap_checker.hpp"

namespace vigie::models::planning {

GapCheck check_assignment(const GapInstance& gap, std::span<const int> assignment) {
  GapCheck check;
  check.load.assign(static_cast<std::size_t>(gap.agents), 0);
  if (assignment.size() != static_cast<std::size_t>(gap.jobs)) {
    check.problems.push_back("the assignment gives " + std::to_string(assignment.size()) +
                             " jobs an agent, the instance has " + std::to_string(gap.jobs));
    return check;
  }
  for (int j = 0; j < gap.jobs; ++j) {
    const int i = assignment[static_cast<std::size_t>(j)];
    if (i < 0 || i >= gap.agents) {
      check.problems.push_back("job " + std::to_string(j) + ": agent " + std::to_string(i) +
                               " is not one of the " + std::to_string(gap.agents) + " agents");
      continue;
    }
    check.value += gap.c(i, j);
    check.load[static_cast<std::size_t>(i)] += gap.a(i, j);
  }
  for (int i = 0; i < gap.agents; ++i) {
    const auto load = check.load[static_cast<std::size_t>(i)];
    const auto capacity = gap.capacity[static_cast<std::size_t>(i)];
    if (load > capacity) {
      check.problems.push_back("agent " + std::to_string(i) + ": load " + std::to_string(load) +
                               " over its capacity " + std::to_string(capacity));
    }
  }
  check.feasible = check.problems.empty();
  return check;
}

}  // namespace vigie::models::planning
