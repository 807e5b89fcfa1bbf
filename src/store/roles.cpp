#include <array>

#include "common/enum_names.hpp"
#include "store/rows.hpp"

namespace vigie::store {
namespace {
constexpr std::array<std::string_view, 6> kRoleNames = {"ingest",  "admin",         "direction",
                                                        "manager", "design_office", "chief"};
}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
  return enum_named<Role>(name, kRoleNames);
}

}  // namespace vigie::store
