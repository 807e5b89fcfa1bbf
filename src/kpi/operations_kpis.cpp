#include "kpi/operations_kpis.hpp"

#include <algorithm>
#include <utility>

#include "common/french_calendar.hpp"
#include "kpi/team_kpis.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;

LocalDate date_of(std::int32_t day) { return date_from_days(day); }

int days_in_month(LocalDate day) {
  return static_cast<int>(static_cast<unsigned>(
      year_month_day_last{day.year(), month_day_last{day.month()}}.day()));
}

// Site-months the site was active in the period: each active day weighs 1 / days of its month.
double active_site_months(const SiteState& site, const Period& period) {
  double months = 0;
  for (std::int32_t day = days_since_epoch(period.from); day <= days_since_epoch(period.to);
       ++day) {
    const SiteStatus* status = site.status.at(end_of_day(date_of(day)));
    if (status != nullptr && *status == SiteStatus::active) {
      months += 1.0 / days_in_month(date_of(day));
    }
  }
  return months;
}

Figure mean_hours(const HoursTally& tally) {
  return ratio(tally.hours, static_cast<double>(tally.count));
}

}  // namespace

PhotoVolume photo_volume(const std::vector<SiteAt>& in_scope, const Period& period) {
  PhotoVolume out;
  for (const SiteAt& site : in_scope) {
    out.photos += site.site->days.sum(days_since_epoch(period.from), days_since_epoch(period.to)).photos;
    out.storage_bytes += site.site->days.sum_to(days_since_epoch(period.to)).photo_bytes;
  }
  out.photos_per_day = ratio(static_cast<double>(out.photos), period.days());
  return out;
}

TracedIncidents traced_incidents(const std::vector<SiteAt>& in_scope, const Period& period,
                                 const OperationsSettings& settings) {
  TracedIncidents out;
  out.recorded = period_total(in_scope, period).incidents_opened;
  for (const SiteAt& site : in_scope) {
    const auto baseline = settings.incidents_per_site_month.find(site.attributes.type);
    if (baseline == settings.incidents_per_site_month.end()) continue;
    out.expected += baseline->second * active_site_months(*site.site, period);
  }
  out.traced_rate = ratio(static_cast<double>(out.recorded), out.expected);
  return out;
}

ResponseTimes response_times(const std::vector<SiteAt>& in_scope, const Period& period) {
  const DayCounters total = period_total(in_scope, period);
  return {mean_hours(total.technical_response), mean_hours(total.material_response),
          mean_hours(total.question_response)};
}

AppAdoption app_adoption(const Company& company, const std::vector<SiteAt>& in_scope,
                         const std::vector<SiteAt>& of_period, const Period& period,
                         const OperationsSettings& settings) {
  AppAdoption out;
  const std::int32_t first = days_since_epoch(period.from);
  const std::int32_t last = days_since_epoch(period.to);
  const std::vector<std::string> chiefs = chiefs_of(of_period);
  int adopters = 0;
  for (const std::string& chief : chiefs) {
    const PersonState* person = company.person(chief);
    if (person == nullptr) continue;
    int working = 0;
    int used = 0;
    for (std::int32_t day = first; day <= last; ++day) {
      if (!is_working_day(date_of(day))) continue;
      if (person->absent_days.sum(day, day).n > 0) continue;  // absences are not days to use it
      ++working;
      used += person->app_days.sum(day, day).n > 0 ? 1 : 0;
    }
    if (working > 0 && used >= settings.adoption_share_of_days * working) ++adopters;
  }
  out.adoption_share = ratio(adopters, static_cast<double>(chiefs.size()));

  std::map<std::string, std::int64_t> uses;
  for (const SiteAt& site : in_scope) {
    for (const auto& [feature, series] : site.site->feature_uses) {
      if (const auto n = series.sum(first, last).n; n > 0) uses[feature] += n;
    }
  }
  std::vector<std::pair<std::string, std::int64_t>> ranked(uses.begin(), uses.end());
  const auto top = [&ranked](bool most) {
    std::stable_sort(ranked.begin(), ranked.end(), [most](const auto& a, const auto& b) {
      return most ? a.second > b.second : a.second < b.second;  // ties keep name order
    });
    std::vector<std::string> names;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) names.push_back(ranked[i].first);
    return names;
  };
  out.most_used = top(true);
  std::sort(ranked.begin(), ranked.end());  // back to name order for the ties
  out.least_used = top(false);
  return out;
}

}  // namespace vigie::kpi
