// kpi/report_json.hpp — a KPI report as the JSON of the API contract (kpis.md, "the figures'
// names"): the same text for GET /api/v1/kpis and `vigie kpis --format json`.
#pragma once

#include <string>

#include "kpi/breakdown.hpp"
#include "kpi/report.hpp"

namespace vigie::kpi {

std::string report_json(const KpiReport& report);

// One KPI (1–15) of the report, with its breakdown (kpi/breakdown.hpp):
// {"period",…,"kpi":{"id","name","value","previous","change","settings","breakdown_by":"site",
//  "breakdown":[{"site_id":…,"value":{…}}]}}; rows are keyed site_id, chief_id, team_id or date.
std::string kpi_json(const KpiReport& report, int id, BreakdownBy by,
                     const std::vector<BreakdownRow>& breakdown);

}  // namespace vigie::kpi
