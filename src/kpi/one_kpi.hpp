// kpi/one_kpi.hpp
//
// The figures of one KPI for one period, under their contract keys (kpis.md): what the report
// computes 15 times per period, and a breakdown once per site, chief, team or day. Computing a
// KPI alone costs only what that KPI reads.
#pragma once

#include <vector>

#include "kpi/company.hpp"
#include "kpi/figure_set.hpp"
#include "kpi/money_kpis.hpp"
#include "kpi/operations_kpis.hpp"
#include "kpi/period.hpp"
#include "kpi/scope.hpp"
#include "kpi/site_kpis.hpp"

namespace vigie::kpi {

struct KpiSettings {
  SiteKpiSettings sites;
  OperationsSettings operations;
  MoneySettings money;
};

// Figures that come from outside the folded events: the alerts' history, for a period.
struct OutsideFigures {
  std::int64_t budget_alerts_sent = 0;
};

// What one period's figures are computed from.
struct FigureInputs {
  const Company& company;
  const std::vector<SiteAt>& in_scope;
  std::vector<SiteAt> of_period;  // the sites of the period, among in_scope
  const Period& period;
  const Period& before;           // the period before it (KPI 5 judges against it)
  const KpiSettings& settings;
  const OutsideFigures& outside;
};

// The figures of KPI `id` (1–15) for one period; an empty set for another id.
FigureSet figures_of(int id, const FigureInputs& in);

}  // namespace vigie::kpi
