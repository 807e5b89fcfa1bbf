#include "api/scope_query.hpp"

namespace vigie::api {

Expected<kpi::Scope> scope_of(const HttpRequest& request, const Principal& principal) {
  kpi::Scope scope = own_scope(principal);
  scope.region = request.query_param("region");
  if (scope.manager.empty()) scope.manager = request.query_param("manager");
  scope.type = request.query_param("type");
  scope.team = request.query_param("team");
  if (const std::string status = request.query_param("status"); !status.empty()) {
    scope.status = kpi::parse_site_status(status);
    if (!scope.status) {
      return Error::invalid("status", "must be one of planned, active, suspended, completed, cancelled");
    }
  }
  return scope;
}

kpi::Scope own_scope(const Principal& principal) {
  kpi::Scope scope;
  if (principal.role == store::Role::manager) scope.manager = principal.person_id;
  if (principal.role == store::Role::chief) scope.chief = principal.person_id;
  return scope;
}

}  // namespace vigie::api
