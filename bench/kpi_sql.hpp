// bench/kpi_sql.hpp
//
// The 15 KPIs recomputed from the raw events table (bench/kpi_flat_events.hpp) by SQL, one
// dialect per peer, and what one query asks. Each text is a single statement returning one row
// whose columns are named after the figures (bench/kpi_figures.hpp). Figures that do not come
// from events (KPI 14 `alerts_sent`, KPI 15: alerts and the planner) are not recomputed.
#pragma once

#include <string>
#include <string_view>

#include "kpi/period.hpp"
#include "kpi/scope.hpp"

namespace vigie::bench {

// One side of a KPI request: a period, the one before it (KPI 5 compares a site's scores with
// it) and the scope.
struct SqlKpiRequest {
  kpi::Period period;
  kpi::Period before;
  kpi::Scope scope;
};

// The request for each side of a report: its period, and its previous period.
SqlKpiRequest current_side(const kpi::Scope& scope, const kpi::PeriodPair& periods);
SqlKpiRequest previous_side(const kpi::Scope& scope, const kpi::PeriodPair& periods);

// SQLite: named parameters :f :t :bf :bt (Paris day numbers) and :region :manager :type :team
// :status ('' for any).
std::string_view sqlite_kpi_sql();

}  // namespace vigie::bench
