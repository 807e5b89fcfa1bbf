// GET /api/v1/kpis?period=…&from=…&to=…&as_of=…&region=…&manager=…&type=…&team=…&status=…
// All 15 KPIs with the previous period and the change (kpis.md, "the figures' names"), from the
// server's live KPI state. GET /api/v1/kpis/{n}[?by=site|chief|team|day|week]: one of them with its
// breakdown (kpi/breakdown.hpp; the default depends on the KPI). A manager's token sees only
// their own sites: the scope's manager is theirs whatever the query says.
#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "api/scope_query.hpp"
#include "common/paris_time.hpp"
#include "kpi/live_company.hpp"
#include "kpi/budget_alerts.hpp"
#include "kpi/report_json.hpp"

namespace vigie::api {
namespace {

// `id`: 0 for all 15, else the KPI whose breakdown is wanted.
HttpResponse get_kpis(ApiServices& services, const HttpRequest& request, int id) {
  auto principal = services.auth.authenticate(request, Permission::read);
  if (!principal) return auth_error_response(principal.error());
  auto periods = kpi::resolve_periods({request.query_param("period"), request.query_param("from"),
                                       request.query_param("to"), request.query_param("as_of")},
                                      paris_today());
  if (!periods) return json_error(periods.error());
  auto scope = scope_of(request, *principal);
  if (!scope) return json_error(scope.error());
  kpi::BreakdownBy by = kpi::default_breakdown(id);
  if (const std::string name = request.query_param("by"); !name.empty()) {
    const auto parsed = kpi::parse_breakdown_by(name);
    if (!parsed) return json_error(Error::invalid("by", "must be one of site, chief, team, day, week"));
    by = *parsed;
  }
  auto alerts = kpi::alerts_of_periods(services.store, periods->periods);
  if (!alerts) return json_error(alerts.error());
  return services.kpis->read([&](const kpi::Company& company) {
    const auto [current, previous] = kpi::outside_figures(company, *scope, periods->periods, *alerts);
    const kpi::KpiReport report =
        kpi::compute_report(company, *scope, periods->periods, periods->as_of, {}, current, previous);
    if (id == 0) return json_ok(kpi::report_json(report));
    const auto rows = kpi::breakdown(company, *scope, periods->periods, id, by, {});
    return json_ok(kpi::kpi_json(report, id, by, rows));
  });
}

HttpResponse get_one_kpi(ApiServices& services, const HttpRequest& request) {
  const std::string& number = request.path_params.at("n");
  const int id = number.size() <= 2 ? std::stoi(number) : 0;  // the route admits digits only
  if (id < 1 || id > 15) return json_error(404, ErrorCode::not_found, "no such KPI (1 to 15)");
  return get_kpis(services, request, id);
}

}  // namespace

std::vector<Route> kpi_routes(ApiServices& services) {
  return {
      {"GET", "/api/v1/kpis", {}, "/api/v1/kpis",
       [&services](const HttpRequest& r) { return get_kpis(services, r, 0); }},
      {"GET", "/api/v1/kpis/([0-9]+)", {"n"}, "/api/v1/kpis/{n}",
       [&services](const HttpRequest& r) { return get_one_kpi(services, r); }},
  };
}

}  // namespace vigie::api
