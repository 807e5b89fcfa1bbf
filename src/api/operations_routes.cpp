// Operations: liveness, readiness, Prometheus metrics, and a plain home page until the
// dashboards exist (French: it is what a person opening http://localhost:8080 reads).
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/french_format.hpp"
#include "common/json_writer.hpp"
#include "common/version.hpp"

namespace vigie::api {
namespace {

HttpResponse home_page(ApiServices& services) {
  const auto events = services.store.event_count();
  const auto sites = services.store.entity_count(store::EntityKind::site);
  std::string html =
      "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Vigie</title>"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
      "<h1>Vigie</h1><p>Le service est en marche.</p><ul>";
  if (sites) html += "<li>Chantiers : " + format_integer_fr(static_cast<std::int64_t>(*sites)) + "</li>";
  if (events) html += "<li>Événements enregistrés : " + format_integer_fr(static_cast<std::int64_t>(*events)) + "</li>";
  html += "</ul><p>API : <code>/api/v1</code> — supervision : <code>/metrics</code>, "
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
         if (!principal) return json_error(principal.error());
         return HttpResponse{200, "text/plain; version=0.0.4", services.metrics.render_prometheus(), {}};
       }},
      {"GET", "/", {}, "/", [&services](const HttpRequest&) { return home_page(services); }},
  };
}

std::vector<Route> all_routes(ApiServices& services) {
  std::vector<Route> routes = operations_routes(services);
  for (auto* more : {&event_routes, &webhook_routes, &import_routes}) {
    for (auto& route : (*more)(services)) routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace vigie::api
