// kpi/figure.hpp — a KPI figure: a number, or nothing when there is no data (kpis.md: "a mean or
// a ratio whose denominator is 0 is null"; a count or sum over nothing is 0, not null).
#pragma once

#include <optional>

namespace vigie::kpi {

using Figure = std::optional<double>;

inline Figure ratio(double numerator, double denominator) {
  if (denominator == 0) return std::nullopt;
  return numerator / denominator;
}

}  // namespace vigie::kpi
