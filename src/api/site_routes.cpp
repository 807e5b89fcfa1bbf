// The sites as the dashboards show them (issue 10):
//   GET /api/v1/sites[?region=…&manager=…&type=…&team=…&status=…&risk=high|medium|low]
//                    [&sort=name|delay|budget|urgency&order=asc|desc][&format=csv|xlsx]
//       every site in scope: record, budget and spent, progress, open incidents by severity,
//       the delay prediction and its risk level, in the order asked; as JSON, or as the table
//       "Tous les chantiers" shows it in CSV or a real Excel workbook (the same rows, same order)
//   GET /api/v1/sites/{id}
//       one site's 360° view: the same, plus duration and elapsed days, the team, the open
//       incidents, the prediction with its factors and suggested actions, and the latest events
//   GET /api/v1/filters
//       the values the scope filters take on the sites the asker sees (managers, regions,
//       types, teams), for the pages' filter lists
// A manager sees only their own sites, a chief the sites they lead (api/scope_query.hpp:
// the scope every route here starts from).
#include <simdjson.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/scope_query.hpp"
#include "api/site_scope.hpp"
#include "api/site_summaries.hpp"
#include "api/site_table.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "common/table_export.hpp"
#include "kpi/live_company.hpp"
#include "models/triage/company_incidents.hpp"

namespace vigie::api {
namespace {

constexpr std::size_t kTimelineEvents = 15;

// What a site's timeline tells: what happened to it, not the day's routine (timesheets, trips,
// photos and app use come by the dozen a day and would hide the rest).
constexpr events::EventType kTimelineTypes[] = {
    events::EventType::site_upserted,      events::EventType::budget_revised,
    events::EventType::expense_recorded,   events::EventType::progress_reported,
    events::EventType::report_submitted,   events::EventType::incident_opened,
    events::EventType::incident_taken,     events::EventType::incident_resolved,
    events::EventType::incident_relabelled, events::EventType::request_opened,
    events::EventType::request_resolved,   events::EventType::plan_modified,
    events::EventType::satisfaction_recorded, events::EventType::site_completed,
    events::EventType::absence_recorded,   events::EventType::plan_accepted,
};

bool is_incident_event(events::EventType type) {
  const auto& types = models::triage::kIncidentEventTypes;
  return std::find(types.begin(), types.end(), type) != types.end();
}

// The incident_id of an incident event (empty for other events).
std::string incident_id_of(const events::Event& event) {
  simdjson::dom::parser parser;
  std::string_view id;
  if (parser.parse(event.data).get_object()["incident_id"].get_string().get(id) != simdjson::SUCCESS) return {};
  return std::string{id};
}

double euros(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

void write_person(JsonWriter& json, std::string_view name, const std::string& id, const PeopleBook& people) {
  json.key(name);
  if (id.empty()) {
    json.null();
    return;
  }
  json.begin_object().field("id", id).field("name", people.name(id)).end_object();
}

void write_labels(JsonWriter& json, const kpi::Labels& labels) {
  json.key("category");
  labels.category ? json.value(kpi::category_name(*labels.category)) : json.null();
  json.key("severity");
  labels.severity ? json.value(kpi::severity_name(*labels.severity)) : json.null();
  json.key("urgency");
  labels.urgency ? json.value(kpi::urgency_name(*labels.urgency)) : json.null();
}

// The fields the list and the 360° view share (the list's whole row).
void write_site_fields(JsonWriter& json, const SiteSummary& site, const PeopleBook& people) {
  const events::SiteRecord& r = site.record;
  json.field("id", r.id).field("name", r.name).field("client", r.client).field("type", r.type)
      .field("region", r.region).field("city", r.city).field("status", kpi::site_status_name(site.status));
  write_person(json, "manager", r.manager_id, people);
  write_person(json, "chief", r.chief_id, people);
  json.field("team_id", r.team_id)
      .field("planned_start", format_iso_date(r.planned_start))
      .field("planned_end", format_iso_date(r.planned_end));
  json.key("actual_end");
  r.actual_end ? json.value(format_iso_date(*r.actual_end)) : json.null();
  json.field("budget_eur", euros(site.budget_cents))
      .field("actual_cost_eur", euros(site.actual_cost_cents))
      .field("spent_share", site.budget_cents > 0 ? double(site.actual_cost_cents) / double(site.budget_cents) : 0.0)
      .field("progress_percent", site.percent_complete)
      .field("photos", site.photos)
      .field("reports", site.reports)
      .field("open_incidents", static_cast<std::int64_t>(site.open_incidents.size()));
  json.key("open_incidents_by_severity").begin_object();
  for (int severity = 1; severity <= 4; ++severity) {
    json.field(kpi::severity_name(severity), site.open_by_severity[static_cast<std::size_t>(severity - 1)]);
  }
  json.end_object().field("highest_open_severity", site.highest_open_severity())
      .field("urgency", site.urgency());
  const std::string risk = risk_level(site);
  json.key("risk");
  risk.empty() ? json.null() : json.value(risk);
}

void write_prediction_summary(JsonWriter& json, const SiteSummary& site) {
  json.key("prediction");
  if (!site.prediction) {
    json.null();
    return;
  }
  const models::SitePrediction& p = *site.prediction;
  json.begin_object().field("p_late", p.p_late).field("delay_days", p.delay_days)
      .field("delay_low", p.delay_low).field("delay_high", p.delay_high)
      .field("predicted_late", p.predicted_late).field("model_version", p.model_version).end_object();
}

// The orders the table "Tous les chantiers" offers. Urgency: by SiteSummary::urgency(), then by
// P(late). Sites without a figure go last.
Expected<void> sort_sites(std::vector<SiteSummary>& sites, const std::string& sort, const std::string& order) {
  if (!order.empty() && order != "asc" && order != "desc") return Error::invalid("order", "must be asc or desc");
  const bool descending = order.empty() ? sort != "name" && !sort.empty() : order == "desc";
  using Key = std::pair<bool, double>;  // (has no figure, figure): a missing figure sorts last
  std::function<Key(const SiteSummary&)> key;
  const auto p_late = [](const SiteSummary& s) { return s.prediction ? s.prediction->p_late : 0.0; };
  if (sort.empty() || sort == "name") {
    if (descending) std::reverse(sites.begin(), sites.end());  // they come by name
    return {};
  } else if (sort == "delay") {
    key = [](const SiteSummary& s) { return Key{!s.prediction, s.prediction ? s.prediction->delay_days : 0.0}; };
  } else if (sort == "budget") {
    key = [](const SiteSummary& s) { return Key{false, static_cast<double>(s.budget_cents)}; };
  } else if (sort == "urgency") {
    key = [p_late](const SiteSummary& s) { return Key{false, 2.0 * s.urgency() + p_late(s)}; };  // p_late ≤ 1: tiers apart
  } else {
    return Error::invalid("sort", "must be name, delay, budget or urgency");
  }
  std::stable_sort(sites.begin(), sites.end(), [&](const SiteSummary& a, const SiteSummary& b) {
    const Key ka = key(a), kb = key(b);
    if (ka.first != kb.first) return !ka.first;
    return descending ? ka.second > kb.second : ka.second < kb.second;
  });
  return {};
}

HttpResponse get_sites(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  auto scope = scope_of(request, *principal);
  if (!scope) return json_error(scope.error());
  const std::string format = request.query_param("format");
  if (!format.empty() && format != "json" && format != "csv" && format != "xlsx") {
    return json_error(Error::invalid("format", "must be json, csv or xlsx"));
  }
  const Instant now = instant_now();
  const std::string risk = request.query_param("risk");
  if (!risk.empty() && risk != "high" && risk != "medium" && risk != "low") {
    return json_error(Error::invalid("risk", "must be high, medium or low"));
  }
  auto sites = site_summaries(services, *scope, now);
  if (!sites) return json_error(sites.error());
  if (!risk.empty()) {
    std::erase_if(*sites, [&](const SiteSummary& site) { return risk_level(site) != risk; });
  }
  if (auto sorted = sort_sites(*sites, request.query_param("sort"), request.query_param("order")); !sorted) {
    return json_error(sorted.error());
  }
  auto people = read_people(services.store);
  if (!people) return json_error(people.error());
  if (format == "csv" || format == "xlsx") {
    const Table table = sites_table(*sites, *people);
    const std::string file = "chantiers-" + format_iso_date(paris_date(now)) + "." + format;
    HttpResponse response;
    if (format == "csv") {
      response.content_type = kCsvContentType;
      response.body = table_csv(table);
    } else {
      auto workbook = table_xlsx(table, services.config.data_dir);
      if (!workbook) return json_error(workbook.error());
      response.content_type = kXlsxContentType;
      response.body = std::move(*workbook);
    }
    response.headers["Content-Disposition"] = "attachment; filename=\"" + file + "\"";
    return response;
  }
  JsonWriter json;
  json.begin_object().field("as_of", format_rfc3339_utc(now)).key("sites").begin_array();
  for (const SiteSummary& site : *sites) {
    json.begin_object();
    write_site_fields(json, site, *people);
    write_prediction_summary(json, site);
    json.end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse get_site(ApiServices& services, const HttpRequest& request, const std::string& id) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  const kpi::Scope scope = own_scope(*principal);
  const Instant now = instant_now();
  auto sites = site_summaries(services, scope, now, id);
  if (!sites) return json_error(sites.error());
  if (sites->empty()) return json_error(404, ErrorCode::not_found, "no site \"" + id + "\" in your scope");
  auto people = read_people(services.store);
  if (!people) return json_error(people.error());
  auto recent = services.store.recent_site_events(id, kTimelineTypes, now, kTimelineEvents);
  if (!recent) return json_error(recent.error());
  // The labels in force of the incidents the timeline names ("incident technique résolu"), by
  // the timeline's index.
  std::map<std::size_t, kpi::Labels> incident_labels;
  services.kpis->read([&](const kpi::Company& company) {
    for (std::size_t i = 0; i < recent->size(); ++i) {
      const events::Event& event = (*recent)[i];
      if (!is_incident_event(event.type)) continue;
      if (const kpi::Incident* incident = company.incident(id, incident_id_of(event))) {
        incident_labels.emplace(i, kpi::labels_at(*incident));
      }
    }
  });

  const SiteSummary& site = sites->front();
  const std::int32_t start = days_since_epoch(site.record.planned_start);
  const std::int32_t duration = std::max(0, days_since_epoch(site.record.planned_end) - start);
  const std::int32_t until = site.record.actual_end ? days_since_epoch(*site.record.actual_end)
                                                    : days_since_epoch(paris_date(now));
  JsonWriter json;
  json.begin_object().field("as_of", format_rfc3339_utc(now));
  write_site_fields(json, site, *people);
  json.field("duration_days", duration).field("elapsed_days", std::clamp(until - start, 0, duration));
  json.key("team").begin_object().field("id", site.record.team_id).key("members").begin_array();
  if (const auto members = people->team_members.find(site.record.team_id); members != people->team_members.end()) {
    for (const auto& member : members->second) {
      json.begin_object().field("id", member).field("name", people->name(member)).end_object();
    }
  }
  json.end_array().end_object();
  json.key("incidents").begin_array();
  for (const OpenIncident& incident : site.open_incidents) {
    json.begin_object().field("id", incident.id).field("opened_at", format_rfc3339_utc(incident.opened_at))
        .time_field("taken_at", incident.taken_at);
    write_labels(json, incident.labels);
    json.end_object();
  }
  json.end_array().key("prediction");
  site.prediction ? json.raw(models::prediction_json(*site.prediction)) : json.null();
  json.key("timeline").begin_array();
  for (std::size_t i = 0; i < recent->size(); ++i) {
    const events::Event& event = (*recent)[i];
    json.begin_object().field("id", event.id).field("type", events::type_name(event.type))
        .field("occurred_at", format_rfc3339_utc(event.occurred_at))
        .field("source", events::source_name(event.source))
        .key("data").raw(event.data);
    if (const auto labels = incident_labels.find(i); labels != incident_labels.end()) {
      json.key("incident").begin_object();
      write_labels(json, labels->second);
      json.end_object();
    }
    json.end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse get_filters(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  // From the store's records alone: a filter list needs no figures and no predictions.
  auto records = services.store.sites();
  if (!records) return json_error(records.error());
  auto people = read_people(services.store);
  if (!people) return json_error(people.error());
  const SiteScope own = SiteScope::of(*principal, *records);
  std::set<std::string> managers, regions, types, teams;
  for (const events::SiteRecord& site : *records) {
    if (!own.contains(site.id)) continue;
    managers.insert(site.manager_id);
    regions.insert(site.region);
    types.insert(site.type);
    if (!site.team_id.empty()) teams.insert(site.team_id);
  }
  JsonWriter json;
  json.begin_object().key("managers").begin_array();
  for (const auto& id : managers) json.begin_object().field("id", id).field("name", people->name(id)).end_object();
  json.end_array().key("regions").begin_array();
  for (const auto& region : regions) json.value(region);
  json.end_array().key("types").begin_array();
  for (const auto& type : types) json.value(type);
  json.end_array().key("teams").begin_array();
  for (const auto& team : teams) json.value(team);
  json.end_array().end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> site_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/sites", {}, "/api/v1/sites",
       [&services](const HttpRequest& r) { return get_sites(services, r); }},
      {"GET", "/api/v1/sites/([A-Za-z0-9_.-]+)", {"id"}, "/api/v1/sites/{id}",
       [&services](const HttpRequest& r) { return get_site(services, r, r.path_params.at("id")); }},
      {"GET", "/api/v1/filters", {}, "/api/v1/filters",
       [&services](const HttpRequest& r) { return get_filters(services, r); }},
  };
}

}  // namespace vigie::api
