#include "demo/causal_model.hpp"

#include <algorithm>
#include <cmath>

#include "demo/company.hpp"
#include "demo/site_plan.hpp"

namespace vigie::demo {
namespace {

// Share of the planned working days the planner keeps in reserve.
constexpr double kPlanningSlack = 0.22;
// Incidents per site-month by type (KPI 10's baselines) and by size class.
constexpr double kIncidentsPerMonth[4] = {2, 4, 5, 3};
constexpr double kSizeIncidentFactor[3] = {0.6, 1.0, 1.5};
constexpr double kWorkingDaysPerMonth = 21.7;
constexpr double kOutdoorShare[4] = {0.8, 0.5, 0.75, 0.6};

bool inexperienced(double years) { return years < 3; }

// Added to the effort, as a share of planned days.
double effort_excess(const SitePlan& site, double chief_years) {
  double excess = 0.035 * (site.complexity - 3) + 0.012 * site.subcontractors + 0.04 * site.risk;
  if (inexperienced(chief_years)) {
    excess += 0.08;
  } else if (chief_years < 7) {
    excess += 0.03;
  } else if (chief_years >= 15) {
    excess -= 0.02;
  }
  return excess;
}

double incident_rate(const SitePlan& site, double chief_years) {
  const double base = kIncidentsPerMonth[static_cast<int>(site.type)] / kWorkingDaysPerMonth *
                      kSizeIncidentFactor[static_cast<int>(site.size)];
  const double chief = inexperienced(chief_years) ? 1.25 : 1.0;
  return base * std::exp(0.45 * site.risk) * (1 + 0.12 * (site.complexity - 3)) * chief;
}

void set_label_weights(SiteDrivers& d, const SitePlan& site) {
  d.severity_weights[0] = 0.38;
  d.severity_weights[1] = 0.36;
  d.severity_weights[2] = 0.19 * std::exp(0.3 * site.risk);
  d.severity_weights[3] = 0.07 * std::exp(0.5 * site.risk) * (1 + 0.15 * (site.complexity - 3));
  d.category_weights[0] = 0.2;
  d.category_weights[1] = 0.4 * (1 + 0.1 * (site.complexity - 3));
  d.category_weights[2] = 0.28;
  d.category_weights[3] = 0.12;
}

}  // namespace

SiteDrivers site_drivers(const SitePlan& site, const Company& company) {
  const double chief_years = company.people[company.teams[site.team].chief].experience_years;
  SiteDrivers d;
  d.incidents_per_day = incident_rate(site, chief_years);
  set_label_weights(d, site);
  d.requests_per_day = 0.12 * (1 + 0.15 * (site.complexity - 3)) * std::exp(0.2 * site.risk);
  d.absence_per_worker_day =
      0.018 * std::exp(0.35 * site.risk) * (inexperienced(chief_years) ? 1.2 : 1.0);
  d.plan_changes_per_day =
      0.004 * std::max(0.2, 1 + 0.3 * (site.complexity - 3)) * std::exp(0.3 * site.risk);
  d.suspensions_per_day = 0.00025 * std::exp(0.5 * site.risk);
  d.answer_slowness = std::exp(0.35 * site.risk);
  d.outdoor_share = kOutdoorShare[static_cast<int>(site.type)];
  d.effort_days = site.planned_working_days * (1 - kPlanningSlack) *
                  (1 + effort_excess(site, chief_years));
  d.material_overrun = std::max(0.92, 1.04 + 0.06 * site.risk);
  d.subcontracting_overrun = std::max(0.95, 1.03 + 0.05 * site.risk);
  d.crew_size = std::max<int>(1, static_cast<int>(site.crew.size()));
  return d;
}

double weather_loss(const DayWeather& weather, double outdoor_share, double progress) {
  const double outdoor = outdoor_share * (1 - 0.6 * std::clamp(progress, 0.0, 1.0));
  double loss = 0;
  if (weather.rain) loss += 0.35 * outdoor;
  if (weather.snow) loss += 0.7;  // access and every outdoor trade stop
  if (weather.frost) loss += 0.25 * outdoor;  // no concrete, no mortar
  return std::min(loss, 0.9);
}

Severity draw_severity(Rng& rng, const SiteDrivers& drivers) {
  return static_cast<Severity>(rng.weighted(drivers.severity_weights));
}

IncidentCategory draw_category(Rng& rng, const SiteDrivers& drivers) {
  return static_cast<IncidentCategory>(rng.weighted(drivers.category_weights));
}

// The rule of models.md, with the judgement calls a chief really makes.
Urgency urgency_for(Rng& rng, IncidentCategory category, Severity severity) {
  int level = 3 - static_cast<int>(severity);  // critical → within 1 h … low → within 3 d
  if (category == IncidentCategory::safety && severity == Severity::high) level = 0;
  if (rng.chance(0.12)) level += rng.chance(0.5) ? 1 : -1;
  return static_cast<Urgency>(std::clamp(level, 0, 3));
}

RequestKind draw_request_kind(Rng& rng) {
  constexpr double kWeights[] = {0.35, 0.35, 0.30};
  return static_cast<RequestKind>(rng.weighted(kWeights));
}

double take_hours(Rng& rng, Urgency urgency, double slowness) {
  constexpr double kLow[] = {0.1, 0.3, 1, 4};
  constexpr double kHigh[] = {0.9, 4.5, 26, 80};
  const int u = static_cast<int>(urgency);
  return rng.uniform(kLow[u], kHigh[u]) * slowness;
}

double resolve_hours(Rng& rng, Severity severity, double slowness) {
  constexpr double kLow[] = {2, 4, 12, 24};
  constexpr double kHigh[] = {30, 60, 110, 220};
  const int s = static_cast<int>(severity);
  return rng.uniform(kLow[s], kHigh[s]) * slowness;
}

double answer_hours(Rng& rng, RequestKind kind, double slowness) {
  constexpr double kLow[] = {4, 8, 2};
  constexpr double kHigh[] = {60, 100, 50};
  const int k = static_cast<int>(kind);
  return rng.uniform(kLow[k], kHigh[k]) * slowness;
}

double request_wait_loss(RequestKind kind) {
  return kind == RequestKind::material ? kMaterialWaitLoss : kDesignWaitLoss;
}

int absence_days(Rng& rng) {
  constexpr double kWeights[] = {0.45, 0.20, 0.15, 0.12, 0.08};
  constexpr int kDays[] = {1, 2, 3, 5, 10};
  return kDays[rng.weighted(kWeights)];
}

int suspension_days(Rng& rng) { return rng.between(10, 40); }

}  // namespace vigie::demo
