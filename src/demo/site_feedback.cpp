// What the site tells about itself besides the work: the weather provider's 7-day forecast
// (webhook, every day), progress reported by the chief, and satisfaction surveys — the client's
// monthly score falls when the site slips behind or has serious incidents open.
#include <algorithm>

#include "common/json_writer.hpp"
#include "demo/rounding.hpp"
#include "demo/site_steps.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

void record_score(World& world, int site, Stamp when, double score, std::string_view respondent,
                  int actor) {
  JsonWriter data;
  data.begin_object().field("score", rounded_to_half(std::clamp(score, 0.0, 10.0)));
  data.field("respondent", respondent).end_object();
  world.add(site, when, EventType::satisfaction_recorded, Source::web, actor, data.take());
}

// Planned share of the work at `day` less the share done: positive when behind.
double schedule_gap(const World& world, int site, std::int32_t day) {
  const SitePlan& plan = world.plans[site];
  const double planned = static_cast<double>(day - plan.planned_start_day) /
                         std::max(1, plan.planned_end_day - plan.planned_start_day);
  return std::clamp(planned, 0.0, 1.5) - world.progress(site);
}

int serious_open(const SiteState& state) {
  return static_cast<int>(std::count_if(state.incidents.begin(), state.incidents.end(),
                                        [](const OpenIncident& incident) {
                                          return incident.severity >= Severity::high;
                                        }));
}

double client_score(const World& world, int site, std::int32_t day, Rng& rng) {
  const SiteState& state = world.sites[site];
  if (state.actual_end_day == day) {
    const double delay_days = std::max(0, day - world.plans[site].planned_end_day);
    return 8.8 - 0.06 * delay_days + 0.8 * rng.normal();
  }
  return 8.6 - 8 * std::max(0.0, schedule_gap(world, site, day)) - 0.5 * serious_open(state) +
         0.9 * rng.normal();
}

}  // namespace

void forecast(World& world, int site, const DayClock& clock) {
  const Forecast f = forecast_7d(world.seed, world.plans[site].town, clock.day);
  JsonWriter data;
  data.begin_object().field("date", std::string_view{clock.date_text});
  data.field("rain_days_7d", f.rain_days).field("snow_days_7d", f.snow_days);
  data.field("frost_days_7d", f.frost_days).end_object();
  world.add(site, at(clock.day, 6, 10) + site % 600, EventType::weather_forecast, Source::webhook,
            -1, data.take());
}

void report_progress(World& world, int site, const DayClock& clock, int reporter) {
  SiteState& state = world.sites[site];
  const bool finished = state.actual_end_day == clock.day;
  const double percent = finished ? 100.0 : std::min(99.9, rounded(100 * world.progress(site), 1));
  state.progress_reported = std::max(state.progress_reported, percent);
  JsonWriter data;
  data.begin_object().field("percent_complete", state.progress_reported).end_object();
  world.add(site, at(clock.day, 17, 45) + state.rng.between(0, 900), EventType::progress_reported,
            Source::mobile, reporter, data.take());
}

void survey(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  Rng& rng = state.rng;
  const Stamp afternoon = at(clock.day, 14, 0) + rng.between(0, 3 * 3600);
  if (clock.first_working_day_of_month || state.actual_end_day == clock.day) {
    record_score(world, site, afternoon, client_score(world, site, clock.day, rng), "client", -1);
  }
  const int chief = world.chief_of(site);
  if (clock.first_working_day_of_month && clock.month % 3 == 1) {
    const double load = static_cast<double>(world.people[chief].sites.size());
    record_score(world, site, afternoon + 300, 8.0 - 0.6 * load + rng.normal(), "chief", chief);
  }
  if (clock.first_working_day_of_month && rng.chance(0.3)) {
    const double absent_share = static_cast<double>(state.absences_until.size()) /
                                world.drivers[site].crew_size;
    record_score(world, site, afternoon + 600, 7.4 - 2 * absent_share + rng.normal(), "team", -1);
  }
}

}  // namespace vigie::demo
