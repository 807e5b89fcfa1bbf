// events/validate_data.hpp — internal to events/: checks an event's `data` object against its
// type's rules (catalogue.hpp) and the cross-field rules. Errors name the field as `data.<name>`.
#pragma once

#include <simdjson.h>

#include <string_view>

#include "common/expected.hpp"
#include "events/event.hpp"

namespace vigie::events {

Expected<void> validate_data(EventType type, std::string_view site_id,
                             const simdjson::dom::element& data);

}  // namespace vigie::events
