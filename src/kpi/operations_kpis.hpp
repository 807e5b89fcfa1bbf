// kpi/operations_kpis.hpp
//
// The "Operations" family of kpis.md, KPIs 9 to 12, for one scope and one period: pure
// functions over the folded state.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/scope.hpp"
#include "kpi/site_kpis.hpp"

namespace vigie::kpi {

struct OperationsSettings {
  // KPI 10: incidents expected per site-month by site type (kpis.md defaults).
  std::map<std::string, double> incidents_per_site_month = {
      {"residentiel", 2}, {"tertiaire", 4}, {"industriel", 5}, {"commercial", 3}};
  double adoption_share_of_days = 0.8;  // KPI 12: used on ≥ 80 % of the working days
};

struct PhotoVolume {  // KPI 9
  Figure photos_per_day;            // photos / calendar days of the period
  std::int64_t photos = 0;
  std::int64_t storage_bytes = 0;   // all photos up to the end of the period
};

struct TracedIncidents {  // KPI 10
  Figure traced_rate;
  std::int64_t recorded = 0;
  double expected = 0;
};

struct ResponseTimes {  // KPI 11, hours
  Figure technical;
  Figure material;
  Figure design_office_question;
};

struct AppAdoption {  // KPI 12
  Figure adoption_share;
  std::vector<std::string> most_used;   // up to 3 features, most used first, ties by name
  std::vector<std::string> least_used;  // up to 3 features, least used first, ties by name
};

PhotoVolume photo_volume(const std::vector<SiteAt>& in_scope, const Period& period);
TracedIncidents traced_incidents(const std::vector<SiteAt>& in_scope, const Period& period,
                                 const OperationsSettings& settings);
ResponseTimes response_times(const std::vector<SiteAt>& in_scope);
AppAdoption app_adoption(const Company& company, const std::vector<SiteAt>& in_scope,
                         const std::vector<SiteAt>& of_period, const Period& period,
                         const OperationsSettings& settings);

}  // namespace vigie::kpi
