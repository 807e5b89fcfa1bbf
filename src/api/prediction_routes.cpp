// The delay model over HTTP (issue 6, points 6 and 8):
//   GET /api/v1/predictions             every site under way: P(late), delay, ranges, coverage,
//                                       factors, actions, and the model version beside them
//   GET /api/v1/sites/{id}/prediction   one site
//   GET /api/v1/models/delay            the active version: parameters, data window and its
//                                       measured accuracy on the company's own completed sites;
//                                       every version, and every promotion (which served when)
//   GET /api/v1/models/compare?a=N&b=M  two versions on the same completed sites and days, from
//                                       the stored daily predictions (A/B test; admin, direction)
// A manager's token sees only their own sites. No trained version: 404 naming the command.
#include <charconv>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "models/delay/ab_test.hpp"
#include "models/delay/live_predictions.hpp"

namespace vigie::api {
namespace {

HttpResponse no_model() {
  return json_error(404, ErrorCode::not_found, "no delay model trained yet: run `vigie train delay`");
}

void write_model(JsonWriter& json, const store::ModelVersionRow& row) {
  json.key("model").begin_object()
      .field("name", row.model)
      .field("version", row.version)
      .field("trained_at", format_rfc3339_utc(row.created_at))
      .field("trained_by", row.trained_by);
  if (row.promoted_at) json.field("promoted_at", format_rfc3339_utc(*row.promoted_at));
  json.field("promoted_by", row.promoted_by)
      .key("params").raw(row.params)
      .key("data_window").raw(row.data_window)
      .key("metrics").raw(row.metrics)
      .end_object();
}

// `site`: empty for every site under way.
HttpResponse get_predictions(ApiServices& services, const HttpRequest& request, const std::string& site) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  const std::string manager = principal->role == store::Role::manager ? principal->person_id : "";
  const Instant t = instant_now();
  auto answer = site.empty() ? services.predictions->under_way(t, manager)
                             : services.predictions->site(site, t, manager);
  if (!answer) return json_error(answer.error());
  if (!answer->model) return no_model();
  if (!site.empty()) {
    if (answer->predictions.empty()) {
      return json_error(404, ErrorCode::not_found, "no site \"" + site + "\" under way in your scope");
    }
    return json_ok(models::prediction_json(answer->predictions.front()));
  }
  JsonWriter json;
  json.begin_object().field("as_of", format_rfc3339_utc(t));
  write_model(json, *answer->model);
  json.key("predictions").begin_array();
  for (const auto& prediction : answer->predictions) json.raw(models::prediction_json(prediction));
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse get_delay_model(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  auto versions = services.store.model_versions("delay");
  if (!versions) return json_error(versions.error());
  const store::ModelVersionRow* active = nullptr;
  for (const auto& row : *versions) active = row.active ? &row : active;
  if (active == nullptr) return no_model();
  JsonWriter json;
  json.begin_object();
  write_model(json, *active);
  json.key("versions").begin_array();
  for (const auto& row : *versions) {
    json.begin_object().field("version", row.version)
        .field("trained_at", format_rfc3339_utc(row.created_at))
        .field("active", row.active).end_object();
  }
  json.end_array();
  auto promotions = services.store.model_promotions("delay");
  if (!promotions) return json_error(promotions.error());
  json.key("promotions").begin_array();
  for (const auto& promotion : *promotions) {
    json.begin_object().field("version", promotion.version)
        .field("promoted_at", format_rfc3339_utc(promotion.promoted_at))
        .field("promoted_by", promotion.promoted_by).end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse get_compare(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (!principal->oversees_operations()) {
    return json_error(403, ErrorCode::forbidden, "comparing versions is for admin and direction tokens");
  }
  std::int64_t versions[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    const std::string name = i == 0 ? "a" : "b";
    const std::string text = request.query_param(name);
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), versions[i]);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || versions[i] < 1) {
      return json_error(Error::invalid(name, "must be a version number"));
    }
  }
  const Instant now = instant_now();
  models::VersionComparison comparison;
  auto compared = services.predictions->with_history(
      now, [&](const models::CompanyHistory& history, const models::SimilarSites&) -> Expected<void> {
        auto result = models::compare_stored_versions(services.store, versions[0], versions[1], history,
                                                      services.config.delay, paris_date(now));
        if (!result) return result.error();
        comparison = *result;
        return {};
      });
  if (!compared) return json_error(compared.error());
  return json_ok(models::comparison_json(comparison));
}

}  // namespace

std::vector<Route> prediction_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/predictions", {}, "/api/v1/predictions",
       [&services](const HttpRequest& r) { return get_predictions(services, r, ""); }},
      {"GET", "/api/v1/sites/([A-Za-z0-9_.-]+)/prediction", {"id"}, "/api/v1/sites/{id}/prediction",
       [&services](const HttpRequest& r) { return get_predictions(services, r, r.path_params.at("id")); }},
      {"GET", "/api/v1/models/delay", {}, "/api/v1/models/delay",
       [&services](const HttpRequest& r) { return get_delay_model(services, r); }},
      {"GET", "/api/v1/models/compare", {}, "/api/v1/models/compare",
       [&services](const HttpRequest& r) { return get_compare(services, r); }},
  };
}

}  // namespace vigie::api
