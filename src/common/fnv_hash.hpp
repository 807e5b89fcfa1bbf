// common/fnv_hash.hpp
//
// FNV-1a, 64 bits: a stable hash of bytes, the same on every machine and build (std::hash is
// not), for ids derived from content and for hashed features that a saved model keeps.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace vigie {

// Fed part after part; the value is the hash of all the bytes fed so far.
struct Fnv1a {
  std::uint64_t value = 14695981039346656037ull;
  Fnv1a& add(std::string_view bytes) {
    for (const char c : bytes) {
      value ^= static_cast<unsigned char>(c);
      value *= 1099511628211ull;
    }
    return *this;
  }
  std::string hex() const {  // 16 lowercase hex digits
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
  }
};

}  // namespace vigie
