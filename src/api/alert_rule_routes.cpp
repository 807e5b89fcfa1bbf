// The alert rules over HTTP (issue 9, point 1; alerts/alert_rule_book.hpp):
//   GET    /api/v1/alerts/rules          every rule as evaluated now, with what the API changed
//                                        over the configuration, by whom and when
//   PUT    /api/v1/alerts/rules/{id}     sets the rule's fields to the body's, a JSON object of
//                                        the configuration's keys ({"threshold": 15}); the fields
//                                        it does not give are the configuration's. A new id adds
//                                        a rule, which names its measure. (admin)
//   DELETE /api/v1/alerts/rules/{id}     puts the rule back to the configuration's (admin)
//   GET    /api/v1/alerts/rules/changes  every change, oldest first: the audit trail (admin and
//                                        direction)
// The rules are evaluated again within seconds of a change: an alert whose rule no longer holds
// (switched off, threshold moved past the figure) clears, a newly met condition raises one.
#include "alerts/alert_rule_book.hpp"
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

using alerts::AlertRuleBook;

HttpResponse no_rule_book() {
  return json_error(503, ErrorCode::unavailable, "this server does not evaluate alert rules");
}

void write_change_fields(JsonWriter& json, const store::AlertRuleChangeRow& change) {
  json.key("settings");
  if (change.settings.empty()) json.null();
  else json.raw(change.settings);
  json.field("changed_by", change.changed_by).time_field("changed_at", change.changed_at);
}

void write_entry(JsonWriter& json, const AlertRuleBook::Entry& entry) {
  const AlertRule& rule = entry.rule;
  json.begin_object()
      .field("id", rule.id)
      .field("condition", rule.name)
      .field("measure", alert_measure_name(rule.measure))
      .field("change", alert_change_name(rule.change))
      .field("when", rule.above ? "above" : "below")
      .field("threshold", rule.threshold)
      .field("margin", rule.margin)
      .field("window_days", rule.window_days)
      .field("scope", rule.scope)
      .field("audience", alert_audience_name(rule.audience))
      .field("enabled", rule.enabled)
      .field("configured", entry.configured);
  json.key("api_change");
  if (entry.last_change) {
    json.begin_object();
    write_change_fields(json, *entry.last_change);
    json.end_object();
  } else {
    json.null();
  }
  json.end_object();
}

HttpResponse get_rules(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (services.alert_rules == nullptr) return no_rule_book();
  JsonWriter json;
  json.begin_object().key("rules").begin_array();
  for (const auto& entry : services.alert_rules->entries()) write_entry(json, entry);
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse get_changes(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (!principal->oversees_operations()) {
    return json_error(403, ErrorCode::forbidden, "the rules' changes are for admin and direction tokens");
  }
  auto changes = services.store.alert_rule_changes();
  if (!changes) return json_error(changes.error());
  JsonWriter json;
  json.begin_object().key("changes").begin_array();
  for (const store::AlertRuleChangeRow& change : *changes) {
    json.begin_object().field("id", change.id).field("rule_id", change.rule_id);
    write_change_fields(json, change);
    json.end_object();
  }
  json.end_array().end_object();
  return json_ok(json.take());
}

HttpResponse put_rule(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::administer);
  if (!principal) return auth_error_response(principal.error());
  if (services.alert_rules == nullptr) return no_rule_book();
  const std::string& id = request.path_params.at("id");
  auto changed = services.alert_rules->change(id, request.body, principal->who(), instant_now());
  if (!changed) return json_error(changed.error());
  services.log.info("alert rule changed", {{"rule", id}, {"by", principal->who()}});
  JsonWriter json;
  write_entry(json, *changed);
  return json_ok(json.take());
}

HttpResponse delete_rule(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::administer);
  if (!principal) return auth_error_response(principal.error());
  if (services.alert_rules == nullptr) return no_rule_book();
  const std::string& id = request.path_params.at("id");
  auto reset = services.alert_rules->reset(id, principal->who(), instant_now());
  if (!reset) return json_error(reset.error());
  if (!*reset) {
    return json_error(404, ErrorCode::not_found, "the API has not changed alert rule " + id);
  }
  services.log.info("alert rule put back to the configuration's", {{"rule", id}, {"by", principal->who()}});
  const auto entry = services.alert_rules->entry(id);
  JsonWriter json;
  json.begin_object().field("id", id).key("rule");
  if (entry) write_entry(json, *entry);  // a rule of the API's own is gone
  else json.null();
  json.end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> alert_rule_routes(ApiServices& services) {
  constexpr const char* kRule = "/api/v1/alerts/rules/([A-Za-z0-9_-]+)";
  return {
      {"GET", "/api/v1/alerts/rules", {}, "/api/v1/alerts/rules",
       [&services](const HttpRequest& r) { return get_rules(services, r); }},
      {"GET", "/api/v1/alerts/rules/changes", {}, "/api/v1/alerts/rules/changes",
       [&services](const HttpRequest& r) { return get_changes(services, r); }},
      {"PUT", kRule, {"id"}, "/api/v1/alerts/rules/{id}",
       [&services](const HttpRequest& r) { return put_rule(services, r); }},
      {"DELETE", kRule, {"id"}, "/api/v1/alerts/rules/{id}",
       [&services](const HttpRequest& r) { return delete_rule(services, r); }},
  };
}

}  // namespace vigie::api
