// ingest/mapping_event.hpp
//
// Turns one sender's record into one Vigie event with a list of mapped fields. The event is
// written as an envelope and goes through events::parse_event, so a mapped event obeys every
// rule an API event does and is refused with the same field names ("data.amount").
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "events/event.hpp"
#include "ingest/mapping_field.hpp"

namespace vigie::ingest {

// `name` is an envelope field (id, type, site_id, occurred_at, actor_id, source) or
// "data.<field>".
struct MappedField {
  std::string name;
  FieldSpec spec;
};
using FieldList = std::vector<MappedField>;

// Envelope fields a mapping may fill, and those it must.
bool is_envelope_field(std::string_view name);
inline constexpr std::string_view kRequiredFields[] = {"id", "type", "occurred_at"};

struct EventMappingOptions {
  ConvertOptions convert;
  std::optional<events::Source> forced_source;            // webhooks: always "webhook"
  events::Source default_source = events::Source::batch;  // when no field gives one
};

// The event, or the first refusal: a field that cannot be mapped (field = its name, message
// saying where it was read) or a rule of the catalogue (as parse_event reports it).
Expected<events::Event> map_event(const FieldList& fields, const RecordView& record,
                                  const EventMappingOptions& options);

}  // namespace vigie::ingest
