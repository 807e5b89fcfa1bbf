// models/triage/model_parts.hpp
//
// A model file made of parts, each written as its length in decimal, a newline, then its bytes:
// how a view keeps one model per output in one blob.
#pragma once

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::models::triage {

inline void append_part(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += '\n';
  out += part;
}

// The next part of `bytes`, consumed; nullopt when the bytes are cut short.
inline std::optional<std::string_view> next_part(std::string_view& bytes) {
  const auto newline = bytes.find('\n');
  std::size_t size = 0;
  if (newline == std::string_view::npos ||
      std::from_chars(bytes.data(), bytes.data() + newline, size).ec != std::errc{} ||
      size > bytes.size() - newline - 1) {
    return std::nullopt;
  }
  const std::string_view part = bytes.substr(newline + 1, size);
  bytes.remove_prefix(newline + 1 + size);
  return part;
}

}  // namespace vigie::models::triage
