// Team planning over HTTP (issue 8, point 3):
//   GET  /api/v1/plans/suggested[?week=2026-W50]  the week's suggested plan against the current
//                                                 one (default: the coming week), as
//                                                 `vigie plan --format json`, under its id
//   POST /api/v1/plans/{id}/accept                records the plan shown under that id as the
//                                                 week's plan (plan.accepted, one per site):
//                                                 direction, managers and admins
// An id no suggestion was shown under (or before a restart) is 404: ask for the suggestion again.
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

bool may_accept(store::Role role) {
  return role == store::Role::admin || role == store::Role::direction || role == store::Role::manager;
}

HttpResponse post_accept(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  if (!may_accept(principal->role)) {
    return json_error(403, ErrorCode::forbidden,
                      "accepting a plan is for direction, managers and admins, not role " +
                          std::string{store::role_name(principal->role)});
  }
  const std::string id = request.path_params.at("id");
  const std::string by = principal->who();
  auto accepted = services.plans->accept(id, by, principal->person_id, instant_now());
  if (!accepted) return json_error(accepted.error());
  if (!*accepted) {
    return json_error(404, ErrorCode::not_found,
                      "no suggestion " + id + " shown: GET /api/v1/plans/suggested first");
  }
  const auto& a = **accepted;
  JsonWriter json;
  json.begin_object()
      .field("plan_id", id)
      .field("week", a.week)
      .field("sites", static_cast<std::uint64_t>(a.sites))
      .field("recorded", static_cast<std::uint64_t>(a.stored))
      .field("accepted_by", by)
      .key("savings").begin_object()
      .field("km", a.savings.km)
      .field("travel_hours", a.savings.travel_hours)
      .field("eur", a.savings.eur)
      .end_object()
      .end_object();
  return json_ok(json.take());
}

}  // namespace

std::vector<Route> plan_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/plans/suggested", {}, "/api/v1/plans/suggested",
       [&services](const HttpRequest& r) { return get_suggested(services, r); }},
      {"POST", "/api/v1/plans/([A-Za-z0-9_-]+)/accept", {"id"}, "/api/v1/plans/{id}/accept",
       [&services](const HttpRequest& r) { return post_accept(services, r); }},
  };
}

}  // namespace vigie::api
