#include "support/random.hpp"

#include <cstdlib>
#include <iostream>
#include <random>

namespace vigie::testing {
namespace {

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::size_t utf8_length(char32_t code_point) {
  if (code_point < 0x80) return 1;
  if (code_point < 0x800) return 2;
  if (code_point < 0x10000) return 3;
  return 4;
}

}  // namespace

std::string Random::replay_hint() const { return "VIGIE_TEST_SEED=" + std::to_string(seed_); }

std::uint64_t Random::next() {
  // splitmix64 (Steele, Lea, Flood 2014): passes BigCrush, one add and three mixes.
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::int64_t Random::integer(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  if (span == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
  // Rejection keeps every value equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
  std::uint64_t draw = next();
  while (draw >= limit) draw = next();
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + draw % span);
}

double Random::real(double lo, double hi) {
  const double unit = static_cast<double>(next() >> 11) * 0x1.0p-53;  // [0, 1)
  return lo + (hi - lo) * unit;
}

std::string Random::bytes(std::size_t length) {
  std::string out(length, '\0');
  for (char& c : out) c = static_cast<char>(next() & 0xFF);
  return out;
}

std::string Random::utf8_text(std::size_t max_bytes) {
  static constexpr char32_t kSpecial[] = {U'"',    U'\\',     U'/', U'\n', U'\t', U'\x01',
                                          U'\x1f', U'\x7f',   U'é', U'è',  U'ç',  U'Œ',
                                          U'€',    U'\u2028', U'–', U'😀',  U'𝄞',  U' '};
  const std::size_t target =
      static_cast<std::size_t>(integer(1, static_cast<std::int64_t>(max_bytes)));
  std::string out;
  while (out.size() < target) {
    char32_t code_point = 0;
    switch (integer(0, 3)) {
      case 0:
        code_point = kSpecial[index(std::size(kSpecial))];
        break;
      case 1:
        code_point = static_cast<char32_t>(integer(0x20, 0x7E));
        break;
      case 2:
        code_point = static_cast<char32_t>(integer(0xA0, 0xD7FF));
        break;
      default:
        code_point = static_cast<char32_t>(integer(0x10000, 0x10FFFF));
        break;
    }
    if (out.size() + utf8_length(code_point) > max_bytes) {
      if (!out.empty()) break;
      code_point = U'x';
    }
    append_utf8(out, code_point);
  }
  return out;
}

Random seeded_random() {
  std::uint64_t seed = 0;
  if (const char* text = std::getenv("VIGIE_TEST_SEED"); text != nullptr && *text != '\0') {
    seed = std::strtoull(text, nullptr, 10);
  } else {
    std::random_device device;
    seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  }
  std::cerr << "[   SEED   ] VIGIE_TEST_SEED=" << seed << " replays this test\n";
  return Random{seed};
}

}  // namespace vigie::testing
