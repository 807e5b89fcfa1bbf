// Operations: liveness, readiness, Prometheus metrics. (The home page is the dashboards' sign-in:
// cli/page_routes.hpp.)
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"

namespace vigie::api {

std::vector<Route> operations_routes(ApiServices& services) {
  return {
      {"GET", "/healthz", {}, "/healthz",
       [](const HttpRequest&) { return json_ok(R"({"status":"ok"})"); }},
      {"GET", "/readyz", {}, "/readyz",
       [&services](const HttpRequest&) {
         if (!services.ready()) return json_error(503, ErrorCode::unavailable, "not ready");
         return json_ok(R"({"status":"ready"})");
       }},
      {"GET", "/metrics", {}, "/metrics",
       [&services](const HttpRequest& request) {
         auto principal = services.auth.authenticate(request, Permission::read);
         if (!principal) return auth_error_response(principal.error());
         return HttpResponse{200, "text/plain; version=0.0.4", services.metrics.render_prometheus(), {}};
       }},
  };
}

std::vector<Route> all_routes(ApiServices& services) {
  std::vector<Route> routes = operations_routes(services);
  for (auto* more : {&event_routes, &webhook_routes, &import_routes, &kpi_routes, &prediction_routes,
                       &site_routes, &incident_routes, &incident_queue_routes, &plan_routes, &alert_routes,
                       &alert_rule_routes,
                       &job_routes, &session_routes,
                       &stream_routes}) {
    for (auto& route : (*more)(services)) routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace vigie::api
