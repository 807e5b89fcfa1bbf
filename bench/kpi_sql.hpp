// bench/kpi_sql.hpp
//
// The 15 KPIs recomputed from the raw events table (bench/kpi_flat_events.hpp) by SQL, one
// dialect per peer, and what one query asks. Each statement returns one row whose columns are
// named after the figures (bench/kpi_figures.hpp): one statement for SQLite, a few for
// ClickHouse, whose old SQL cannot say it all in one. Figures that do not come from events
// (KPI 14 `alerts_sent`, KPI 15: alerts and the planner) are not recomputed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bench/kpi_figures.hpp"
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

// ClickHouse 18.16, which has no table CTEs, no window functions and one JOIN per SELECT: the
// statements to run for `request` (its values written into the text, strings quoted), each
// returning one row. Columns are figures, or parts (names without a '.') that two statements
// share; clickhouse_figures() turns the columns of all statements into the figures.
std::vector<std::string> clickhouse_kpi_sql(const SqlKpiRequest& request);
FlatFigures clickhouse_figures(const FlatFigures& columns);

}  // namespace vigie::bench
