#include "events/event.hpp"

namespace vigie::events {

std::string_view type_name(EventType type) { return kTypeNames[static_cast<std::size_t>(type)]; }

std::optional<EventType> parse_type(std::string_view name) {
  for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
    if (kTypeNames[i] == name) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

std::string_view source_name(Source source) {
  return kSourceNames[static_cast<std::size_t>(source)];
}

std::optional<Source> parse_source(std::string_view name) {
  for (std::size_t i = 0; i < kSourceNames.size(); ++i) {
    if (kSourceNames[i] == name) return static_cast<Source>(i);
  }
  return std::nullopt;
}

bool is_siteless(EventType type) {
  return type == EventType::person_upserted || type == EventType::team_upserted ||
         type == EventType::vehicle_upserted;
}

}  // namespace vigie::events
