#include "kpi/report.hpp"

#include <array>

#include "kpi/team_kpis.hpp"

namespace vigie::kpi {
namespace {

constexpr std::array<const char*, 15> kNames = {
    "Chantiers actifs",          "Budget global vs réalisé",      "Planning vs réel",
    "Taux d'incidents par chantier", "Satisfaction client",       "Productivité chefs de chantier",
    "Charge bureau d'études",    "Taux d'utilisation équipes",    "Volume photos / jour",
    "Taux d'incidents tracés",   "Temps de réponse moyen",        "Taux d'adoption app mobile",
    "Coûts évités (ROI)",        "Dépassements budgets détectés", "Économies optimisation"};

std::int64_t size_of(const std::vector<std::string>& names) {
  return static_cast<std::int64_t>(names.size());
}

// What one period's figures are computed from.
struct FigureInputs {
  const Company& company;
  const std::vector<SiteAt>& in_scope;
  std::vector<SiteAt> of_period;  // the sites of the period, among in_scope
  const Period& period;
  const Period& before;           // the period before it (KPI 5 judges against it)
  const KpiSettings& settings;
  const OutsideFigures& outside;
};

// The figures of KPI `id` (1–15) for one period, and only those.
FigureSet figures_of(int id, const FigureInputs& in) {
  FigureSet f;
  switch (id) {
    case 1: {
      const ActiveSites k1 = active_sites(in.in_scope, in.period, in.settings.sites);
      f.count("active", k1.active)
          .nested("active_by_size", FigureSet{}.count("petit", k1.petit).count("moyen", k1.moyen)
                                        .count("gros", k1.gros))
          .count("in_progress", k1.in_progress).count("completed", k1.completed);
      break;
    }
    case 2: {
      const BudgetVsActual k2 = budget_vs_actual(in.of_period, in.period, in.settings.sites);
      f.number("budget_total", k2.budget_total_eur).number("actual_cost", k2.actual_cost_eur)
          .number("spent_share", k2.spent_share).number("progress", k2.progress)
          .count("sites_overrun", size_of(k2.overrun_sites));
      break;
    }
    case 3: {
      const ScheduleVsActual k3 = schedule_vs_actual(in.of_period, in.period, in.settings.sites);
      f.count("ahead", k3.ahead).count("on_time", k3.on_time).count("late", k3.late)
          .number("mean_delay_days", k3.mean_delay_days);
      break;
    }
    case 4: {
      const IncidentRate k4 = incident_rate(in.in_scope, in.of_period.size(), in.period);
      f.count("incidents", k4.incidents).number("incidents_per_site", k4.incidents_per_site)
          .number("mean_severity", k4.mean_severity)
          .number("mean_resolution_hours", k4.mean_resolution_hours);
      break;
    }
    case 5: {
      const ClientSatisfaction k5 =
          client_satisfaction(in.in_scope, in.period, in.before, in.settings.sites);
      f.number("mean_client_score", k5.mean_client_score)
          .count("sites_at_risk", size_of(k5.sites_at_risk));
      break;
    }
    case 6: {
      const ChiefProductivity k6 = chief_productivity(in.in_scope, in.of_period, in.period);
      f.number("reports_per_chief_day", k6.reports_per_chief_day)
          .number("mean_writing_minutes", k6.mean_writing_minutes);
      break;
    }
    case 7: {
      const DesignOfficeLoad k7 = design_office_load(in.in_scope, in.period);
      f.count("waiting", k7.waiting).number("mean_resolution_hours", k7.mean_resolution_hours)
          .number("within_sla_share", k7.within_sla_share);
      break;
    }
    case 8: {
      const TeamUtilisation k8 = team_utilisation(in.in_scope, in.period);
      f.number("utilisation", k8.utilisation).number("billable_hours", k8.billable_hours)
          .number("total_hours", k8.total_hours);
      break;
    }
    case 9: {
      const PhotoVolume k9 = photo_volume(in.in_scope, in.period);
      f.number("photos_per_day", k9.photos_per_day).count("photos", k9.photos)
          .count("storage_bytes", k9.storage_bytes);
      break;
    }
    case 10: {
      const TracedIncidents k10 = traced_incidents(in.in_scope, in.period, in.settings.operations);
      f.number("traced_rate", k10.traced_rate).count("recorded", k10.recorded)
          .number("expected", k10.expected);
      break;
    }
    case 11: {
      const ResponseTimes k11 = response_times(in.in_scope, in.period);
      f.nested("response_hours",
               FigureSet{}.number("technical", k11.technical).number("material", k11.material)
                   .number("design_office_question", k11.design_office_question));
      break;
    }
    case 12: {
      const AppAdoption k12 = app_adoption(in.company, in.in_scope, in.of_period, in.period,
                                           in.settings.operations);
      f.number("adoption_share", k12.adoption_share).names("most_used", k12.most_used)
          .names("least_used", k12.least_used);
      break;
    }
    case 13: {
      const AvoidedCosts k13 = avoided_costs(in.in_scope, in.period, in.settings.money);
      f.number("avoided_cost_eur", k13.avoided_cost_eur)
          .number("report_minutes_saved", k13.report_minutes_saved)
          .count("disputes_avoided", k13.disputes_avoided).count("rework_avoided", k13.rework_avoided);
      break;
    }
    case 14: {
      const BudgetOverruns k14 =
          budget_overruns(in.of_period, in.period, in.settings.sites,
                          in.outside.budget_alerts_sent);
      f.count("sites_overrun", size_of(k14.overrun_sites)).number("overrun_eur", k14.overrun_eur)
          .count("alerts_sent", k14.alerts_sent);
      break;
    }
    case 15: {
      const OptimisationSavings k15 =
          optimisation_savings(in.outside.accepted_plans, in.settings.money);
      f.number("km_saved", k15.km_saved).number("hours_saved", k15.hours_saved)
          .number("savings_eur", k15.savings_eur);
      break;
    }
    default:
      break;
  }
  return f;
}

// The figures of all 15 KPIs for one period (current or previous).
std::array<FigureSet, 15> figures(const Company& company, const std::vector<SiteAt>& in_scope,
                                  const Period& period, const Period& before,
                                  const KpiSettings& settings, const OutsideFigures& outside) {
  const FigureInputs inputs{company, in_scope, sites_of_period(in_scope, period), period, before,
                            settings, outside};
  std::array<FigureSet, 15> all;
  for (int id = 1; id <= 15; ++id) all[static_cast<std::size_t>(id - 1)] = figures_of(id, inputs);
  return all;
}

// The settings each KPI's figures used, under their names.
std::array<FigureSet, 15> settings_of(const KpiSettings& s) {
  std::array<FigureSet, 15> out;
  out[0].number("small_below_eur", s.sites.small_below_eur)
      .number("large_from_eur", s.sites.large_from_eur);
  out[1].number("overrun_tolerance", s.sites.overrun_tolerance);
  out[2].number("schedule_tolerance_days", s.sites.schedule_tolerance_days);
  out[4].number("risk_score_below", s.sites.risk_score_below)
      .number("risk_score_fall", s.sites.risk_score_fall);
  FigureSet baselines;
  for (const auto& [type, rate] : s.operations.incidents_per_site_month) baselines.number(type, rate);
  out[9].nested("incidents_per_site_month", baselines);
  out[11].number("adoption_share_of_days", s.operations.adoption_share_of_days);
  out[12].number("paper_report_minutes", s.money.paper_report_minutes)
      .number("hourly_cost_eur", s.money.hourly_cost_eur)
      .number("dispute_unit_cost_eur", s.money.dispute_unit_cost_eur)
      .number("rework_unit_cost_eur", s.money.rework_unit_cost_eur);
  out[13].number("overrun_tolerance", s.sites.overrun_tolerance);
  out[14].number("cost_per_km_eur", s.money.cost_per_km_eur)
      .number("cost_per_travel_hour_eur", s.money.cost_per_travel_hour_eur);
  return out;
}

Period period_before(const Period& period) {
  return range_periods(period.from, period.to).previous;
}

}  // namespace

KpiReport compute_report(const Company& company, const Scope& scope, const PeriodPair& periods,
                         LocalDate as_of, const KpiSettings& settings,
                         const OutsideFigures& current, const OutsideFigures& previous) {
  KpiReport report{periods, as_of, scope, {}};
  auto now = figures(company, sites_in_scope(company, scope, periods.current), periods.current,
                     periods.previous, settings, current);
  auto then = figures(company, sites_in_scope(company, scope, periods.previous), periods.previous,
                      period_before(periods.previous), settings, previous);
  auto used = settings_of(settings);
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    FigureSet change = change_between(now[i], then[i]);
    report.kpis.push_back({static_cast<int>(i) + 1, kNames[i], std::move(now[i]),
                           std::move(then[i]), std::move(change), std::move(used[i])});
  }
  return report;
}

std::vector<SiteFigures> site_breakdown(const Company& company, const Scope& scope,
                                        const PeriodPair& periods, int id,
                                        const KpiSettings& settings) {
  std::vector<SiteFigures> out;
  for (const SiteAt& site : sites_in_scope(company, scope, periods.current)) {
    // Each site alone; figures from outside the events (alerts, plans) are not split by site.
    const std::vector<SiteAt> alone{site};
    const OutsideFigures none;
    const FigureInputs inputs{company, alone, sites_of_period(alone, periods.current),
                              periods.current, periods.previous, settings, none};
    out.push_back({site.site->id, figures_of(id, inputs)});
  }
  return out;
}

}  // namespace vigie::kpi
