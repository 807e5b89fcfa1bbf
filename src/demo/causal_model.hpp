// demo/causal_model.hpp
//
// Why demo sites are late: the causes and their strengths, in one place, shared by the day-by-day
// simulation (which emits the events) and the truth estimator (which computes P(late) from the
// same numbers). docs/demo-company.md explains them; keep the two in step.
//
// A site must deliver `effort` working days of output. Each working day it produces
// 1 − (losses of that day): bad weather, incidents left open, design-office questions waiting,
// absent workers; a suspension produces nothing. It is finished on the first working day its
// output reaches the effort, and late when that day falls after planned_end. The effort is the
// planned working days less the planner's slack, raised by complexity, an inexperienced chief,
// subcontractors, the hidden difficulty `risk` and plan changes, with noise. The same `risk` also
// raises incident rates, severity, answer times, absences, plan changes and spending, so the
// events carry the signal a model can learn.
#pragma once

#include "demo/rng.hpp"
#include "demo/weather.hpp"

namespace vigie::demo {

struct Company;
struct SitePlan;

enum class Severity { low, medium, high, critical };
enum class IncidentCategory { safety, technical, material, administrative };
enum class Urgency { within_1h, within_4h, within_1d, within_3d };
enum class RequestKind { technical, material, design_office_question };

// Loss of a day's output while one incident of each severity is open.
inline constexpr double kIncidentBlockShare[4] = {0.0, 0.05, 0.25, 0.6};
inline constexpr double kAbsenceLoss = 0.8;          // × absent workers / crew size
inline constexpr double kDesignWaitLoss = 0.06;      // per open technical or design-office request
inline constexpr double kMaterialWaitLoss = 0.03;    // per open material request
inline constexpr double kPlanChangeEffortDays = 2.0; // rework after each plan revision
inline constexpr double kEffortNoiseSd = 0.07;       // relative noise on the effort
inline constexpr double kMinDailyOutput = 0.05;      // a day is never entirely lost but suspended

// What a site's plan implies for its simulation: rates per working day and multipliers.
struct SiteDrivers {
  double incidents_per_day = 0;
  double severity_weights[4] = {};
  double category_weights[4] = {};
  double requests_per_day = 0;
  double absence_per_worker_day = 0;
  double plan_changes_per_day = 0;
  double suspensions_per_day = 0;
  double answer_slowness = 1;   // multiplies design-office and manager response times
  double outdoor_share = 0;     // of the work exposed to weather, at the start
  double effort_days = 0;       // output needed, before noise and plan changes
  double material_overrun = 1;  // material spent per point of progress, against plan
  double subcontracting_overrun = 1;
  int crew_size = 1;
};

SiteDrivers site_drivers(const SitePlan& site, const Company& company);

// Output lost to the weather on a working day; outdoor work shrinks as the site closes in.
double weather_loss(const DayWeather& weather, double outdoor_share, double progress);

Severity draw_severity(Rng& rng, const SiteDrivers& drivers);
IncidentCategory draw_category(Rng& rng, const SiteDrivers& drivers);
Urgency urgency_for(Rng& rng, IncidentCategory category, Severity severity);
RequestKind draw_request_kind(Rng& rng);
double take_hours(Rng& rng, Urgency urgency, double slowness);    // opening → taken in charge
double resolve_hours(Rng& rng, Severity severity, double slowness);  // taken → resolved
double answer_hours(Rng& rng, RequestKind kind, double slowness);    // request opened → resolved
double request_wait_loss(RequestKind kind);
int absence_days(Rng& rng);     // working days
int suspension_days(Rng& rng);  // calendar days

}  // namespace vigie::demo
