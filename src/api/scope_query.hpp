// api/scope_query.hpp
//
// Which sites a request covers: the scope filters of the query (region, manager, type, team,
// status — kpis.md) narrowed by who asks: a manager's token sees only their own sites whatever
// the query says, a chief's only the sites they lead.
#pragma once

#include "api/auth.hpp"
#include "api/http_types.hpp"
#include "common/expected.hpp"
#include "kpi/company.hpp"
#include "kpi/scope.hpp"

namespace vigie::api {

Expected<kpi::Scope> scope_of(const HttpRequest& request, const Principal& principal);

// Every site the principal may see, unfiltered.
kpi::Scope own_scope(const Principal& principal);

}  // namespace vigie::api
