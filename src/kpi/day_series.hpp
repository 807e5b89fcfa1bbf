// kpi/day_series.hpp
//
// Per-day sums for one site: a value per Paris day, stored densely between the first and the
// last day that has one (a site lives for months, not decades), grown at either end as late or
// new events arrive. A period's figure is the sum of its days; a state that is a running total
// (spent to date, a queue's length) is the sum of every day up to the date.
// `T` is a small aggregate with `+=` and `-=` (kpi/day_counters.hpp).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace vigie::kpi {

template <class T>
class DaySeries {
 public:
  // Adds `delta` to `day` (days since 1970-01-01, Paris calendar).
  void add(std::int32_t day, const T& delta) { slot(day) += delta; }
  void subtract(std::int32_t day, const T& delta) { slot(day) -= delta; }

  // The sum over [first, last], inclusive; T{} when the range holds nothing.
  T sum(std::int32_t first, std::int32_t last) const {
    T total{};
    if (days_.empty() || last < first) return total;
    const std::int32_t from = std::max(first, first_day_);
    const std::int32_t to = std::min(last, last_day());
    for (std::int32_t day = from; day <= to; ++day) total += days_[index(day)];
    return total;
  }

  // The sum of every day up to and including `day`.
  T sum_to(std::int32_t day) const {
    return days_.empty() ? T{} : sum(first_day_, day);
  }

  bool empty() const { return days_.empty(); }
  std::int32_t first_day() const { return first_day_; }
  std::int32_t last_day() const { return first_day_ + static_cast<std::int32_t>(days_.size()) - 1; }

 private:
  std::size_t index(std::int32_t day) const { return static_cast<std::size_t>(day - first_day_); }

  T& slot(std::int32_t day) {
    if (days_.empty()) {
      first_day_ = day;
      days_.resize(1);
    } else if (day < first_day_) {
      days_.insert(days_.begin(), static_cast<std::size_t>(first_day_ - day), T{});
      first_day_ = day;
    } else if (day > last_day()) {
      days_.resize(index(day) + 1);
    }
    return days_[index(day)];
  }

  std::int32_t first_day_ = 0;
  std::vector<T> days_;
};

}  // namespace vigie::kpi
