#include "kpi/site_kpis.hpp"

#include <algorithm>

namespace vigie::kpi {
namespace {

DayCounters period_sum(const SiteAt& site, const Period& period) {
  return sum_days(*site.site, days_since_epoch(period.from), days_since_epoch(period.to));
}

}  // namespace

std::vector<SiteAt> sites_of_period(const std::vector<SiteAt>& in_scope, const Period& period) {
  std::vector<SiteAt> out;
  for (const SiteAt& site : in_scope) {
    if (in_progress(site) || completed_in(site, period)) out.push_back(site);
  }
  return out;
}

ActiveSites active_sites(const std::vector<SiteAt>& in_scope, const Period& period,
                         const SiteKpiSettings& settings) {
  ActiveSites out;
  for (const SiteAt& site : in_scope) {
    if (site.status == SiteStatus::active) {
      ++out.active;
      const double budget = static_cast<double>(site.budget_cents) / 100;
      if (budget < settings.small_below_eur) {
        ++out.petit;
      } else if (budget < settings.large_from_eur) {
        ++out.moyen;
      } else {
        ++out.gros;
      }
    }
    if (in_progress(site)) ++out.in_progress;
    if (completed_in(site, period)) ++out.completed;
  }
  return out;
}

BudgetVsActual budget_vs_actual(const std::vector<SiteAt>& of_period,
                                const SiteKpiSettings& settings) {
  BudgetVsActual out;
  std::int64_t budget_cents = 0;  // sums in cents: exact, converted to euros once
  std::int64_t spent_cents = 0;
  double earned_cents = 0;
  for (const SiteAt& site : of_period) {
    const std::int64_t spent = site.to_end.expense_cents;  // AC to the end
    const double earned = site.percent_complete / 100 * static_cast<double>(site.budget_cents);
    budget_cents += site.budget_cents;
    spent_cents += spent;
    earned_cents += earned;
    // EAC = BAC / CPI = BAC × AC / EV > BAC × (1 + tolerance) ⇔ AC > EV × (1 + tolerance);
    // a site with no progress yet (EV = 0) is never in overrun.
    if (earned > 0 && static_cast<double>(spent) > earned * (1 + settings.overrun_tolerance)) {
      out.overrun_sites.push_back(site.site->id);
    }
  }
  out.budget_total_eur = static_cast<double>(budget_cents) / 100;
  out.actual_cost_eur = static_cast<double>(spent_cents) / 100;
  out.spent_share = ratio(static_cast<double>(spent_cents), static_cast<double>(budget_cents));
  out.progress = ratio(earned_cents, static_cast<double>(budget_cents));
  return out;
}

ScheduleVsActual schedule_vs_actual(const std::vector<SiteAt>& of_period, const Period& period,
                                    const SiteKpiSettings& settings) {
  ScheduleVsActual out;
  double delay_days = 0;
  for (const SiteAt& site : of_period) {
    const auto& a = site.attributes();
    double gap = 0;
    if (completed_in(site, period)) {
      gap = days_since_epoch(*site.actual_end) - days_since_epoch(a.planned_end);
    } else {
      // (t − planned_start) − percent / 100 × duration, the planned share clamped to 0–1.
      const double duration = days_since_epoch(a.planned_end) - days_since_epoch(a.planned_start);
      const double elapsed =
          std::clamp<double>(days_since_epoch(period.to) - days_since_epoch(a.planned_start), 0, duration);
      gap = elapsed - site.percent_complete / 100 * duration;
    }
    if (gap < -settings.schedule_tolerance_days) {
      ++out.ahead;
    } else if (gap > settings.schedule_tolerance_days) {
      ++out.late;
      delay_days += gap;
    } else {
      ++out.on_time;
    }
  }
  out.mean_delay_days = ratio(delay_days, static_cast<double>(out.late));
  return out;
}

IncidentRate incident_rate(const std::vector<SiteAt>& in_scope, std::size_t sites_of_period) {
  DayCounters total;
  for (const SiteAt& site : in_scope) total += site.period_sums;
  IncidentRate out;
  out.incidents = total.incidents_opened;
  out.incidents_per_site =
      ratio(static_cast<double>(total.incidents_opened), static_cast<double>(sites_of_period));
  out.mean_severity = ratio(static_cast<double>(total.severity_sum),
                            static_cast<double>(total.severity_known));
  out.mean_resolution_hours = ratio(total.incident_resolution.hours,
                                    static_cast<double>(total.incident_resolution.count));
  return out;
}

ClientSatisfaction client_satisfaction(const std::vector<SiteAt>& in_scope, const Period& previous,
                                       const SiteKpiSettings& settings) {
  ClientSatisfaction out;
  double score_sum = 0, team_score_sum = 0;
  std::int64_t scores = 0, team_scores = 0;
  for (const SiteAt& site : in_scope) {
    const DayCounters& now = site.period_sums;
    score_sum += now.client_score_sum;
    scores += now.client_scores;
    team_score_sum += now.team_score_sum;
    team_scores += now.team_scores;
    if (now.client_scores == 0) continue;  // a site with no score in the period is not judged
    const double mean = now.client_score_sum / static_cast<double>(now.client_scores);
    const DayCounters before = period_sum(site, previous);
    const bool fell = before.client_scores > 0 &&
                      before.client_score_sum / static_cast<double>(before.client_scores) - mean >=
                          settings.risk_score_fall;
    if (mean < settings.risk_score_below || fell) out.sites_at_risk.push_back(site.site->id);
  }
  out.mean_client_score = ratio(score_sum, static_cast<double>(scores));
  out.mean_team_score = ratio(team_score_sum, static_cast<double>(team_scores));
  return out;
}

}  // namespace vigie::kpi
