#include "kpi/money_kpis.hpp"

#include <algorithm>

#include "kpi/team_kpis.hpp"

namespace vigie::kpi {

AvoidedCosts avoided_costs(const std::vector<SiteAt>& in_scope, const MoneySettings& settings) {
  const DayCounters total = period_total(in_scope);
  AvoidedCosts out;
  out.report_minutes_saved =
      static_cast<double>(total.reports) * settings.paper_report_minutes - total.writing_minutes;
  out.disputes_avoided = total.reports_sent_to_client;
  out.rework_avoided = total.design_within_sla;
  out.avoided_cost_eur =
      out.report_minutes_saved / 60 * settings.hourly_cost_eur +
      static_cast<double>(out.disputes_avoided) * settings.dispute_unit_cost_eur +
      static_cast<double>(out.rework_avoided) * settings.rework_unit_cost_eur;
  return out;
}

BudgetOverruns budget_overruns(const std::vector<SiteAt>& of_period,
                               const SiteKpiSettings& settings, std::int64_t budget_alerts_sent) {
  BudgetOverruns out;
  out.overrun_sites = budget_vs_actual(of_period, settings).overrun_sites;
  for (const SiteAt& site : of_period) {
    if (std::find(out.overrun_sites.begin(), out.overrun_sites.end(), site.site->id) ==
        out.overrun_sites.end()) {
      continue;
    }
    const double budget = static_cast<double>(site.budget_cents) / 100;
    const double spent =
        static_cast<double>(site.to_end.expense_cents) / 100;
    const double earned = site.percent_complete / 100 * budget;
    out.overrun_eur += budget * spent / earned - budget;  // EAC = BAC × AC / EV (EV > 0 here)
  }
  out.alerts_sent = budget_alerts_sent;
  return out;
}

OptimisationSavings optimisation_savings(const PlanningSavings& accepted,
                                         const MoneySettings& settings) {
  return {accepted.km_saved, accepted.hours_saved,
          accepted.km_saved * settings.cost_per_km_eur +
              accepted.hours_saved * settings.cost_per_travel_hour_eur};
}

}  // namespace vigie::kpi
