// demo/rounding.hpp
//
// Figures as people type them. `rounded(45.76412, 4)` divides an integer by a power of ten, which
// gives the double nearest the decimal, so JSON shows "45.7641" and not "45.764100000000006".
#pragma once

#include <cmath>

namespace vigie::demo {

// Negative `decimals` round to tens, hundreds…: rounded(123'456, -3) is 123'000.
inline double rounded(double value, int decimals) {
  double scale = 1;
  for (int i = 0; i < (decimals < 0 ? -decimals : decimals); ++i) scale *= 10;
  if (decimals < 0) return std::round(value / scale) * scale;
  return std::round(value * scale) / scale;
}

inline double rounded_to_half(double value) { return std::round(value * 2) / 2; }

}  // namespace vigie::demo
