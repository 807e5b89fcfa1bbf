// The design office's incident queue over HTTP (surfaces.md, Bureau d'études; issue 10):
//   GET  /api/v1/incidents[?state=open|waiting|in_progress|resolved_today]
//        the counts waiting / in progress / resolved today, the day's figures (mean resolution
//        against the 2 h target, SLA met, chiefs' satisfaction) and the incidents of that state
//        (default open), the earliest SLA first (api/incident_queue_json.hpp has the shape)
//   POST /api/v1/incidents/{id}/take     records incident.taken by the signed-in person (or
//                                        user); 409 naming who when it is already taken
//   POST /api/v1/incidents/{id}/labels   {"category"?, "severity"?, "urgency"?} in the event
//                                        catalogue's values: records incident.relabelled
// `?site_id=` picks the site when two sites use the same incident id. Who sees which: a manager
// or a chief their own sites' incidents, the other roles that read every one; an incident one
// may not see is 404. Taking and relabelling are for the roles that may send those events
// (api/auth.hpp: the design office, managers, admin). Both answer once the event is durable,
// with the incident as the queue now shows it.
#include <simdjson.h>

#include "api/incident_queue_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/fnv_hash.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "events/catalogue.hpp"
#include "events/parse.hpp"
#include "kpi/live_company.hpp"
#include "models/triage/live_triage.hpp"
#include "models/triage/training.hpp"

namespace vigie::api {
namespace {

namespace triage = models::triage;

// Chiefs answer each quarter (the demo's survey): the last 92 days hold one answer each.
constexpr std::int32_t kChiefSatisfactionDays = 92;

HttpResponse no_triage() {
  return json_error(503, ErrorCode::unavailable, "no incident triage on this server");
}

ChiefScores chief_scores(const kpi::LiveCompany* kpis, const SiteScope& scope, Instant now) {
  ChiefScores scores{.days = kChiefSatisfactionDays};
  if (kpis == nullptr) return scores;
  const std::int32_t last = paris_day_number(now);
  return kpis->read([&](const kpi::Company& company) {
    for (const kpi::SiteState& site : company.sites()) {
      if (!scope.contains(site.id)) continue;
      const kpi::DayCounters days = kpi::sum_days(site, last - kChiefSatisfactionDays + 1, last);
      scores.responses += days.chief_scores;
      scores.sum += days.chief_score_sum;
    }
    return scores;
  });
}

HttpResponse get_queue(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  const std::string state = request.query_param("state");
  const auto filter = triage::parse_queue_filter(state.empty() ? "open" : state);
  if (!filter) {
    return json_error(
        Error::invalid("state", "must be open, waiting, in_progress or resolved_today"));
  }
  if (services.triage == nullptr) return no_triage();
  auto directory = QueueDirectory::read(services.store, *principal);
  if (!directory) return json_error(directory.error());
  const Instant now = instant_now();
  const triage::SlaHours sla = triage::sla_of(services.config.triage);
  const auto queue =
      services.triage->read_incidents([&](const triage::CompanyIncidents& incidents) {
        return triage::incident_queue(
            incidents,
            [&](const std::string& site_id) { return directory->scope.contains(site_id); }, *filter,
            sla, now);
      });
  return json_ok(queue_json(queue, state.empty() ? "open" : state, now,
                            chief_scores(services.kpis, directory->scope, now), *directory));
}

// The incident of the path that the principal may see, as the fold holds it now.
Expected<triage::IncidentRecord> find_incident(const triage::LiveTriage& live,
                                               const SiteScope& scope, const HttpRequest& request) {
  const std::string& id = request.path_params.at("id");
  const std::string site_id = request.query_param("site_id");
  return live.read_incidents(
      [&](const triage::CompanyIncidents& incidents) -> Expected<triage::IncidentRecord> {
        const triage::IncidentRecord* found = nullptr;
        for (const auto& [key, record] : incidents.records()) {
          if (record.incident_id != id || !record.opened_at || !scope.contains(record.site_id))
            continue;
          if (!site_id.empty() && record.site_id != site_id) continue;
          if (found != nullptr) {
            return Error::make(ErrorCode::conflict,
                               "incident " + id + " is on several sites: give site_id");
          }
          found = &record;
        }
        if (found == nullptr) return Error::make(ErrorCode::not_found, "no incident " + id);
        return *found;
      });
}

// Stores one event a person makes through the dashboard; the store's or the check's error.
Expected<void> record_event(ApiServices& services, const Principal& principal, std::string_view id,
                            events::EventType type, const std::string& site_id, std::string data) {
  JsonWriter envelope;
  envelope.begin_object()
      .field("id", id)
      .field("type", events::type_name(type))
      .field("site_id", site_id)
      .field("occurred_at", format_paris_rfc3339(instant_now()))
      .field("source", events::source_name(events::Source::web))
      .key("actor_id");
  if (principal.person_id.empty())
    envelope.null();
  else
    envelope.value(principal.person_id);
  envelope.key("data").raw(data).end_object();
  auto event = events::parse_event(envelope.str());
  if (!event) return event.error();
  auto stored = services.pipeline.submit_events({std::move(*event)});
  if (!stored) return stored.error();
  if (!stored->refused.empty()) return stored->refused.front().error;
  return {};
}

// The incident after a change, as the queue shows it.
HttpResponse incident_answer(ApiServices& services, const QueueDirectory& directory,
                             const HttpRequest& request) {
  auto record = find_incident(*services.triage, directory.scope, request);
  if (!record) return json_error(record.error());
  return json_ok(incident_json(triage::queue_entry(*record, triage::sla_of(services.config.triage)),
                               directory));
}

// What both changes check first: the principal, their right to send `type`, the incident; the
// error is answered by auth_error_response (a 401 then says Bearer).
struct Change {
  Principal principal;
  QueueDirectory directory;
  triage::IncidentRecord record;
};
Expected<Change> start_change(ApiServices& services, const HttpRequest& request,
                              events::EventType type) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return principal.error();
  if (!role_may_send(principal->role, type)) {
    return Error::make(ErrorCode::forbidden,
                       std::string{"role "} + std::string{store::role_name(principal->role)} +
                           " may not record " + std::string{events::type_name(type)});
  }
  if (services.triage == nullptr)
    return Error::make(ErrorCode::unavailable, "no incident triage on this server");
  auto directory = QueueDirectory::read(services.store, *principal);
  if (!directory) return directory.error();
  auto record = find_incident(*services.triage, directory->scope, request);
  if (!record) return record.error();
  return Change{std::move(*principal), std::move(*directory), std::move(*record)};
}

HttpResponse post_take(ApiServices& services, const HttpRequest& request) {
  auto change = start_change(services, request, events::EventType::incident_taken);
  if (!change) return auth_error_response(change.error());
  const triage::IncidentRecord& record = change->record;
  if (record.resolved_at)
    return json_error(409, ErrorCode::conflict, "incident " + record.incident_id + " is resolved");
  if (record.taken_at) {
    return json_error(409, ErrorCode::conflict,
                      "incident " + record.incident_id + " is already taken by " + record.taken_by);
  }
  const std::string by = change->principal.who();
  JsonWriter data;
  data.begin_object().field("incident_id", record.incident_id).field("by", by).end_object();
  // One id per incident: of two people taking it at once, the second is a duplicate.
  const std::string id =
      "take:" +
      Fnv1a{}.add(record.site_id).add(std::string_view{"\0", 1}).add(record.incident_id).hex();
  auto stored = record_event(services, change->principal, id, events::EventType::incident_taken,
                             record.site_id, data.take());
  if (!stored) return json_error(stored.error());
  auto after = find_incident(*services.triage, change->directory.scope, request);
  if (after && after->taken_by != by) {
    return json_error(409, ErrorCode::conflict,
                      "incident " + record.incident_id + " is already taken by " + after->taken_by);
  }
  return incident_answer(services, change->directory, request);
}

// The labels a relabelling body gives, as the event's data fields; invalid naming the field.
Expected<std::string> relabel_data(std::string_view body, const std::string& incident_id) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(body.data(), body.size()).get_object().get(object) != simdjson::SUCCESS) {
    return Error::invalid("body", "must be a JSON object with category, severity or urgency");
  }
  JsonWriter data;
  data.begin_object().field("incident_id", incident_id);
  std::size_t given = 0;
  for (const auto field : object) {
    const auto known =
        std::find(triage::kLabelFields.begin(), triage::kLabelFields.end(), field.key);
    const std::string name{field.key};
    if (known == triage::kLabelFields.end())
      return Error::invalid(name, "is not a label: category, severity or urgency");
    const auto output = static_cast<triage::Output>(known - triage::kLabelFields.begin());
    std::string_view value;
    if (field.value.get_string().get(value) != simdjson::SUCCESS ||
        !triage::class_of_event_value(output, value)) {
      std::string allowed;
      for (int cls = 0; cls < static_cast<int>(triage::kClasses); ++cls) {
        allowed += (cls == 0 ? "" : cls + 1 == static_cast<int>(triage::kClasses) ? " or " : ", ");
        allowed += triage::event_value(output, cls);
      }
      return Error::invalid(name, "must be " + allowed);
    }
    data.field(field.key, value);
    ++given;
  }
  if (given == 0) return Error::invalid("body", "must give category, severity or urgency");
  return data.end_object().take();
}

HttpResponse post_labels(ApiServices& services, const HttpRequest& request) {
  auto change = start_change(services, request, events::EventType::incident_relabelled);
  if (!change) return auth_error_response(change.error());
  const triage::IncidentRecord& record = change->record;
  auto data = relabel_data(request.body, record.incident_id);
  if (!data) return json_error(data.error());
  auto stored =
      record_event(services, change->principal, new_token("relabel:").substr(0, 40),
                   events::EventType::incident_relabelled, record.site_id, std::move(*data));
  if (!stored) return json_error(stored.error());
  return incident_answer(services, change->directory, request);
}

}  // namespace

std::vector<Route> incident_queue_routes(ApiServices& services) {
  return {
      {"GET",
       "/api/v1/incidents",
       {},
       "/api/v1/incidents",
       [&services](const HttpRequest& r) { return get_queue(services, r); }},
      {"POST",
       "/api/v1/incidents/([^/]+)/take",
       {"id"},
       "/api/v1/incidents/{id}/take",
       [&services](const HttpRequest& r) { return post_take(services, r); }},
      {"POST",
       "/api/v1/incidents/([^/]+)/labels",
       {"id"},
       "/api/v1/incidents/{id}/labels",
       [&services](const HttpRequest& r) { return post_labels(services, r); }},
  };
}

}  // namespace vigie::api
