// common/money.hpp
//
// Money as integer cents, so that sums are exact. Euros as double exist only at the JSON edges.
#pragma once

#include <cmath>
#include <compare>
#include <cstdint>

namespace vigie {

struct Cents {
  std::int64_t value = 0;

  // Rounds half away from zero.
  static Cents from_euros(double euros) {
    return Cents{static_cast<std::int64_t>(std::llround(euros * 100.0))};
  }
  double euros() const { return static_cast<double>(value) / 100.0; }

  friend Cents operator+(Cents a, Cents b) { return {a.value + b.value}; }
  friend Cents operator-(Cents a, Cents b) { return {a.value - b.value}; }
  Cents& operator+=(Cents other) {
    value += other.value;
    return *this;
  }
  friend auto operator<=>(const Cents&, const Cents&) = default;
};

}  // namespace vigie
