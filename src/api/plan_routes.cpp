// Team planning over HTTP (issue 8, point 3):
//   GET  /api/v1/plans/suggested[?week=2026-W50]  the week's suggested plan against the current
//                                                 one (default: the coming week), as
//                                                 `vigie plan --format json`, under its id,
//                                                 with the week's decisions (who accepted or
//                                                 refused which plan, when, why)
//   POST /api/v1/plans/{id}/accept                records the plan shown under that id as the
//                                                 week's plan (plan.accepted, one per site)
//   POST /api/v1/plans/{id}/reject                records its refusal, with an optional
//                                                 {"reason": "…"}: the current plan stays
// Deciding is for direction, managers and admins. A plan is accepted or refused once: accepting
// again is harmless, anything else after a decision is 409 naming who decided and when. An id no
// suggestion was shown under (or before a restart) is 404: ask for the suggestion again.
#include <simdjson.h>

#include <algorithm>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/iso_week.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "models/planning/plan_board.hpp"

namespace vigie::api {
namespace {

HttpResponse get_suggested(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  LocalDate monday = monday_after(paris_today());
  if (const std::string week = request.query_param("week"); !week.empty()) {
    const auto parsed = parse_iso_week(week);
    if (!parsed) return json_error(Error::invalid("week", "must be an ISO week such as 2026-W50"));
    monday = *parsed;
  }
  auto shown = services.plans->suggest(monday);
  if (!shown) return json_error(shown.error());
  return json_ok(std::move(shown->json));
}

constexpr std::size_t kMaxReasonChars = 500;

// The principal who may decide about a plan (`what`: "accepting", "rejecting"), else the 401/403.
Expected<Principal> decider(ApiServices& services, const HttpRequest& request, const char* what) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return principal.error();
  const store::Role role = principal->role;
  if (role != store::Role::admin && role != store::Role::direction && role != store::Role::manager) {
    return Error::make(ErrorCode::forbidden, std::string{what} +
                                                 " a plan is for direction, managers and admins, not role " +
                                                 std::string{store::role_name(role)});
  }
  return principal;
}

HttpResponse not_shown(const std::string& id) {
  return json_error(404, ErrorCode::not_found,
                    "no suggestion " + id + " shown: GET /api/v1/plans/suggested first");
}

// The refusal's reason from the body: none (an empty body, no "reason" or a null one), else a
// string of at most kMaxReasonChars characters, its outer spaces trimmed.
Expected<std::string> refusal_reason(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return std::string{};
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(body).get_object().get(object) != simdjson::SUCCESS) {
    return Error::invalid("body", "must be a JSON object, {\"reason\": \"...\"}, or empty");
  }
  const auto field = object["reason"];
  if (field.error() == simdjson::NO_SUCH_FIELD || field.is_null()) return std::string{};
  std::string_view text;
  if (field.get_string().get(text) != simdjson::SUCCESS) return Error::invalid("reason", "must be a string");
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::string{};
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  const auto chars = std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (static_cast<std::size_t>(chars) > kMaxReasonChars) {
    return Error::invalid("reason", "must be at most " + std::to_string(kMaxReasonChars) + " characters");
  }
  return std::string{text};
}

HttpResponse post_accept(ApiServices& services, const HttpRequest& request) {
  auto principal = decider(services, request, "accepting");
  if (!principal) return auth_error_response(principal.error());
  const std::string id = request.path_params.at("id");
  const std::string by = principal->who();
  auto accepted = services.plans->accept(id, by, principal->person_id, instant_now());
  if (!accepted) return json_error(accepted.error());
  if (!*accepted) return not_shown(id);
  const auto& a = **accepted;
  JsonWriter json;
  json.begin_object()
      .field("plan_id", id)
      .field("week", a.week)
      .field("sites", static_cast<std::uint64_t>(a.sites))
      .field("recorded", static_cast<std::uint64_t>(a.stored))
      .field("accepted_by", by)
      .time_field("accepted_at", a.at)
      .key("savings").begin_object()
      .field("km", a.savings.km)
      .field("travel_hours", a.savings.travel_hours)
      .field("eur", a.savings.eur)
      .end_object()
      .end_object();
  return json_ok(json.take());
}

HttpResponse post_reject(ApiServices& services, const HttpRequest& request) {
  auto principal = decider(services, request, "rejecting");
  if (!principal) return auth_error_response(principal.error());
  auto reason = refusal_reason(request.body);
  if (!reason) return json_error(reason.error());
  const std::string id = request.path_params.at("id");
  auto rejected = services.plans->reject(id, principal->who(), *reason, instant_now());
  if (!rejected) return json_error(rejected.error());
  if (!*rejected) return not_shown(id);
  if (services.changes != nullptr) services.changes->notify(topic_bit(Topic::plans));
  const auto& r = **rejected;
  JsonWriter json;
  json.begin_object().field("plan_id", id).field("week", r.week).key("decision");
  models::planning::write_decision(json, r.decision);
  json.end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> plan_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/plans/suggested", {}, "/api/v1/plans/suggested",
       [&services](const HttpRequest& r) { return get_suggested(services, r); }},
      {"POST", "/api/v1/plans/([A-Za-z0-9_-]+)/accept", {"id"}, "/api/v1/plans/{id}/accept",
       [&services](const HttpRequest& r) { return post_accept(services, r); }},
      {"POST", "/api/v1/plans/([A-Za-z0-9_-]+)/reject", {"id"}, "/api/v1/plans/{id}/reject",
       [&services](const HttpRequest& r) { return post_reject(services, r); }},
  };
}

}  // namespace vigie::api
