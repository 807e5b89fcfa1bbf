#include "demo/simulation.hpp"

#include <algorithm>

#include "demo/records.hpp"
#include "demo/site_steps.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

bool same_month(std::int32_t a, std::int32_t b) {
  return date_from_days(a).month() == date_from_days(b).month();
}

bool working_day_before_in_month(std::int32_t day) {
  for (std::int32_t d = day - 1; same_month(d, day); --d) {
    if (is_working_day(d)) return true;
  }
  return false;
}

bool working_day_after_in_month(std::int32_t day) {
  for (std::int32_t d = day + 1; same_month(d, day); ++d) {
    if (is_working_day(d)) return true;
  }
  return false;
}

// Today's loss of output before absences: weather and open issues.
double expected_loss(const World& world, int site, const DayClock& clock) {
  const DayWeather weather = weather_on(world.seed, world.plans[site].town, clock.day);
  return weather_loss(weather, world.drivers[site].outdoor_share, world.progress(site)) +
         issues_loss(world.sites[site], at(clock.day, 12, 0));
}

void work_day(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  open_issues(world, site, clock);
  const double loss_before_absences = expected_loss(world, site, clock);
  const Presence presence = crew_day(world, site, clock, loss_before_absences);
  const double output_today =
      std::max(kMinDailyOutput, 1 - loss_before_absences - presence.absence_loss);
  state.output += output_today;
  paperwork(world, site, clock, presence, output_today);
  spend(world, site, clock, presence);
  if (state.output >= state.effort) {
    complete(world, site, clock);
    return;
  }
  // With the app the chief updates progress in the daily report; otherwise twice a week.
  const bool progress_day = presence.uses_app || clock.weekday == 2 || clock.weekday == 5;
  if (presence.reporter >= 0 && progress_day) report_progress(world, site, clock, presence.reporter);
  survey(world, site, clock);
  maybe_suspend(world, site, clock);
}

}  // namespace

DayClock make_clock(std::int32_t day) {
  DayClock clock;
  clock.day = day;
  const LocalDate date = date_from_days(day);
  clock.month = static_cast<unsigned>(date.month());
  clock.weekday = ((day % 7) + 11) % 7;
  clock.working = is_working_day(day);
  clock.first_working_day_of_month = clock.working && !working_day_before_in_month(day);
  clock.last_working_day_of_month = clock.working && !working_day_after_in_month(day);
  clock.date_text = format_iso_date(date);
  return clock;
}

// Before anything else: people, then vehicles and tools, then the teams that name them all.
void emit_reference_events(World& world, std::int32_t first_day) {
  const Stamp when = at(first_day, 5, 0);
  for (const Person& person : world.company.people) {
    world.add(-1, when, EventType::person_upserted, Source::batch, -1, person_record(person));
  }
  for (const Equipment& item : world.company.equipment) {
    world.add(-1, when, EventType::vehicle_upserted, Source::batch, -1, equipment_record(item));
  }
  for (const Team& team : world.company.teams) {
    world.add(-1, when, EventType::team_upserted, Source::batch, -1,
              team_record(team, world.company));
  }
}

void site_day(World& world, int site, const DayClock& clock) {
  update_status(world, site, clock);
  const SiteState& state = world.sites[site];
  if (state.status == SiteStatus::not_signed) return;
  if (state.status == SiteStatus::active) {
    forecast(world, site, clock);
    if (clock.working) work_day(world, site, clock);
  }
  follow_up_issues(world, site, clock);
}

void run_days(World& world, std::int32_t first_day, std::int32_t last_day,
              const std::function<void(std::string_view)>& emit) {
  emit_reference_events(world, first_day);
  for (std::int32_t day = first_day; day <= last_day; ++day) {
    const DayClock clock = make_clock(day);
    for (int site = 0; site < static_cast<int>(world.plans.size()); ++site) {
      site_day(world, site, clock);
    }
    world.events.flush(date_from_days(day), emit);
  }
}

}  // namespace vigie::demo
