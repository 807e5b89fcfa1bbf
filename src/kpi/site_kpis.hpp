// kpi/site_kpis.hpp
//
// The "Sites" family of kpis.md, KPIs 1 to 5, for one scope and one period, from the folded
// state (kpi/company.hpp): pure functions, no store. A figure whose denominator is zero is
// nullopt ("no data"); a count or sum over nothing is 0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/company.hpp"
#include "kpi/figure.hpp"
#include "kpi/period.hpp"
#include "kpi/scope.hpp"

namespace vigie::kpi {

// Named settings with their kpis.md defaults (shown beside the figures that use them).
struct SiteKpiSettings {
  double small_below_eur = 100'000;      // petit < 100 k€ ≤ moyen
  double large_from_eur = 1'000'000;     // moyen < 1 M€ ≤ gros
  double overrun_tolerance = 0.02;       // KPI 2, 14: EAC > BAC × (1 + 2 %)
  double schedule_tolerance_days = 2;    // KPI 3: ahead < −2 days, late > +2 days
  double risk_score_below = 6;           // KPI 5: a mean under 6/10 …
  double risk_score_fall = 2;            // … or a fall of 2 points or more
};

struct ActiveSites {  // KPI 1
  std::int64_t active = 0;
  std::int64_t petit = 0, moyen = 0, gros = 0;  // active sites by size class
  std::int64_t in_progress = 0;
  std::int64_t completed = 0;
};

struct BudgetVsActual {  // KPI 2
  double budget_total_eur = 0;
  double actual_cost_eur = 0;
  Figure spent_share;
  Figure progress;
  std::vector<std::string> overrun_sites;  // `sites_overrun` is their count
};

struct ScheduleVsActual {  // KPI 3
  std::int64_t ahead = 0, on_time = 0, late = 0;
  Figure mean_delay_days;
};

struct IncidentRate {  // KPI 4
  std::int64_t incidents = 0;
  Figure incidents_per_site;
  Figure mean_severity;
  Figure mean_resolution_hours;
};

struct ClientSatisfaction {  // KPI 5
  Figure mean_client_score;
  std::vector<std::string> sites_at_risk;
  // The workers' own scores (respondent = team), which the Direction view shows beside the
  // client's ("satisfaction des équipes"); not part of the KPI's risk.
  Figure mean_team_score;
};

// `in_scope` and `of_period` are sites_in_scope(…, period) (or a part of it): their sums are the
// period's.

// The sites of the period: in progress at its end, or completed within it.
std::vector<SiteAt> sites_of_period(const std::vector<SiteAt>& in_scope, const Period& period);

ActiveSites active_sites(const std::vector<SiteAt>& in_scope, const Period& period,
                         const SiteKpiSettings& settings);
BudgetVsActual budget_vs_actual(const std::vector<SiteAt>& of_period,
                                const SiteKpiSettings& settings);
ScheduleVsActual schedule_vs_actual(const std::vector<SiteAt>& of_period, const Period& period,
                                    const SiteKpiSettings& settings);
IncidentRate incident_rate(const std::vector<SiteAt>& in_scope, std::size_t sites_of_period);
// Each site is judged on its own mean in the period and in `previous`.
ClientSatisfaction client_satisfaction(const std::vector<SiteAt>& in_scope, const Period& previous,
                                       const SiteKpiSettings& settings);

}  // namespace vigie::kpi
