// kpi/day_series.hpp
//
// Per-day sums for one site: a value per Paris day, stored densely between the first and the
// last day that has one (a site lives for months, not decades), grown at either end as late or
// new events arrive. A period's figure is the sum of its days; a state that is a running total
// (spent to date, a queue's length) is the sum of every day up to the date.
//
// Sums are O(1) from running totals. Adding to the last day keeps them; adding to an earlier
// day (a late event) leaves them stale from that day on until refresh(), and sums over stale
// days are counted day by day meanwhile, so a sum is never wrong, only slower. The server
// refreshes after each commit (kpi/live_company.hpp), readers never write.
// `T` is a small aggregate with `+=` and `-=` (kpi/day_counters.hpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace vigie::kpi {

template <class T>
class DaySeries {
 public:
  // Adds `delta` to `day` (days since 1970-01-01, Paris calendar).
  void add(std::int32_t day, const T& delta) { change(day, delta, true); }
  void subtract(std::int32_t day, const T& delta) { change(day, delta, false); }

  // The sum over [first, last], inclusive; T{} when the range holds nothing.
  T sum(std::int32_t first, std::int32_t last) const {
    if (days_.empty() || last < first) return T{};
    const std::int32_t from = std::max(first, first_day_);
    const std::int32_t to = std::min(last, last_day());
    if (from > to) return T{};
    const std::size_t a = index(from);
    const std::size_t b = index(to);
    if (b < stale_from_) {
      T total = totals_[b];
      if (a > 0) total -= totals_[a - 1];
      return total;
    }
    T total{};
    for (std::size_t i = a; i <= b; ++i) total += days_[i];
    return total;
  }

  // The sum of every day up to and including `day`.
  T sum_to(std::int32_t day) const { return days_.empty() ? T{} : sum(first_day_, day); }

  // Brings the running totals up to date after additions to earlier days.
  void refresh() {
    for (std::size_t i = stale_from_; i < days_.size(); ++i) {
      totals_[i] = i == 0 ? days_[0] : totals_[i - 1];
      if (i > 0) totals_[i] += days_[i];
    }
    stale_from_ = kFresh;
  }
  bool stale() const { return stale_from_ != kFresh; }

  bool empty() const { return days_.empty(); }
  std::int32_t first_day() const { return first_day_; }
  std::int32_t last_day() const { return first_day_ + static_cast<std::int32_t>(days_.size()) - 1; }

  // For saving and restoring (kpi/company_codec.hpp): the value of each day from first_day(),
  // and a series rebuilt from them, its running totals made.
  const std::vector<T>& days() const { return days_; }
  static DaySeries from_days(std::int32_t first_day, std::vector<T> days) {
    DaySeries series;
    series.first_day_ = first_day;
    series.totals_.resize(days.size());
    series.days_ = std::move(days);
    series.stale_from_ = 0;
    series.refresh();
    return series;
  }

 private:
  static constexpr std::size_t kFresh = static_cast<std::size_t>(-1);

  std::size_t index(std::int32_t day) const { return static_cast<std::size_t>(day - first_day_); }

  void change(std::int32_t day, const T& delta, bool adding) {
    grow_to(day);
    const std::size_t i = index(day);
    adding ? (days_[i] += delta) : (days_[i] -= delta);
    if (i + 1 == days_.size() && i < stale_from_) {
      adding ? (totals_[i] += delta) : (totals_[i] -= delta);  // the last day: totals stay fresh
    } else {
      stale_from_ = std::min(stale_from_, i);
    }
  }

  void grow_to(std::int32_t day) {
    if (days_.empty()) {
      first_day_ = day;
      days_.resize(1);
      totals_.resize(1);
    } else if (day < first_day_) {
      const auto extra = static_cast<std::size_t>(first_day_ - day);
      days_.insert(days_.begin(), extra, T{});
      totals_.insert(totals_.begin(), extra, T{});
      first_day_ = day;
      stale_from_ = 0;
    } else if (day > last_day()) {
      const T carried = totals_.back();  // stale or not, refresh() rewrites what is stale
      const std::size_t size = index(day) + 1;
      days_.resize(size);
      totals_.resize(size, carried);
    }
  }

  std::int32_t first_day_ = 0;
  std::vector<T> days_;
  std::vector<T> totals_;  // totals_[i] = days_[0] + … + days_[i], fresh below stale_from_
  std::size_t stale_from_ = kFresh;
};

}  // namespace vigie::kpi
