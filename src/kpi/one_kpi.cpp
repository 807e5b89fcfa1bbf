#include "kpi/one_kpi.hpp"

#include "kpi/team_kpis.hpp"

namespace vigie::kpi {
namespace {

std::int64_t size_of(const std::vector<std::string>& names) {
  return static_cast<std::int64_t>(names.size());
}

}  // namespace

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
      const BudgetVsActual k2 = budget_vs_actual(in.of_period, in.settings.sites);
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
      const IncidentRate k4 = incident_rate(in.in_scope, in.of_period.size());
      f.count("incidents", k4.incidents).number("incidents_per_site", k4.incidents_per_site)
          .number("mean_severity", k4.mean_severity)
          .number("mean_resolution_hours", k4.mean_resolution_hours);
      break;
    }
    case 5: {
      const ClientSatisfaction k5 =
          client_satisfaction(in.in_scope, in.before, in.settings.sites);
      f.number("mean_client_score", k5.mean_client_score)
          .count("sites_at_risk", size_of(k5.sites_at_risk))
          .number("mean_team_score", k5.mean_team_score);
      break;
    }
    case 6: {
      const ChiefProductivity k6 = chief_productivity(in.in_scope, in.of_period, in.period);
      f.number("reports_per_chief_day", k6.reports_per_chief_day)
          .number("mean_writing_minutes", k6.mean_writing_minutes);
      break;
    }
    case 7: {
      const DesignOfficeLoad k7 = design_office_load(in.in_scope);
      f.count("waiting", k7.waiting).number("mean_resolution_hours", k7.mean_resolution_hours)
          .number("within_sla_share", k7.within_sla_share);
      break;
    }
    case 8: {
      const TeamUtilisation k8 = team_utilisation(in.in_scope);
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
      const ResponseTimes k11 = response_times(in.in_scope);
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
      const AvoidedCosts k13 = avoided_costs(in.in_scope, in.settings.money);
      f.number("avoided_cost_eur", k13.avoided_cost_eur)
          .number("report_minutes_saved", k13.report_minutes_saved)
          .count("disputes_avoided", k13.disputes_avoided).count("rework_avoided", k13.rework_avoided);
      break;
    }
    case 14: {
      const BudgetOverruns k14 =
          budget_overruns(in.of_period, in.settings.sites,
                          in.outside.budget_alerts_sent);
      f.count("sites_overrun", size_of(k14.overrun_sites)).number("overrun_eur", k14.overrun_eur)
          .count("alerts_sent", k14.alerts_sent);
      break;
    }
    case 15: {
      PlanningSavings accepted;
      for (const SiteAt& site : in.in_scope) {
        accepted.km_saved += site.period_sums.plan_km_saved;
        accepted.hours_saved += site.period_sums.plan_hours_saved;
      }
      const OptimisationSavings k15 = optimisation_savings(accepted, in.settings.money);
      f.number("km_saved", k15.km_saved).number("hours_saved", k15.hours_saved)
          .number("savings_eur", k15.savings_eur);
      break;
    }
    default:
      break;
  }
  return f;
}

}  // namespace vigie::kpi
