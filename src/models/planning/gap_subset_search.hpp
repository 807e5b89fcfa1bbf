// models/planning/gap_subset_search.hpp
//
// The GAP's large-neighbourhood search (issue 8, point 2): a few agents at a time, all their jobs
// are freed and re-assigned among them optimally by the exact side (the Lagrangian bound with
// reduced-cost fixing, then CBC for what is left), which a small sub-problem allows in
// milliseconds. Where the tabu search stalls on large, tightly packed instances (many jobs must
// move together to make room), this exchanges whole packings between agents. A sub-problem that
// gave nothing better is not tried again until one of its agents changes.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::models::planning {

struct SubsetSearchOptions {
  Sense sense = Sense::minimise;
  std::chrono::duration<double> time_limit{1.0};
  std::uint64_t seed = 1;
};

// Improves the feasible `assignment` (and its `value`) in place; returns how many sub-problems
// gave a better one.
int gap_subset_search(const GapInstance& gap, const SubsetSearchOptions& options,
                      std::vector<int>& assignment, std::int64_t& value);

}  // namespace vigie::models::planning
