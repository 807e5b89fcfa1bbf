#include "bench/kpi_sql.hpp"

namespace vigie::bench {

// Vigie's report compares each side with the period just before it (kpi/report.cpp): the
// current period with the previous one, the previous one with the same span before it.
SqlKpiRequest current_side(const kpi::Scope& scope, const kpi::PeriodPair& periods) {
  return {periods.current, periods.previous, scope};
}

SqlKpiRequest previous_side(const kpi::Scope& scope, const kpi::PeriodPair& periods) {
  return {periods.previous, kpi::period_before(periods.previous), scope};
}

}  // namespace vigie::bench
