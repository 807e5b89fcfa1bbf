// events/event.hpp
//
// The envelope every event arrives in, and the names of the catalogue's types and sources.
// An Event here has passed validation: its `data` obeys its type's rules (catalogue.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"

namespace vigie::events {

// The catalogue of data.md. Adding a type: add it here, to kTypeNames, and give it rules in
// catalogue.cpp (README: "How to add an event type").
enum class EventType : std::uint8_t {
  site_upserted,
  person_upserted,
  team_upserted,
  vehicle_upserted,
  budget_revised,
  expense_recorded,
  progress_reported,
  timesheet_recorded,
  absence_recorded,
  trip_recorded,
  photo_uploaded,
  report_submitted,
  incident_opened,
  incident_taken,
  incident_resolved,
  incident_relabelled,
  request_opened,
  request_resolved,
  plan_modified,
  satisfaction_recorded,
  weather_forecast,
  app_used,
  site_completed,
  incident_classified,  // written by Vigie only (is_vigie_only)
  plan_accepted,        // written by Vigie only: a site's line of an accepted team plan
};
inline constexpr std::size_t kEventTypeCount = 25;

inline constexpr std::array<std::string_view, kEventTypeCount> kTypeNames = {
    "site.upserted",       "person.upserted",    "team.upserted",      "vehicle.upserted",
    "budget.revised",      "expense.recorded",   "progress.reported",  "timesheet.recorded",
    "absence.recorded",    "trip.recorded",      "photo.uploaded",     "report.submitted",
    "incident.opened",     "incident.taken",     "incident.resolved",  "incident.relabelled",
    "request.opened",      "request.resolved",   "plan.modified",      "satisfaction.recorded",
    "weather.forecast",    "app.used",           "site.completed",     "incident.classified",
    "plan.accepted",
};

// `vigie`: an event Vigie wrote itself (the triage of an incident), never a sender's.
enum class Source : std::uint8_t { mobile, web, erp, webhook, batch, vigie };
inline constexpr std::array<std::string_view, 6> kSourceNames = {"mobile", "web",   "erp",
                                                                 "webhook", "batch", "vigie"};

std::string_view type_name(EventType type);
std::optional<EventType> parse_type(std::string_view name);
std::string_view source_name(Source source);
std::optional<Source> parse_source(std::string_view name);

// Types whose site_id is null: they concern no site.
bool is_siteless(EventType type);

// Types only Vigie writes (with source `vigie`): what its models concluded. A sender may not
// send them, so a stored one is always the product's own conclusion, naming its model version.
bool is_vigie_only(EventType type);

struct Event {
  std::string id;           // client-chosen idempotency key
  EventType type = EventType::site_upserted;
  std::string site_id;      // empty for the siteless types
  Instant occurred_at{};    // places the event; arrival time never does
  Source source = Source::web;
  std::string actor_id;     // empty when absent
  std::string data;         // the `data` object, as compact JSON text
  std::string raw;          // the whole envelope, compact JSON, as accepted (for the archive)
};

}  // namespace vigie::events
