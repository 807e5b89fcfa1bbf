#include "events/event.hpp"

#include "common/enum_names.hpp"

namespace vigie::events {

std::string_view type_name(EventType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<EventType> parse_type(std::string_view name) {
  return enum_named<EventType>(name, kTypeNames);
}

std::string_view source_name(Source source) {
  return kSourceNames[static_cast<std::size_t>(source)];
}

std::optional<Source> parse_source(std::string_view name) {
  return enum_named<Source>(name, kSourceNames);
}

bool is_siteless(EventType type) {
  return type == EventType::person_upserted || type == EventType::team_upserted ||
         type == EventType::vehicle_upserted;
}

bool is_vigie_only(EventType type) {
  return type == EventType::incident_classified || type == EventType::plan_accepted;
}

}  // namespace vigie::events
