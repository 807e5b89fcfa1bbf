// kpi/team_kpis.hpp
//
// The "Teams" family of kpis.md, KPIs 6 to 8, for one scope and one period: pure functions over
// the folded state. Reports and timesheets count every day, weekends and holidays included.
#pragma once

#include <vector>

#include "kpi/scope.hpp"
#include "kpi/site_kpis.hpp"

namespace vigie::kpi {

struct ChiefProductivity {  // KPI 6
  Figure reports_per_chief_day;  // reports / (chiefs of the sites of the period × working days)
  Figure mean_writing_minutes;
};

struct DesignOfficeLoad {  // KPI 7
  std::int64_t waiting = 0;  // open at the end of the period and not yet taken in charge
  Figure mean_resolution_hours;
  Figure within_sla_share;
};

struct TeamUtilisation {  // KPI 8
  Figure utilisation;
  double billable_hours = 0;
  double total_hours = 0;
};

// Distinct chiefs of the sites of the period (KPIs 6 and 12 count these).
std::vector<std::string> chiefs_of(const std::vector<SiteAt>& of_period);

ChiefProductivity chief_productivity(const std::vector<SiteAt>& in_scope,
                                     const std::vector<SiteAt>& of_period, const Period& period);
DesignOfficeLoad design_office_load(const std::vector<SiteAt>& in_scope);
TeamUtilisation team_utilisation(const std::vector<SiteAt>& in_scope);

// The sum of the scope's day counters over the period.
DayCounters period_total(const std::vector<SiteAt>& in_scope);

}  // namespace vigie::kpi
