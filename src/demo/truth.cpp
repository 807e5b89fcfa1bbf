#include "demo/truth.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/time.hpp"
#include "demo/towns.hpp"
#include "demo/world.hpp"

namespace vigie::demo {
namespace {

constexpr int kDraws = 200;
constexpr double kMeanAbsenceDays = 2.7;  // of absence_days()

// One possible history of the planned window, day by day (index k: the k-th working day).
struct Window {
  std::vector<std::int32_t> days;
  std::vector<Climate> climates;  // of each day, fixed across draws
  std::vector<std::int64_t> weeks;
  std::vector<double> loss;
  std::vector<double> extra_effort;
  std::vector<bool> suspended;
};

// Adds `share` to the loss of every working day from k whose noon falls in [from, to).
void block(Window& w, std::size_t k, Stamp from, Stamp to, double share) {
  for (std::size_t j = k; j < w.days.size() && at(w.days[j], 12, 0) < to; ++j) {
    if (from <= at(w.days[j], 12, 0)) w.loss[j] += share;
  }
}

void draw_incidents(Window& w, const SiteDrivers& d, Rng& rng) {
  const int count = rng.poisson(d.incidents_per_day * static_cast<double>(w.days.size()));
  for (int i = 0; i < count; ++i) {
    const std::size_t k = rng.below(w.days.size());
    const IncidentCategory category = draw_category(rng, d);
    const Severity severity = draw_severity(rng, d);
    const Urgency urgency = urgency_for(rng, category, severity);
    const Stamp opened = at(w.days[k], 7, 30) + rng.between(0, 10 * 3600);
    const Stamp taken = office_time(after_hours(opened, take_hours(rng, urgency, d.answer_slowness)));
    const Stamp resolved =
        office_time(after_hours(taken, resolve_hours(rng, severity, d.answer_slowness)));
    block(w, k, opened, resolved, kIncidentBlockShare[static_cast<int>(severity)]);
  }
}

void draw_requests(Window& w, const SiteDrivers& d, Rng& rng) {
  const int count = rng.poisson(d.requests_per_day * static_cast<double>(w.days.size()));
  for (int i = 0; i < count; ++i) {
    const std::size_t k = rng.below(w.days.size());
    const RequestKind kind = draw_request_kind(rng);
    const Stamp opened = at(w.days[k], 8, 0) + rng.between(0, 8 * 3600 + 1800);
    const Stamp resolved =
        office_time(after_hours(opened, answer_hours(rng, kind, d.answer_slowness)));
    block(w, k, opened, resolved, request_wait_loss(kind));
  }
}

void draw_weather(Window& w, const SiteDrivers& d, Rng& rng) {
  std::int64_t week = -1;
  double wetness = 1;
  double coldness = 1;
  const double n = static_cast<double>(w.days.size());
  for (std::size_t k = 0; k < w.days.size(); ++k) {
    if (w.weeks[k] != week) {
      week = w.weeks[k];
      wetness = wetness_factor(rng.uniform());
      coldness = coldness_factor(rng.uniform());
    }
    // No draw where the season rules snow or frost out: same odds, fewer draws.
    const Climate& c = w.climates[k];
    const double u_fall = rng.uniform();
    const double u_snow = c.snow_share > 0 ? rng.uniform() : 1.0;
    const double u_frost = c.frost > 0 ? rng.uniform() : 1.0;
    const DayWeather day = draw_day(c, wetness, coldness, u_fall, u_snow, u_frost);
    w.loss[k] += weather_loss(day, d.outdoor_share, static_cast<double>(k) / n);
  }
}

// Absences and suspensions begin on a working day and last a number of days.
void draw_absences(Window& w, const SiteDrivers& d, Rng& rng) {
  const double p = d.absence_per_worker_day;
  const double exposure = d.crew_size * static_cast<double>(w.days.size()) / (1 + p * kMeanAbsenceDays);
  const int count = rng.poisson(p * exposure);
  for (int i = 0; i < count; ++i) {
    const std::size_t k = rng.below(w.days.size());
    const std::size_t last = std::min(w.days.size(), k + static_cast<std::size_t>(absence_days(rng)));
    for (std::size_t j = k; j < last; ++j) w.loss[j] += kAbsenceLoss / d.crew_size;
  }
}

void draw_stoppages(Window& w, const SiteDrivers& d, Rng& rng) {
  const double n = static_cast<double>(w.days.size());
  const int suspensions = rng.poisson(d.suspensions_per_day * n);
  for (int i = 0; i < suspensions; ++i) {
    const std::size_t k = rng.below(w.days.size());
    const std::int32_t resume = w.days[k] + suspension_days(rng);
    for (std::size_t j = k + 1; j < w.days.size() && w.days[j] < resume; ++j) w.suspended[j] = true;
  }
  const int changes = rng.poisson(d.plan_changes_per_day * n);
  for (int i = 0; i < changes; ++i) w.extra_effort[rng.below(w.days.size())] += kPlanChangeEffortDays;
}

// Calendar days of delay of one drawn history: 0 when the output reaches the effort in time.
double delay_of(const Window& w, double effort, std::int32_t planned_end_day) {
  double output = 0;
  double active_days = 0;
  for (std::size_t k = 0; k < w.days.size(); ++k) {
    effort += w.extra_effort[k];
    if (w.suspended[k]) continue;
    output += std::max(kMinDailyOutput, 1 - w.loss[k]);
    active_days += 1;
    if (output >= effort) return 0;
  }
  // Beyond the plan, the site goes on at its average pace so far.
  const double pace = std::max(kMinDailyOutput, output / std::max(1.0, active_days));
  int extra = static_cast<int>(std::ceil((effort - output) / pace));
  std::int32_t day = w.days.empty() ? planned_end_day : w.days.back();
  while (extra > 0) {
    ++day;
    if (is_working_day(day)) --extra;
  }
  return std::max(1, day - planned_end_day);
}

Window planned_window(const SitePlan& plan) {
  Window w;
  const int altitude = towns()[plan.town].altitude_m;
  for (std::int32_t day = plan.planned_start_day; day <= plan.planned_end_day; ++day) {
    if (!is_working_day(day)) continue;
    w.days.push_back(day);
    w.climates.push_back(climate(static_cast<unsigned>(date_from_days(day).month()), altitude));
    w.weeks.push_back((static_cast<std::int64_t>(day) + 3) / 7);
  }
  return w;
}

}  // namespace

Outlook estimate_outlook(const SitePlan& plan, const SiteDrivers& drivers, std::uint64_t seed) {
  Rng rng{seed};
  Window w = planned_window(plan);
  int late = 0;
  double delay_sum = 0;
  for (int draw = 0; draw < kDraws; ++draw) {
    w.loss.assign(w.days.size(), 0.0);
    w.extra_effort.assign(w.days.size(), 0.0);
    w.suspended.assign(w.days.size(), false);
    const double effort = drivers.effort_days * (1 + kEffortNoiseSd * rng.normal());
    draw_incidents(w, drivers, rng);
    draw_requests(w, drivers, rng);
    draw_weather(w, drivers, rng);
    draw_absences(w, drivers, rng);
    draw_stoppages(w, drivers, rng);
    const double delay = delay_of(w, effort, plan.planned_end_day);
    late += delay > 0 ? 1 : 0;
    delay_sum += delay;
  }
  return Outlook{static_cast<double>(late) / kDraws, delay_sum / kDraws};
}

}  // namespace vigie::demo
