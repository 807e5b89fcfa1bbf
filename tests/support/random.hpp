// tests/support/random.hpp
//
// A seeded generator for property tests. Each test takes its own `Random` from
// `seeded_random()`, which prints the seed; setting `VIGIE_TEST_SEED=<n>` replays a failing run.
// The generator (splitmix64) and the range reductions are written here rather than taken from
// <random>, whose distributions differ between standard libraries: a seed replays the same
// values on every machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace vigie::testing {

class Random {
 public:
  explicit Random(std::uint64_t seed) : seed_(seed), state_(seed) {}

  std::uint64_t seed() const { return seed_; }
  // "VIGIE_TEST_SEED=12345", for SCOPED_TRACE so that a failure shows how to replay it.
  std::string replay_hint() const;

  std::uint64_t next();
  // Uniform in [lo, hi], both included.
  std::int64_t integer(std::int64_t lo, std::int64_t hi);
  std::size_t index(std::size_t size) {
    return static_cast<std::size_t>(integer(0, static_cast<std::int64_t>(size) - 1));
  }
  // Uniform in [lo, hi).
  double real(double lo, double hi);
  bool chance(double probability) { return real(0, 1) < probability; }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[index(items.size())];
  }

  // `length` arbitrary bytes, NUL and non-UTF-8 included.
  std::string bytes(std::size_t length);
  // Valid UTF-8 of at most `max_bytes` bytes and at least one code point (when max_bytes >= 4):
  // ASCII, control characters, quotes and backslashes, accented letters, the euro sign, emoji.
  std::string utf8_text(std::size_t max_bytes);

 private:
  std::uint64_t seed_;
  std::uint64_t state_;
};

// The seed of VIGIE_TEST_SEED when set, a fresh one otherwise; printed on stderr either way.
Random seeded_random();

}  // namespace vigie::testing
