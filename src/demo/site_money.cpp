// Money: expenses that follow the work (material bought as progress is made, subcontractors
// invoicing each fifth of their part, weekly rentals and skips, monthly payroll), revised budgets
// after plan changes, and the final accounts. Overruns come from the site's material and
// subcontracting overrun factors (its hidden difficulty), rework after serious faults, and the
// labour and rentals of every day beyond the plan.
#include "common/json_writer.hpp"
#include "demo/rounding.hpp"
#include "demo/site_steps.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;

void post_expense(World& world, int site, Stamp when, double amount, std::string_view category) {
  amount = rounded(amount, 2);
  if (amount <= 0) return;
  JsonWriter data;
  data.begin_object().field("amount", amount).field("category", category).end_object();
  world.add(site, when, EventType::expense_recorded, Source::erp, world.plans[site].manager,
            data.take());
}

void buy_material(World& world, int site, Stamp when) {
  SiteState& state = world.sites[site];
  const double progress = world.progress(site);
  const double due = (progress - state.material_progress_bought) * state.budget_material *
                     world.drivers[site].material_overrun;
  post_expense(world, site, when, due, "material");
  state.material_progress_bought = progress;
}

void invoice_subcontracting(World& world, int site, Stamp when) {
  SiteState& state = world.sites[site];
  const SitePlan& plan = world.plans[site];
  if (plan.budget_subcontracting <= 0) return;
  while (state.subcontracting_steps < 5 &&
         world.progress(site) >= (state.subcontracting_steps + 1) / 5.0) {
    ++state.subcontracting_steps;
    post_expense(world, site, when + state.subcontracting_steps,
                 plan.budget_subcontracting / 5 * world.drivers[site].subcontracting_overrun *
                     state.rng.uniform(0.97, 1.03),
                 "subcontracting");
  }
}

void post_labour(World& world, int site, Stamp when) {
  SiteState& state = world.sites[site];
  post_expense(world, site, when, state.labour_accrued, "labour");
  state.labour_accrued = 0;
}

}  // namespace

void spend(World& world, int site, const DayClock& clock, const Presence& presence) {
  SiteState& state = world.sites[site];
  const SitePlan& plan = world.plans[site];
  const double present_share = 1 - presence.absence_loss / kAbsenceLoss;
  state.labour_accrued += plan.budget_labour / plan.planned_working_days * present_share;
  const Stamp office = at(clock.day, 10, 0) + state.rng.between(0, 5 * 3600);
  if (state.rng.chance(0.4)) buy_material(world, site, office);
  invoice_subcontracting(world, site, office + 60);
  if (clock.weekday == 5) {
    const double weeks = plan.planned_working_days / 5.0;
    post_expense(world, site, office + 120, plan.budget_other / weeks * state.rng.uniform(0.8, 1.2),
                 "other");
  }
  if (clock.last_working_day_of_month) post_labour(world, site, at(clock.day, 19, 0));
}

void settle_accounts(World& world, int site, const DayClock& clock) {
  const Stamp evening = at(clock.day, 18, 0);
  buy_material(world, site, evening);
  invoice_subcontracting(world, site, evening + 60);
  post_labour(world, site, evening + 120);
}

void revise_budget(World& world, int site, Stamp when) {
  SiteState& state = world.sites[site];
  const double factor = state.rng.uniform(1.02, 1.08);
  state.budget_total = rounded(state.budget_total * factor, 0);
  state.budget_material = rounded(state.budget_material * factor, 0);
  JsonWriter data;
  data.begin_object().field("budget_total", state.budget_total);
  data.field("budget_material", state.budget_material).end_object();
  world.add(site, when, EventType::budget_revised, Source::erp, world.plans[site].manager,
            data.take());
}

void pay_rework(World& world, int site, Stamp when) {
  const double scale = 1 + 2 * static_cast<int>(world.plans[site].size);
  post_expense(world, site, when, world.sites[site].rng.uniform(400, 3000) * scale, "material");
}

}  // namespace vigie::demo
