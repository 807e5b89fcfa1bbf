// kpi/timeline.hpp
//
// A value that changes over time, as steps placed by occurred_at: a site's status, its budget,
// its percent complete (docs/decisions/0006-kpi-aggregates.md). "States are read at the end of
// the period from the events before it, the latest occurred_at winning" (kpis.md) is at().
// Events arrive late and out of order: set() inserts a step where its instant belongs, and
// nothing else moves. Of two steps at the same instant, the one set last wins, so that a
// correction sent with the same timestamp replaces the value it corrects.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

#include "common/time.hpp"

namespace vigie::kpi {

template <class T>
class Timeline {
 public:
  struct Step {
    Instant at;
    T value;
  };

  void set(Instant at, T value) {
    // After every step at or before `at`: a same-instant step set later wins.
    const auto place = std::upper_bound(steps_.begin(), steps_.end(), at,
                                        [](Instant t, const Step& step) { return t < step.at; });
    steps_.insert(place, Step{at, std::move(value)});
  }

  // The value in force at `t` (the last step at or before it); nullptr before the first step.
  const T* at(Instant t) const {
    const auto after = std::upper_bound(steps_.begin(), steps_.end(), t,
                                        [](Instant when, const Step& step) { return when < step.at; });
    if (after == steps_.begin()) return nullptr;
    return &std::prev(after)->value;
  }

  // The latest value, whatever its instant; nullptr when empty.
  const T* last() const { return steps_.empty() ? nullptr : &steps_.back().value; }

  const std::vector<Step>& steps() const { return steps_; }
  bool empty() const { return steps_.empty(); }
  std::size_t size() const { return steps_.size(); }

 private:
  std::vector<Step> steps_;  // sorted by `at`; equal instants in the order they were set
};

}  // namespace vigie::kpi
