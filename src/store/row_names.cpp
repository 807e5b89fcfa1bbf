// The names of the rows' enums, as stored and as the API writes them.
#include <array>

#include "common/enum_names.hpp"
#include "store/rows.hpp"

namespace vigie::store {
namespace {
constexpr std::array<std::string_view, 6> kRoleNames = {"ingest",  "admin",         "direction",
                                                        "manager", "design_office", "chief"};
constexpr std::array<std::string_view, 3> kDeliveryStatusNames = {"pending", "delivered", "dead"};
}  // namespace

std::string_view role_name(Role role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<Role> parse_role(std::string_view name) {
  return enum_named<Role>(name, kRoleNames);
}

std::string_view delivery_status_name(DeliveryStatus status) {
  return kDeliveryStatusNames[static_cast<std::size_t>(status)];
}

std::optional<DeliveryStatus> parse_delivery_status(std::string_view name) {
  return enum_named<DeliveryStatus>(name, kDeliveryStatusNames);
}

}  // namespace vigie::store
