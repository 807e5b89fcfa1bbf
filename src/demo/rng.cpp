#include "demo/rng.hpp"

#include <cmath>

namespace vigie::demo {
namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

}  // namespace

Rng::Rng(std::uint64_t seed) {
  for (std::uint64_t& word : state_) {
    seed = mix64(seed);
    word = seed;
  }
}

std::uint64_t Rng::next() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::normal() {
  // Var(U) = 1/12, so four of them have variance 1/3: scale by sqrt(3).
  constexpr double kSqrt3 = 1.7320508075688772;
  return (uniform() + uniform() + uniform() + uniform() - 2.0) * kSqrt3;
}

int Rng::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const double draw = std::round(mean + std::sqrt(mean) * normal());
    return draw < 0 ? 0 : static_cast<int>(draw);
  }
  const double limit = std::exp(-mean);
  int count = 0;
  double product = uniform();
  while (product > limit) {
    ++count;
    product *= uniform();
  }
  return count;
}

std::size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (const double w : weights) total += w;
  double target = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  return weights.size() - 1;
}

}  // namespace vigie::demo
