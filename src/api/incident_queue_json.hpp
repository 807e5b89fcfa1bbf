// api/incident_queue_json.hpp
//
// The design office's queue as JSON (GET /api/v1/incidents and the answer of a change), with
// the names people read beside the ids: the site's, its chief's, who took the incident.
//
//   {"as_of", "state", "counts": {"waiting", "in_progress", "resolved_today"},
//    "today": {"mean_resolution_hours"|null, "resolution_target_hours", "resolved_with_sla",
//              "resolved_within_sla", "sla_met_share"|null, "chief_satisfaction"|null,
//              "chief_responses", "chief_satisfaction_days"},
//    "incidents": [incident…]}
//   incident: {"id", "site_id", "site_name", "chief_id", "chief_name", "state", "description",
//              "labels": {"category"|"severity"|"urgency": null | {"value", "label", "source":
//                         "given"|"predicted"|"corrected", "predicted", "probability"}},
//              "model_version", "opened_at", "taken_at", "taken_by", "taken_by_name",
//              "resolved_at", "sla_hours", "sla_due_at"}
// Values are the event catalogue's ("technical"), labels the French ones ("Technique"); a name
// or a time not known is null; an incident without urgency has no SLA (both null).
#pragma once

#include <string>
#include <unordered_map>

#include "api/auth.hpp"
#include "api/people_book.hpp"
#include "api/site_scope.hpp"
#include "common/expected.hpp"
#include "models/triage/incident_queue.hpp"
#include "store/store.hpp"

namespace vigie::api {

// The sites a principal sees and the names to show, read from the store per request.
struct QueueDirectory {
  SiteScope scope;
  std::unordered_map<std::string, store::SiteRow> sites;
  PeopleBook people;

  static Expected<QueueDirectory> read(const store::Store& store, const Principal& principal);
};

// Chiefs' answers to satisfaction.recorded over the last `days` on the sites in scope.
struct ChiefScores {
  std::int64_t responses = 0;
  double sum = 0;
  std::int32_t days = 0;
};

std::string queue_json(const models::triage::IncidentQueue& queue, std::string_view state,
                       Instant as_of, const ChiefScores& chiefs, const QueueDirectory& directory);
std::string incident_json(const models::triage::QueueEntry& entry, const QueueDirectory& directory);

}  // namespace vigie::api
