// kpi/report_json.hpp — a KPI report as the JSON of the API contract (kpis.md, "the figures'
// names"): the same text for GET /api/v1/kpis and `vigie kpis --format json`.
#pragma once

#include <string>

#include "kpi/report.hpp"

namespace vigie::kpi {

std::string report_json(const KpiReport& report);

// One KPI (1–15) of the report, with its per-site breakdown:
// {"period",…,"kpi":{"id","name","value","previous","change","settings","breakdown":[{"site_id",…}]}}
std::string kpi_json(const KpiReport& report, int id, const std::vector<SiteFigures>& breakdown);

}  // namespace vigie::kpi
