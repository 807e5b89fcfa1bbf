// Alerts over HTTP (surfaces.md, Alerts; issue 9, point 2):
//   GET  /api/v1/alerts[?status=open|all]  the open alerts, newest first (all: the history too)
//   POST /api/v1/alerts/{id}/ack           "I have seen it": who and when, the first one stands;
//                                          the alert stays open until its condition clears
//   GET  /api/v1/alerts/deliveries[?status=pending|delivered|dead]
//                                          their deliveries by webhook and e-mail, newest first;
//                                          dead: the dead-letter record (admin and direction)
// Any role that reads may acknowledge, except ingest tokens (machines do not see alerts). Who
// sees which: admin and direction every alert; a manager or a chief those of their own sites;
// the design office those about incidents (critical ones, SLAs at risk) — an alert one may not
// see is absent from the list and 404 to acknowledge.
#include <charconv>

#include "alerts/alert_json.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/site_scope.hpp"
#include "models/triage/critical_alert.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

constexpr std::size_t kAlertsListed = 500;

// Which alerts a principal may see (above).
class AlertView {
 public:
  static Expected<AlertView> of(const Principal& principal, const store::Store& store) {
    AlertView view{principal.role};
    if (!SiteScope::limited(principal)) return view;
    auto sites = store.sites();
    if (!sites) return sites.error();
    view.own_sites_ = SiteScope::of(principal, *sites);
    return view;
  }

  bool shows(const store::AlertRow& alert) const {
    switch (role_) {
      case store::Role::admin:
      case store::Role::direction: return true;
      case store::Role::manager:
      case store::Role::chief: return own_sites_.contains(alert.site_id);
      case store::Role::design_office:
        return alert.kind == models::triage::kCriticalAlertKind || alert.kind == "sla_at_risk";
      case store::Role::ingest: return false;
    }
    return false;
  }

 private:
  explicit AlertView(store::Role role) : role_(role) {}
  store::Role role_;
  SiteScope own_sites_;
};

HttpResponse get_alerts(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  const std::string status = request.query_param("status");
  if (!status.empty() && status != "open" && status != "all") {
    return json_error(Error::invalid("status", "must be open or all"));
  }
  auto view = AlertView::of(*principal, services.store);
  if (!view) return json_error(view.error());
  auto rows = services.store.alerts(status != "all", kAlertsListed);
  if (!rows) return json_error(rows.error());
  JsonWriter json;
  json.begin_object().key("alerts").begin_array();
  for (const store::AlertRow& alert : *rows) {
    if (view->shows(alert)) alerts::write_alert_json(json, alert);
  }
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
  auto view = AlertView::of(*principal, services.store);
  if (!view) return json_error(view.error());
  auto existing = services.store.alert(id);
  if (!existing) return json_error(existing.error());
  if (!*existing || !view->shows(**existing)) return json_error(404, ErrorCode::not_found, "no alert " + text);
  const std::string by = principal->who();
  auto acknowledged = services.store.acknowledge_alert(id, by, instant_now());
  if (!acknowledged) return json_error(acknowledged.error());
  if (!*acknowledged) return json_error(404, ErrorCode::not_found, "no alert " + text);
  if (services.changes != nullptr) services.changes->notify(topic_bit(Topic::alerts));
  JsonWriter json;
  alerts::write_alert_json(json, **acknowledged);
  return json_ok(json.take());
}

HttpResponse get_deliveries(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (!principal->oversees_operations()) {
    return json_error(403, ErrorCode::forbidden, "alert deliveries are for admin and direction tokens");
  }
  const std::string text = request.query_param("status");
  std::optional<store::DeliveryStatus> status;
  if (!text.empty()) {
    status = store::parse_delivery_status(text);
    if (!status) return json_error(Error::invalid("status", "must be pending, delivered or dead"));
  }
  auto rows = services.store.alert_deliveries(status, kAlertsListed);
  if (!rows) return json_error(rows.error());
  JsonWriter json;
  json.begin_object().key("deliveries").begin_array();
  for (const store::AlertDeliveryRow& row : *rows) {
    json.begin_object()
        .field("id", row.id)
        .field("alert_id", row.alert_id)
        .field("channel", row.channel)
        .field("target", row.target)
        .field("status", store::delivery_status_name(row.status))
        .field("attempts", static_cast<std::int64_t>(row.attempts))
        .field("created_at", format_rfc3339_utc(row.created_at));
    json.time_field("next_attempt_at", row.status == store::DeliveryStatus::pending
                                           ? std::optional<Instant>{row.next_attempt_at}
                                           : std::nullopt);
    json.time_field("finished_at", row.finished_at).field("last_error", row.last_error).end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> alert_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/alerts", {}, "/api/v1/alerts",
       [&services](const HttpRequest& r) { return get_alerts(services, r); }},
      {"GET", "/api/v1/alerts/deliveries", {}, "/api/v1/alerts/deliveries",
       [&services](const HttpRequest& r) { return get_deliveries(services, r); }},
      {"POST", "/api/v1/alerts/([0-9]+)/ack", {"id"}, "/api/v1/alerts/{id}/ack",
       [&services](const HttpRequest& r) { return post_ack(services, r); }},
  };
}

}  // namespace vigie::api
