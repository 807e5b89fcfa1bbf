// store/rows.hpp — the row types the Store reads and writes. Plain data, no behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.hpp"
#include "common/time.hpp"
#include "events/event.hpp"
#include "events/records.hpp"

namespace vigie::store {

enum class EntityKind : std::uint8_t { site, person, team, vehicle };

struct TypeCount {
  events::EventType type;
  std::uint64_t count = 0;
};

// The current state of a site: its last site.upserted record, then budget.revised and
// site.completed events that occurred after it.
using SiteRow = events::SiteRecord;

enum class Role : std::uint8_t { ingest, admin, direction, manager, design_office, chief };
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct TokenRow {
  std::string hash;       // hex SHA-256 of the token; the token itself is never stored
  Role role = Role::ingest;
  std::string person_id;  // for manager and chief tokens: whose sites they see
  std::string label;
  Instant created_at{};
};

struct DemoTruthRow {
  std::string site_id;
  double p_late = 0;
  double expected_delay_days = 0;
  bool late = false;
  double delay_days = 0;
};

}  // namespace vigie::store
