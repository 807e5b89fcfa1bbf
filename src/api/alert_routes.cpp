// Alerts over HTTP (surfaces.md, Alerts; issue 9, point 2):
//   GET  /api/v1/alerts[?status=open|all]  the open alerts, newest first (all: the history too)
//   POST /api/v1/alerts/{id}/ack           "I have seen it": who and when, the first one stands;
//                                          the alert stays open until its condition clears
// Any role that reads may acknowledge, except ingest tokens (machines do not see alerts).
#include <charconv>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

constexpr std::size_t kAlertsListed = 500;

void optional_instant(JsonWriter& json, std::string_view name, const std::optional<Instant>& at) {
  json.key(name);
  if (at) json.value(format_rfc3339_utc(*at));
  else json.null();
}

void write_alert(JsonWriter& json, const store::AlertRow& alert) {
  json.begin_object()
      .field("id", alert.id)
      .field("kind", alert.kind)
      .field("site_id", alert.site_id)
      .field("audience", alert.audience)
      .field("title", alert.title)
      .field("message", alert.message)
      .key("figures").raw(alert.figures)
      .field("raised_at", format_rfc3339_utc(alert.raised_at));
  optional_instant(json, "cleared_at", alert.cleared_at);
  optional_instant(json, "acknowledged_at", alert.acknowledged_at);
  json.key("acknowledged_by");
  if (alert.acknowledged_by.empty()) json.null();
  else json.value(alert.acknowledged_by);
  json.end_object();
}

HttpResponse get_alerts(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  const std::string status = request.query_param("status");
  if (!status.empty() && status != "open" && status != "all") {
    return json_error(Error::invalid("status", "must be open or all"));
  }
  auto alerts = services.store.alerts(status != "all", kAlertsListed);
  if (!alerts) return json_error(alerts.error());
  JsonWriter json;
  json.begin_object().key("alerts").begin_array();
  for (const store::AlertRow& alert : *alerts) write_alert(json, alert);
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse post_ack(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (principal->role == store::Role::ingest) {
    return json_error(403, ErrorCode::forbidden, "an ingest token does not acknowledge alerts");
  }
  const std::string& text = request.path_params.at("id");
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return json_error(Error::invalid("id", "must be an alert's number"));
  }
  const std::string by = principal->who();
  auto acknowledged = services.store.acknowledge_alert(id, by, instant_now());
  if (!acknowledged) return json_error(acknowledged.error());
  if (!*acknowledged) return json_error(404, ErrorCode::not_found, "no alert " + text);
  JsonWriter json;
  write_alert(json, **acknowledged);
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> alert_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/alerts", {}, "/api/v1/alerts",
       [&services](const HttpRequest& r) { return get_alerts(services, r); }},
      {"POST", "/api/v1/alerts/([0-9]+)/ack", {"id"}, "/api/v1/alerts/{id}/ack",
       [&services](const HttpRequest& r) { return post_ack(services, r); }},
  };
}

}  // namespace vigie::api
