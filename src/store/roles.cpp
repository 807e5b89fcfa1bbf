#include <array>

#include "store/rows.hpp"

namespace vigie::store {
namespace {
constexpr std::array<std::string_view, 6> kRoleNames = {"ingest",  "admin",         "direction",
                                                        "manager", "design_office", "chief"};
}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
  for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace vigie::store
