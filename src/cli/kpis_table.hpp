// cli/kpis_table.hpp — a KPI report as the French terminal table of `vigie kpis`: one block per
// KPI, each figure with its value, the previous period's and the change, in French formats
// (12,5 M€, 74,7 %, 24/11/2026).
#pragma once

#include <string>

#include "kpi/report.hpp"

namespace vigie::cli {

std::string kpis_table(const kpi::KpiReport& report);

}  // namespace vigie::cli
