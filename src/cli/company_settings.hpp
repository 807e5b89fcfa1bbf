// cli/company_settings.hpp
//
// The KPI state's settings from the configuration, one answer for `vigie serve` and `vigie kpis`
// (the snapshot they share is folded again when its settings differ). An incident's SLA is the
// company's one figure: KPI 7, the sla_at_risk alert, triage and the design office's queue all
// read models.triage.sla_hours_*.
#pragma once

#include "common/config.hpp"
#include "kpi/company.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {

inline kpi::CompanySettings company_settings(const Config& config) {
  kpi::CompanySettings settings;
  const models::triage::SlaHours sla = models::triage::sla_of(config.triage);
  settings.incident_sla_hours = {sla.within_1h, sla.within_4h, sla.within_1d, sla.within_3d};
  return settings;
}

}  // namespace vigie::cli
