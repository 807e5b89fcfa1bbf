// Incident triage over HTTP (issue 7, point 3):
//   POST /api/v1/incidents/classify   a text classified by the active triage version, stored
//                                     nowhere: {"description", "site_type"?, "opened_at"?} →
//                                     type, severity, urgency, routing, SLA, probabilities
//   GET  /api/v1/models/triage        the active version and the share of its predictions
//                                     people corrected (models.md: a tracked metric)
// An empty or oversized description is refused (422, naming the field) before any model runs.
#include <algorithm>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"
#include "models/triage/live_triage.hpp"
#include "models/triage/prediction_json.hpp"

namespace vigie::api {
namespace {

namespace triage = models::triage;


HttpResponse no_triage_model() {
  return json_error(404, ErrorCode::not_found,
                    "no triage model trained yet: run `vigie train triage`");
}

HttpResponse post_classify(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  auto incident = triage::parse_incident_json(request.body, triage::LabelsWanted::none);
  if (!incident) return json_error(incident.error());
  auto classified = services.triage->classify(*incident);
  if (!classified) return json_error(classified.error());
  if (!*classified) return no_triage_model();
  return json_ok(triage::prediction_json((*classified)->prediction, incident->id,
                                         (*classified)->model_version));
}

HttpResponse get_triage_model(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  // The listing, not model_version(): that one reads the model's file (tens of MB).
  auto versions = services.store.model_versions(std::string{triage::kTriageModelName});
  if (!versions) return json_error(versions.error());
  const auto active = std::find_if(versions->begin(), versions->end(),
                                   [](const store::ModelVersionRow& row) { return row.active; });
  if (active == versions->end()) return no_triage_model();
  const store::ModelVersionRow& row = *active;
  const triage::CorrectionShare share = services.triage->correction_share();
  JsonWriter json;
  json.begin_object().key("model").begin_object()
      .field("name", row.model)
      .field("version", row.version)
      .field("trained_at", format_rfc3339_utc(row.created_at))
      .field("trained_by", row.trained_by)
      .key("params").raw(row.params)
      .key("data_window").raw(row.data_window)
      .key("metrics").raw(row.metrics)
      .end_object();
  json.key("corrections").begin_object()
      .field("classified", static_cast<std::uint64_t>(share.classified))
      .field("corrected", static_cast<std::uint64_t>(share.corrected))
      .field("share", share.share());
  for (const triage::Output output : triage::kAllOutputs) {
    const auto o = static_cast<std::size_t>(output);
    json.key(triage::output_name(output)).begin_object()
        .field("predicted", static_cast<std::uint64_t>(share.predicted[o]))
        .field("corrected", static_cast<std::uint64_t>(share.changed[o]))
        .end_object();
  }
  json.end_object().end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> incident_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/incidents/classify", {}, "/api/v1/incidents/classify",
       [&services](const HttpRequest& r) { return post_classify(services, r); }},
      {"GET", "/api/v1/models/triage", {}, "/api/v1/models/triage",
       [&services](const HttpRequest& r) { return get_triage_model(services, r); }},
  };
}

}  // namespace vigie::api
