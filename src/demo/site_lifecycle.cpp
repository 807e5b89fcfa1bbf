// A site's life: signed (planned), started (active), sometimes suspended and resumed, completed;
// a few are cancelled before they start. Each change is a site.upserted with the whole record.
#include <algorithm>

#include "common/json_writer.hpp"
#include "demo/records.hpp"
#include "demo/site_steps.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

void upsert(World& world, int site, Stamp when) {
  const SiteState& state = world.sites[site];
  world.add(site, when, EventType::site_upserted, Source::erp, world.plans[site].manager,
            site_record(world, site, status_name(state.status)));
}

// The chief and crew count this site among those they share their days between.
void join(World& world, int site) {
  world.people[world.chief_of(site)].sites.push_back(site);
  for (const int worker : world.plans[site].crew) world.people[worker].sites.push_back(site);
}

void leave(World& world, int site) {
  auto drop = [&](int person) {
    auto& sites = world.people[person].sites;
    sites.erase(std::remove(sites.begin(), sites.end(), site), sites.end());
  };
  drop(world.chief_of(site));
  for (const int worker : world.plans[site].crew) drop(worker);
}

void sign(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  const SitePlan& plan = world.plans[site];
  state.status = SiteStatus::planned;
  state.budget_total = plan.budget_total;
  state.budget_material = plan.budget_material;
  state.effort = world.drivers[site].effort_days * (1 + kEffortNoiseSd * state.rng.normal());
  // Before 06:00, ahead of anything else that names the site on its first day.
  upsert(world, site, at(clock.day, 5, 10) + site % 3000);
}

void set_status(World& world, int site, SiteStatus status, Stamp when) {
  world.sites[site].status = status;
  upsert(world, site, when);
}

}  // namespace

void update_status(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  const SitePlan& plan = world.plans[site];
  if (state.status == SiteStatus::not_signed && clock.day >= plan.signed_day) {
    sign(world, site, clock);
  }
  const Stamp morning = at(clock.day, 6, 0) + site % 300;
  if (state.status == SiteStatus::planned) {
    if (plan.cancelled && clock.day >= plan.planned_start_day - 7) {
      set_status(world, site, SiteStatus::cancelled, at(clock.day, 10, 0) + site % 3000);
    } else if (!plan.cancelled && clock.day >= plan.planned_start_day) {
      set_status(world, site, SiteStatus::active, morning);
      join(world, site);
    }
  } else if (state.status == SiteStatus::suspended && clock.day >= state.resume_day) {
    set_status(world, site, SiteStatus::active, morning);
    join(world, site);
  }
}

void maybe_suspend(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  if (!state.rng.chance(world.drivers[site].suspensions_per_day)) return;
  state.resume_day = clock.day + suspension_days(state.rng);
  set_status(world, site, SiteStatus::suspended, at(clock.day, 18, 40));
  leave(world, site);
}

void complete(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  state.actual_end_day = clock.day;
  report_progress(world, site, clock, world.chief_of(site));
  settle_accounts(world, site, clock);
  JsonWriter data;
  data.begin_object().field("actual_end", std::string_view{clock.date_text}).end_object();
  world.add(site, at(clock.day, 18, 30), EventType::site_completed, Source::erp,
            world.plans[site].manager, data.take());
  set_status(world, site, SiteStatus::completed, at(clock.day, 18, 31));
  survey(world, site, clock);
  leave(world, site);
}

}  // namespace vigie::demo
