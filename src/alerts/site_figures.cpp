#include "alerts/site_figures.hpp"

#include <algorithm>

#include "common/paris_time.hpp"
#include "kpi/items.hpp"
#include "kpi/scope.hpp"

namespace vigie::alerts {
namespace {

using kpi::DayCounters;
using kpi::SiteState;
using kpi::SiteStatus;

bool under_way(SiteStatus status) {
  return status == SiteStatus::active || status == SiteStatus::suspended;
}

// The Paris day the site last entered progress (active or suspended after something else).
std::optional<std::int32_t> in_progress_since(const SiteState& site, Instant now) {
  std::optional<std::int32_t> since;
  bool was = false;
  for (const auto& step : site.status.steps()) {
    if (step.at > now) break;
    const bool is = under_way(step.value);
    if (is && !was) since = paris_day_number(step.at);
    was = is;
  }
  return since;
}

// Days since the later of the last daily report and the start of progress.
std::optional<double> days_without_report(const SiteState& site, Instant now, std::int32_t today) {
  std::optional<std::int32_t> last = in_progress_since(site, now);
  const auto& days = site.days.days();
  if (!days.empty()) {
    for (std::int32_t d = std::min(today, site.days.last_day()); d >= site.days.first_day(); --d) {
      if (days[static_cast<std::size_t>(d - site.days.first_day())].reports > 0) {
        last = last ? std::max(*last, d) : d;
        break;
      }
    }
  }
  if (!last) return std::nullopt;
  return static_cast<double>(std::max(0, today - *last));
}

// BAC × AC / EV in euros, as the site stood at `at` (its day `day`); nullopt without progress.
std::optional<double> estimate_at_completion(const SiteState& site, Instant at, std::int32_t day) {
  const kpi::SiteAt then = kpi::site_at(site, at);
  const double earned = static_cast<double>(then.budget_cents) * then.percent_complete / 100.0;
  if (!then.known || earned <= 0) return std::nullopt;
  const auto spent = static_cast<double>(kpi::sum_to(site, day).expense_cents);
  return static_cast<double>(then.budget_cents) * spent / earned / 100.0;
}

// From a quarter of its SLA left (or past it), an incident nobody has taken is about to miss it:
// 15 min for < 1 h, 1 h for < 4 h, 6 h for < 1 j, 18 h for < 3 j.
constexpr double kSlaAtRiskShare = 0.25;

// Per site (by index in company.sites()): its open incidents not yet taken at `now` whose SLA
// (the company's hours for their urgency in force) has a quarter or less left.
std::vector<int> count_sla_at_risk(const kpi::Company& company, Instant now) {
  std::vector<int> at_risk(company.sites().size(), 0);
  company.visit_incidents([&](std::size_t site, std::string_view, const kpi::Incident& incident) {
    const auto before_now = [&](const std::optional<Instant>& at) { return at && *at <= now; };
    if (!before_now(incident.opened_at) || before_now(incident.taken_at) ||
        before_now(incident.resolved_at)) {
      return;
    }
    const auto urgency = kpi::labels_at(incident).urgency;
    if (!urgency) return;
    const double sla = kpi::sla_hours(*urgency, company.settings().incident_sla_hours);
    const double left = sla - std::chrono::duration<double, std::ratio<3600>>(now - *incident.opened_at).count();
    if (left <= kSlaAtRiskShare * sla) ++at_risk[site];
  });
  return at_risk;
}

std::optional<double> mean_client_score(const DayCounters& days) {
  if (days.client_scores == 0) return std::nullopt;
  return days.client_score_sum / static_cast<double>(days.client_scores);
}

std::optional<double> utilisation(const DayCounters& days) {
  if (days.hours_total <= 0) return std::nullopt;
  return 100.0 * days.hours_billable / days.hours_total;
}

}  // namespace

std::vector<SiteFigures> site_figures(
    const kpi::Company& company, Instant now,
    const std::map<std::string, SitePredictionFigures>& predictions,
    const std::array<int, kAlertMeasureNames.size()>& window_days) {
  using enum AlertMeasure;
  const std::int32_t today = paris_day_number(now);
  const std::vector<int> sla_at_risk = count_sla_at_risk(company, now);
  std::vector<SiteFigures> out;
  for (const SiteState& site : company.sites()) {
    const kpi::SiteAt at = kpi::site_at(site, now);
    if (!at.known || !under_way(at.status)) continue;
    SiteFigures figures;
    figures.site_id = site.id;
    figures.site_type = at.attributes().type;
    figures.manager_id = at.attributes().manager_id;
    figures.window_days = window_days;
    const auto set = [&](AlertMeasure m, std::optional<double> value, std::optional<double> before = {}) {
      figures.now[static_cast<std::size_t>(m)] = value;
      figures.before[static_cast<std::size_t>(m)] = before;
    };
    // The window ending today and the one before it, for a measure.
    const auto windows = [&](AlertMeasure m) {
      const int w = std::max(1, window_days[static_cast<std::size_t>(m)]);
      return std::pair{kpi::sum_days(site, today - w + 1, today),
                       kpi::sum_days(site, today - 2 * w + 1, today - w)};
    };

    // EAC − BAC over BAC, from the estimate at completion itself. No progress yet: no figure.
    if (const auto estimate = estimate_at_completion(site, now, today)) {
      const double budget = static_cast<double>(at.budget_cents) / 100.0;
      set(budget_overrun_pct, 100.0 * (*estimate / budget - 1.0));
      const int w = std::max(1, window_days[static_cast<std::size_t>(cost_at_completion_eur)]);
      set(cost_at_completion_eur, estimate,
          estimate_at_completion(site, now - std::chrono::days(w), today - w));
    }
    const auto [score_now, score_before] = windows(client_satisfaction);
    set(client_satisfaction, mean_client_score(score_now), mean_client_score(score_before));
    set(days_without_report, alerts::days_without_report(site, now, today));
    const auto [hours_now, hours_before] = windows(utilisation_pct);
    set(utilisation_pct, utilisation(hours_now), utilisation(hours_before));
    set(incidents_sla_at_risk, sla_at_risk[static_cast<std::size_t>(&site - company.sites().data())]);
    if (const auto p = predictions.find(site.id); p != predictions.end()) {
      set(p_late_pct, 100.0 * p->second.p_late);
      set(predicted_delay_days, p->second.predicted_delay_days);
    }
    out.push_back(std::move(figures));
  }
  return out;
}

}  // namespace vigie::alerts
