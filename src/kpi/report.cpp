#include "kpi/report.hpp"

#include <array>

#include "kpi/one_kpi.hpp"

namespace vigie::kpi {
namespace {

constexpr std::array<const char*, 15> kNames = {
    "Chantiers actifs",          "Budget global vs réalisé",      "Planning vs réel",
    "Taux d'incidents par chantier", "Satisfaction client",       "Productivité chefs de chantier",
    "Charge bureau d'études",    "Taux d'utilisation équipes",    "Volume photos / jour",
    "Taux d'incidents tracés",   "Temps de réponse moyen",        "Taux d'adoption app mobile",
    "Coûts évités (ROI)",        "Dépassements budgets détectés", "Économies optimisation"};

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

}  // namespace vigie::kpi
