#include "kpi/team_kpis.hpp"

#include <algorithm>

#include "common/french_calendar.hpp"

namespace vigie::kpi {
DayCounters period_total(const std::vector<SiteAt>& in_scope) {
  DayCounters total;
  for (const SiteAt& site : in_scope) {
    total += site.period_sums;
  }
  return total;
}

std::vector<std::string> chiefs_of(const std::vector<SiteAt>& of_period) {
  std::vector<std::string> chiefs;
  for (const SiteAt& site : of_period) {
    if (!site.attributes().chief_id.empty()) chiefs.push_back(site.attributes().chief_id);
  }
  std::sort(chiefs.begin(), chiefs.end());
  chiefs.erase(std::unique(chiefs.begin(), chiefs.end()), chiefs.end());
  return chiefs;
}

ChiefProductivity chief_productivity(const std::vector<SiteAt>& in_scope,
                                     const std::vector<SiteAt>& of_period, const Period& period) {
  const DayCounters total = period_total(in_scope);
  const double chief_days = static_cast<double>(chiefs_of(of_period).size()) *
                            working_days_between(period.from, period.to);
  return {ratio(static_cast<double>(total.reports), chief_days),
          ratio(total.writing_minutes, static_cast<double>(total.reports))};
}

DesignOfficeLoad design_office_load(const std::vector<SiteAt>& in_scope) {
  DesignOfficeLoad out;
  for (const SiteAt& site : in_scope) {
    out.waiting += site.to_end.design_queue;
  }
  const DayCounters total = period_total(in_scope);
  const auto resolved = static_cast<double>(total.design_resolution.count);
  out.mean_resolution_hours = ratio(total.design_resolution.hours, resolved);
  out.within_sla_share = ratio(static_cast<double>(total.design_within_sla), resolved);
  return out;
}

TeamUtilisation team_utilisation(const std::vector<SiteAt>& in_scope) {
  const DayCounters total = period_total(in_scope);
  return {ratio(total.hours_billable, total.hours_total), total.hours_billable, total.hours_total};
}

}  // namespace vigie::kpi
