// events/parse.hpp
//
// Turns JSON text into validated events. Every refusal names the field and the rule
// ("data.amount: must be >= 0"); a refused event yields nothing to store.
// Whether the site exists is not known here: ingest checks it against the store (site_check.hpp).
// Thread-safe: each thread uses its own parser.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "events/event.hpp"

namespace vigie::events {

// Who wrote the text: a sender may not write Vigie's own events (is_vigie_only, source
// `vigie`); what Vigie wrote or reads back from its store and archive may.
enum class Origin : std::uint8_t { sender, vigie };

// One envelope.
Expected<Event> parse_event(std::string_view json, Origin origin = Origin::sender);

struct Refusal {
  std::size_t index = 0;  // position in the sender's array (0-based) or line number for files
  Error error;
};

struct ParsedBody {
  bool was_array = false;
  std::size_t total = 0;                 // events the sender sent
  std::vector<Event> events;             // the valid ones, in the sender's order
  std::vector<std::size_t> positions;    // positions[i]: the sender's index of events[i]
  std::vector<Refusal> refused;          // the invalid ones, by index
};

// A request body (always a sender's): one envelope or an array of them. Fails as a whole (with field "body") only
// when the body is not JSON, is neither object nor array, or holds more than `max_events`.
Expected<ParsedBody> parse_body(std::string_view body, std::size_t max_events);

}  // namespace vigie::events
