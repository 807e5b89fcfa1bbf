#include "kpi/operations_kpis.hpp"

#include <algorithm>
#include <utility>

#include "common/french_calendar.hpp"
#include "common/paris_time.hpp"
#include "kpi/team_kpis.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;

LocalDate date_of(std::int32_t day) { return date_from_days(day); }

int days_in_month(LocalDate day) {
  return static_cast<int>(static_cast<unsigned>(
      year_month_day_last{day.year(), month_day_last{day.month()}}.day()));
}

// Site-months up to each day of the period: weights[i] = the months of its first i days, each
// day weighing 1 / days of its month. Computed once per request rather than once per site.
std::vector<double> cumulative_month_shares(const Period& period) {
  std::vector<double> weights{0};
  for (std::int32_t day = days_since_epoch(period.from); day <= days_since_epoch(period.to);
       ++day) {
    weights.push_back(weights.back() + 1.0 / days_in_month(date_of(day)));
  }
  return weights;
}

// Site-months the site was active in the period. A status step governs the days from its Paris
// day (its status is the day's status at the end of the day) to the day before the next step's:
// a walk over the few steps, not a lookup per day.
double active_site_months(const SiteState& site, const Period& period,
                          const std::vector<double>& weights) {
  const std::int32_t first = days_since_epoch(period.from);
  const std::int32_t last = days_since_epoch(period.to);
  const auto& steps = site.status.steps();
  double months = 0;
  for (std::size_t k = 0; k < steps.size(); ++k) {
    if (steps[k].value != SiteStatus::active) continue;
    const std::int32_t from = std::max(first, paris_day_number(steps[k].at));
    const std::int32_t to =
        std::min(last, k + 1 < steps.size() ? paris_day_number(steps[k + 1].at) - 1 : last);
    if (from <= to) months += weights[to - first + 1] - weights[from - first];
  }
  return months;
}

// Whether `series` counts something on `day`: one day's value, read directly (a request asks
// this for every chief and working day).
bool on(const DaySeries<Count>& series, std::int32_t day) {
  if (series.empty() || day < series.first_day() || day > series.last_day()) return false;
  return series.days()[static_cast<std::size_t>(day - series.first_day())].n > 0;
}

Figure mean_hours(const HoursTally& tally) {
  return ratio(tally.hours, static_cast<double>(tally.count));
}

}  // namespace

PhotoVolume photo_volume(const std::vector<SiteAt>& in_scope, const Period& period) {
  PhotoVolume out;
  for (const SiteAt& site : in_scope) {
    out.photos += site.period_sums.photos;
    out.storage_bytes += site.to_end.photo_bytes;
  }
  out.photos_per_day = ratio(static_cast<double>(out.photos), period.days());
  return out;
}

TracedIncidents traced_incidents(const std::vector<SiteAt>& in_scope, const Period& period,
                                 const OperationsSettings& settings) {
  TracedIncidents out;
  out.recorded = period_total(in_scope).incidents_opened;
  const std::vector<double> weights = cumulative_month_shares(period);
  for (const SiteAt& site : in_scope) {
    const auto baseline = settings.incidents_per_site_month.find(site.attributes().type);
    if (baseline == settings.incidents_per_site_month.end()) continue;
    out.expected += baseline->second * active_site_months(*site.site, period, weights);
  }
  out.traced_rate = ratio(static_cast<double>(out.recorded), out.expected);
  return out;
}

ResponseTimes response_times(const std::vector<SiteAt>& in_scope) {
  const DayCounters total = period_total(in_scope);
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
  std::vector<std::int32_t> working_days;
  for (std::int32_t day = first; day <= last; ++day) {
    if (is_working_day(date_of(day))) working_days.push_back(day);
  }
  int adopters = 0;
  for (const std::string& chief : chiefs) {
    const PersonState* person = company.person(chief);
    if (person == nullptr) continue;
    int working = 0;
    int used = 0;
    for (const std::int32_t day : working_days) {
      if (on(person->absent_days, day)) continue;  // absences are not days to use it
      ++working;
      used += on(person->app_days, day) ? 1 : 0;
    }
    if (working > 0 && used >= settings.adoption_share_of_days * working) ++adopters;
  }
  out.adoption_share = ratio(adopters, static_cast<double>(chiefs.size()));

  std::vector<std::int64_t> uses(company.features().size(), 0);  // by feature id
  for (const SiteAt& site : in_scope) {
    const auto& series = site.site->feature_uses;
    for (std::size_t id = 0; id < series.size(); ++id) uses[id] += series[id].sum(first, last).n;
  }
  std::vector<std::pair<std::string, std::int64_t>> ranked;
  for (std::size_t id = 0; id < uses.size(); ++id) {
    if (uses[id] > 0) ranked.emplace_back(company.features()[id], uses[id]);
  }
  std::sort(ranked.begin(), ranked.end());  // name order, for the ties
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
