// support/orlib_gap.hpp
//
// The published GAP instances of ../shared/data/orlib-gap with their optima from its
// optima.csv (checked there with CBC), for the planner's tests.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::testing {

// 2 agents × 3 jobs worked out by hand. Costs: agent 0 = 4 6 5, agent 1 = 7 3 8; resources:
// agent 0 = 2 3 4, agent 1 = 3 2 5; capacities 6 and 5. Of the 8 assignments, feasible are
// (0,0,1) = 18, (0,1,0) = 12 and (1,1,0) = 15: the minimum is 12, the maximum 18.
inline constexpr std::string_view kTinyGap = "2 3\n4 6 5\n7 3 8\n2 3 4\n3 2 5\n6 5\n";

struct PublishedGap {
  models::planning::GapInstance gap;
  std::int64_t optimum_max = 0, optimum_min = 0;
  std::int64_t optimum(models::planning::Sense sense) const {
    return sense == models::planning::Sense::maximise ? optimum_max : optimum_min;
  }
};

// The instances of gap<first>.txt … gap<last>.txt, in file order.
std::vector<PublishedGap> published_gap(int first_file, int last_file);

}  // namespace vigie::testing
