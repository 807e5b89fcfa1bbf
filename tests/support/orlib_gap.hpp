// support/orlib_gap.hpp
//
// The published GAP instances of ../shared/data/orlib-gap with their optima from its
// optima.csv (checked there with CBC), for the planner's tests.
#pragma once

#include <cstdint>
#include <vector>

#include "models/planning/gap_instance.hpp"

namespace vigie::testing {

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
