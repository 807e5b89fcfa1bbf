// events/records.hpp
//
// Typed records decoded from the data of upsert events: what the store keeps as the current
// state of reference entities. Decoding assumes the event passed validation.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "common/money.hpp"
#include "common/time.hpp"
#include "events/event.hpp"

namespace vigie::events {

struct SiteRecord {
  std::string id;
  std::string name;
  std::string client;
  std::string type;      // residentiel | tertiaire | industriel | commercial
  std::string region;
  std::string city;
  double lat = 0;
  double lon = 0;
  Cents budget_total;
  Cents budget_material;
  LocalDate planned_start{};
  LocalDate planned_end{};
  std::optional<LocalDate> actual_end;
  std::string status;    // planned | active | suspended | completed | cancelled
  int complexity = 1;
  std::string manager_id;
  std::string chief_id;  // empty when none
  std::string team_id;   // empty when none
  int subcontractors = 0;
  std::vector<std::string> required_skills;
};

// The key fields of a person, team or vehicle; the whole record stays as JSON beside them.
struct EntityKey {
  std::string id;
  std::string label;  // person: role; team: chief_id; vehicle: kind
};

Expected<SiteRecord> decode_site(const Event& event);
Expected<EntityKey> decode_entity_key(const Event& event);

struct BudgetRevision {
  Cents budget_total;
  Cents budget_material;
};
Expected<BudgetRevision> decode_budget(const Event& event);
Expected<LocalDate> decode_actual_end(const Event& event);

}  // namespace vigie::events
