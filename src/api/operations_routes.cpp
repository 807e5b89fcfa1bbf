// Operations: liveness, readiness, Prometheus metrics, and a plain home page until the
// dashboards exist (French: it is what a person opening http://localhost:8080 reads).
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"
#include "common/version.hpp"

namespace vigie::api {
namespace {

// Open to anyone (the dashboards' login page will live here), so it shows no company figure.
HttpResponse home_page() {
  std::string html =
      "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Vigie</title>"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
      "<h1>Vigie</h1><p>Le service est en marche.</p>"
      "<p>API : <code>/api/v1</code> — supervision : <code>/metrics</code>, "
      "<code>/healthz</code>, <code>/readyz</code>.</p><p>Version " +
      std::string{version()} + " (" + std::string{git_commit()} + ")</p></body></html>";
  return HttpResponse{200, "text/html; charset=utf-8", std::move(html), {}};
}

}  // namespace

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
      {"GET", "/", {}, "/", [](const HttpRequest&) { return home_page(); }},
  };
}

std::vector<Route> all_routes(ApiServices& services) {
  std::vector<Route> routes = operations_routes(services);
  for (auto* more : {&event_routes, &webhook_routes, &import_routes, &kpi_routes, &prediction_routes,
                       &incident_routes, &plan_routes, &alert_routes, &alert_rule_routes,
                       &job_routes}) {
    for (auto& route : (*more)(services)) routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace vigie::api
