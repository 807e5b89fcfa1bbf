#include "demo/demo_company.hpp"

#include <algorithm>

#include "demo/simulation.hpp"
#include "demo/truth.hpp"

namespace vigie::demo {
namespace {

constexpr std::uint64_t kCompanyStream = 0x434F4D50;  // "COMP"
constexpr std::uint64_t kSiteStream = 0x53495445;     // "SITE"
constexpr std::uint64_t kTruthStream = 0x54525554;    // "TRUT"
constexpr LocalDate kDefaultEnd{std::chrono::year{2026}, std::chrono::June, std::chrono::day{30}};

World build_world(const DemoOptions& options, std::int32_t first_day, std::int32_t last_day) {
  World world{options.seed};
  Rng company_rng{stream_seed(options.seed, kCompanyStream)};
  world.company = build_company(options.sites, first_day, company_rng);
  world.plans = plan_sites(options.sites, first_day, last_day, world.company, options.seed);
  teach_teams_their_sites(world.company, world.plans);
  world.people.resize(world.company.people.size());
  for (std::size_t site = 0; site < world.plans.size(); ++site) {
    world.drivers.push_back(site_drivers(world.plans[site], world.company));
    world.sites.emplace_back(stream_seed(options.seed, kSiteStream, site));
  }
  return world;
}

SiteTruth truth_of(const World& world, std::size_t site, std::uint64_t seed) {
  const SitePlan& plan = world.plans[site];
  const Outlook outlook =
      estimate_outlook(plan, world.drivers[site], stream_seed(seed, kTruthStream, site));
  SiteTruth truth{plan.id, outlook.p_late, outlook.expected_delay_days, false, 0};
  const SiteState& state = world.sites[site];
  if (state.status == SiteStatus::completed) {
    truth.delay_days = std::max(0, state.actual_end_day - plan.planned_end_day);
    truth.late = truth.delay_days > 0;
  }
  return truth;
}

}  // namespace

DemoSummary generate(const DemoOptions& options,
                     const std::function<void(std::string_view json)>& emit) {
  DemoSummary summary;
  if (options.sites <= 0) return summary;
  const LocalDate end = options.end.ok() ? options.end : kDefaultEnd;
  const std::int32_t last_day = days_since_epoch(end);
  const int years = std::max(1, options.years);
  const std::int32_t first_day = last_day - 365 * years - years / 4 + 1;
  World world = build_world(options, first_day, last_day);
  run_days(world, first_day, last_day, emit);
  summary.events = world.events.emitted();
  for (std::size_t site = 0; site < world.plans.size(); ++site) {
    summary.truth.push_back(truth_of(world, site, options.seed));
  }
  return summary;
}

}  // namespace vigie::demo
