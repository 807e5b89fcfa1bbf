// kpi/report.hpp
//
// All 15 KPIs for one scope and period, with the previous period, the change and the settings
// each figure used: the contract of kpis.md ("the figures' names"), before any rendering.
#pragma once

#include <string>
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

// Figures that come from outside the folded events: the alerts' history and the planner's
// accepted suggestions, for a period.
struct OutsideFigures {
  std::int64_t budget_alerts_sent = 0;
  PlanningSavings accepted_plans;
};

struct KpiResult {
  int id = 0;
  std::string name;  // French, as people read it
  FigureSet value;
  FigureSet previous;
  FigureSet change;
  FigureSet settings;
};

struct KpiReport {
  PeriodPair periods;
  LocalDate as_of{};
  Scope scope;
  std::vector<KpiResult> kpis;  // ids 1 to 15, in order
};

// One KPI's figures for each site of the scope alone (GET /api/v1/kpis/{n}), in site order.
struct SiteFigures {
  std::string site_id;
  FigureSet value;
};
std::vector<SiteFigures> site_breakdown(const Company& company, const Scope& scope,
                                        const PeriodPair& periods, int id,
                                        const KpiSettings& settings);

KpiReport compute_report(const Company& company, const Scope& scope, const PeriodPair& periods,
                         LocalDate as_of, const KpiSettings& settings,
                         const OutsideFigures& current, const OutsideFigures& previous);

}  // namespace vigie::kpi
