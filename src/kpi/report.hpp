// kpi/report.hpp
//
// All 15 KPIs for one scope and period, with the previous period, the change and the settings
// each figure used: the contract of kpis.md ("the figures' names"), before any rendering.
#pragma once

#include <string>
#include <vector>

#include "kpi/company.hpp"
#include "kpi/figure_set.hpp"
#include "kpi/one_kpi.hpp"
#include "kpi/period.hpp"
#include "kpi/scope.hpp"

namespace vigie::kpi {

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

KpiReport compute_report(const Company& company, const Scope& scope, const PeriodPair& periods,
                         LocalDate as_of, const KpiSettings& settings,
                         const OutsideFigures& current, const OutsideFigures& previous);

}  // namespace vigie::kpi
