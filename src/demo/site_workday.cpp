// A working day on site: who is absent, the hours and trips of those present, and the chief's
// photos, reports and use of the mobile app. A person shared between several sites spends each
// day on one of them, in turn.
#include <algorithm>
#include <span>

#include "common/json_writer.hpp"
#include "demo/rounding.hpp"
#include "demo/site_steps.hpp"
#include "demo/towns.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

constexpr double kRoadFactor = 1.3;

std::int32_t last_absent_day(std::int32_t first, int working_days) {
  std::int32_t day = first;
  for (int left = working_days - 1; left > 0; --left) {
    do ++day; while (!is_working_day(day));
  }
  return day;
}

bool absent(const World& world, int person, std::int32_t day) {
  return world.people[person].absent_until >= day;
}

// Whether `person` spends `day` on `site`.
bool here_today(const World& world, int person, int site, std::int32_t day) {
  const std::vector<int>& sites = world.people[person].sites;
  return !sites.empty() && sites[static_cast<std::size_t>(day) % sites.size()] == site;
}

// Returns true when an absence begins today for this crew member.
bool maybe_absent(World& world, int site, int person, const DayClock& clock) {
  SiteState& state = world.sites[site];
  if (absent(world, person, clock.day)) return false;
  if (!state.rng.chance(world.drivers[site].absence_per_worker_day)) return false;
  const int days = absence_days(state.rng);
  world.people[person].absent_until = last_absent_day(clock.day, days);
  JsonWriter data;
  data.begin_object().field("person_id", world.person_id(person));
  data.field("date", std::string_view{clock.date_text}).field("days", days).end_object();
  world.add(site, at(clock.day, 7, 45) + state.rng.between(0, 1800), EventType::absence_recorded,
            Source::erp, world.plans[site].manager, data.take());
  return true;
}

double absence_loss(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  for (const int worker : world.plans[site].crew) {
    if (maybe_absent(world, site, worker, clock)) {
      state.absences_until.push_back(world.people[worker].absent_until);
    }
  }
  std::erase_if(state.absences_until, [&](std::int32_t until) { return until < clock.day; });
  return kAbsenceLoss * static_cast<double>(state.absences_until.size()) /
         world.drivers[site].crew_size;
}

void record_trip(World& world, int site, int person, double km, double speed_kmh, Stamp when) {
  Rng& rng = world.sites[site].rng;
  const int minutes = static_cast<int>(km / speed_kmh * 60) + rng.between(0, 12);
  JsonWriter data;
  data.begin_object().field("person_id", world.person_id(person)).field("km", rounded(km, 1));
  data.field("minutes", minutes).end_object();
  world.add(site, when, EventType::trip_recorded, Source::mobile, person, data.take());
}

// Home to site in the morning and back in the evening, by road: two entries of the mileage log.
void commute(World& world, int site, int person, const DayClock& clock) {
  Rng& rng = world.sites[site].rng;
  const Person& who = world.company.people[person];
  const SitePlan& plan = world.plans[site];
  const double km = kRoadFactor * distance_km(who.home_lat, who.home_lon, plan.lat, plan.lon);
  record_trip(world, site, person, km + rng.uniform(0, 2), rng.uniform(45, 62),
              at(clock.day, 6, 30) + rng.between(0, 4200));
  record_trip(world, site, person, km + rng.uniform(0, 2), rng.uniform(42, 60),
              at(clock.day, 17, 15) + rng.between(0, 3600));
}

// Someone drives to the supplier or the depot for what is missing.
void supply_run(World& world, int site, int person, const DayClock& clock) {
  Rng& rng = world.sites[site].rng;
  record_trip(world, site, person, rng.uniform(8, 60), rng.uniform(25, 45),
              at(clock.day, 10, 0) + rng.between(0, 5 * 3600));
}

// Workers who use the app clock in and out with it, lunch break included.
void clock_in_and_out(World& world, int site, int worker, const DayClock& clock) {
  Rng& rng = world.sites[site].rng;
  if (!rng.chance(world.company.people[worker].app_adoption)) return;
  app_used(world, site, worker, "pointage", at(clock.day, 7, 0) + rng.between(0, 3000));
  const Stamp lunch = at(clock.day, 11, 45) + rng.between(0, 2700);
  app_used(world, site, worker, "pointage", lunch);
  app_used(world, site, worker, "pointage", lunch + rng.between(2700, 4500));
  app_used(world, site, worker, "pointage", at(clock.day, 16, 30) + rng.between(0, 3600));
}

void record_hours(World& world, int site, int person, int actor, const DayClock& clock,
                  double expected_loss) {
  Rng& rng = world.sites[site].rng;
  constexpr double kHours[] = {7, 7.5, 8, 8, 8, 8, 8.5, 9, 9.5};
  const double total = clock.weekday == 5 && rng.chance(0.5) ? 7.0 : rng.pick(std::span<const double>{kHours});
  // Hours lost to waiting and stoppages are paid but not billable.
  const double billable = std::clamp(
      std::round((total * (1 - 0.5 * expected_loss) - rng.uniform(0, 0.6)) * 4) / 4, 0.0, total);
  JsonWriter data;
  data.begin_object().field("person_id", world.person_id(person));
  data.field("date", std::string_view{clock.date_text}).field("hours_total", total);
  data.field("hours_billable", billable).end_object();
  world.add(site, at(clock.day, 17, 0) + rng.between(0, 3600), EventType::timesheet_recorded,
            Source::mobile, actor, data.take());
}

}  // namespace

Presence crew_day(World& world, int site, const DayClock& clock, double expected_loss) {
  Presence presence;
  presence.absence_loss = absence_loss(world, site, clock);
  const int chief = world.chief_of(site);
  maybe_absent(world, site, chief, clock);
  Rng& rng = world.sites[site].rng;
  if (!absent(world, chief, clock.day)) {
    presence.reporter = chief;
    presence.uses_app = rng.chance(world.company.people[chief].app_adoption);
    if (here_today(world, chief, site, clock.day)) {
      commute(world, site, chief, clock);
      record_hours(world, site, chief, chief, clock, expected_loss);
    }
  }
  for (const int worker : world.plans[site].crew) {
    if (absent(world, worker, clock.day) || !here_today(world, worker, site, clock.day)) continue;
    ++presence.workers_present;
    if (presence.reporter < 0) presence.reporter = worker;
    commute(world, site, worker, clock);
    record_hours(world, site, worker, presence.reporter, clock, expected_loss);
    clock_in_and_out(world, site, worker, clock);
  }
  if (presence.reporter >= 0 && rng.chance(0.3)) supply_run(world, site, presence.reporter, clock);
  return presence;
}

}  // namespace vigie::demo
