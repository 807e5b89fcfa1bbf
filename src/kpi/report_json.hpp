// kpi/report_json.hpp — a KPI report as the JSON of the API contract (kpis.md, "the figures'
// names"): the same text for GET /api/v1/kpis and `vigie kpis --format json`.
#pragma once

#include <string>

#include "kpi/report.hpp"

namespace vigie::kpi {

std::string report_json(const KpiReport& report);

}  // namespace vigie::kpi
