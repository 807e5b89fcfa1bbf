// common/enum_names.hpp — an enumeration read from its name, where the names are a table in the
// enumeration's order (the table is the one place the spelling lives; a name is its index).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace vigie {

// The enumerator whose name is `name`; nullopt when the table has no such name.
template <class Enum>
std::optional<Enum> enum_named(std::string_view name, std::span<const std::string_view> names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace vigie
