// kpi/budget_alerts.hpp
//
// KPI 14's third figure (kpis.md): the proactive alerts about budgets sent in a period for the
// sites in scope — the rule alerts `budget_overrun` and `cost_jump` (common/alert_rules.cpp) of
// the alerts' history, by the Paris day they were raised. They are not folded events, so the
// edges (GET /api/v1/kpis, vigie kpis) read the history from the store and hand it here.
#pragma once

#include <span>
#include <utility>

#include "kpi/one_kpi.hpp"
#include "kpi/period.hpp"
#include "kpi/scope.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"

namespace vigie::kpi {

// How many of `history`'s budget alerts were raised within `period` on a site of `scope`.
std::int64_t budget_alerts_sent(const Company& company, const Scope& scope, const Period& period,
                                std::span<const store::AlertRow> history);

// The alerts raised during the two periods (Paris days), from the store: what the two
// functions here count.
Expected<std::vector<store::AlertRow>> alerts_of_periods(const store::Store& store, const PeriodPair& periods);

// The figures from outside the events for both periods of a report.
std::pair<OutsideFigures, OutsideFigures> outside_figures(const Company& company, const Scope& scope,
                                                          const PeriodPair& periods,
                                                          std::span<const store::AlertRow> history);

}  // namespace vigie::kpi
