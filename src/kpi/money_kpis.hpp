// kpi/money_kpis.hpp
//
// The "Money" family of kpis.md, KPIs 13 to 15: pure functions; every assumption is a named
// setting with its default, returned beside the figure that uses it.
#pragma once

#include <string>
#include <vector>

#include "kpi/scope.hpp"
#include "kpi/site_kpis.hpp"

namespace vigie::kpi {

struct MoneySettings {
  double paper_report_minutes = 45;   // KPI 13: a paper report's writing time (kpis.md)
  double hourly_cost_eur = 45;        // KPI 13: cost of an hour of a chief's time (kpis.md)
  // KPI 13: a report sent to the client is a dispute avoided; a design-office item resolved
  // within its SLA is rework avoided. kpis.md leaves both unit costs to settings.
  double dispute_unit_cost_eur = 1000;
  double rework_unit_cost_eur = 400;
  double cost_per_km_eur = 0.45;      // KPI 15
  double cost_per_travel_hour_eur = 45;
};

struct AvoidedCosts {  // KPI 13
  double avoided_cost_eur = 0;
  double report_minutes_saved = 0;  // Σ (paper minutes − writing minutes)
  std::int64_t disputes_avoided = 0;
  std::int64_t rework_avoided = 0;
};

struct BudgetOverruns {  // KPI 14
  std::vector<std::string> overrun_sites;  // `sites_overrun` is their count
  double overrun_eur = 0;                  // Σ (EAC − BAC) over them
  std::int64_t alerts_sent = 0;            // budget alerts sent in the period
};

// What accepted planning suggestions saved against the plans they replaced (the planner's own
// before/after figures, folded from plan.accepted on the day each was accepted), for KPI 15.
struct PlanningSavings {
  double km_saved = 0;
  double hours_saved = 0;
};

struct OptimisationSavings {  // KPI 15
  double km_saved = 0;
  double hours_saved = 0;
  double savings_eur = 0;
};

AvoidedCosts avoided_costs(const std::vector<SiteAt>& in_scope, const MoneySettings& settings);
// `budget_alerts_sent`: from the alerts' history for the same scope and period.
BudgetOverruns budget_overruns(const std::vector<SiteAt>& of_period,
                               const SiteKpiSettings& settings, std::int64_t budget_alerts_sent);
OptimisationSavings optimisation_savings(const PlanningSavings& accepted,
                                         const MoneySettings& settings);

}  // namespace vigie::kpi
