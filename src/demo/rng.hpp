// demo/rng.hpp
//
// The simulator's own random numbers: xoshiro256** seeded through splitmix64, and the few draws
// it needs, in integer and basic floating-point arithmetic only. std::*_distribution is not used
// because its output differs between standard libraries, and the demo must give the same bytes
// for the same seed everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vigie::demo {

// splitmix64's finaliser: a good 64-bit mix, used to derive independent streams and hashes.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A seed for the stream named by (a, b) under the run's seed: each site, each purpose gets its own
// stream, so that one site's draws never shift another's.
constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0) {
  return mix64(mix64(mix64(seed) ^ (a * 0xD1B54A32D192ED03ULL)) ^ (b * 0x8CB92BA72F3D8DD7ULL));
}

// [0, 1) from a 64-bit key: stateless draws for things shared by many sites (the weather).
constexpr double unit_from_key(std::uint64_t key) {
  return static_cast<double>(mix64(key) >> 11) * 0x1.0p-53;
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed);

  std::uint64_t next();
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * n); }
  int between(int lo, int hi) { return lo + static_cast<int>(below(hi - lo + 1)); }  // inclusive
  bool chance(double p) { return uniform() < p; }
  // About N(0, 1): Irwin–Hall of four uniforms, scaled. Bounded at ±3.46, which suits noise.
  double normal();
  // A Poisson count (Knuth's method; a rounded normal above 30, where it is close enough).
  int poisson(double mean);
  // An index drawn with probability proportional to weights[i].
  std::size_t weighted(std::span<const double> weights);

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_[4];
};

}  // namespace vigie::demo
