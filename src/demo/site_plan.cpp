#include "demo/site_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/time.hpp"
#include "demo/company.hpp"
#include "demo/french_names.hpp"
#include "demo/rng.hpp"
#include "demo/rounding.hpp"
#include "demo/towns.hpp"

namespace vigie::demo {
namespace {

constexpr std::uint64_t kPlanStream = 0x504C414E;  // "PLAN"
constexpr int kStartsAfterLastDay = 40;            // a few sites are signed but not started
constexpr double kCancelledShare = 0.015;

// Planned windows already given to a person or a team, to spread the load.
using Windows = std::vector<std::pair<std::int32_t, std::int32_t>>;

int overlaps(const Windows& windows, std::int32_t from, std::int32_t to) {
  int count = 0;
  for (const auto& [start, end] : windows) count += (start <= to && from <= end) ? 1 : 0;
  return count;
}

SizeClass draw_size(Rng& rng) {
  const double u = rng.uniform();
  return u < 0.30 ? SizeClass::petit : (u < 0.78 ? SizeClass::moyen : SizeClass::gros);
}

// Skewed towards the low end (u²), as real order books are; no logarithm so bytes stay portable.
double draw_budget(Rng& rng, SizeClass size) {
  const double u = rng.uniform();
  switch (size) {
    case SizeClass::petit: return rounded(25'000 + 70'000 * u * u, -2);
    case SizeClass::moyen: return rounded(110'000 + 840'000 * u * u, -3);
    case SizeClass::gros: return rounded(1'100'000 + 4'900'000 * u * u, -4);
  }
  return 0;
}

void split_budget(Rng& rng, SitePlan& site) {
  const double material = rng.uniform(0.35, 0.48);
  const double subcontracting =
      site.subcontractors > 0 ? std::min(0.3, 0.06 + 0.04 * site.subcontractors) : 0.0;
  const double other = rng.uniform(0.04, 0.07);
  site.budget_material = rounded(site.budget_total * material, 0);
  site.budget_subcontracting = rounded(site.budget_total * subcontracting, 0);
  site.budget_other = rounded(site.budget_total * other, 0);
  site.budget_labour = site.budget_total - site.budget_material - site.budget_subcontracting -
                       site.budget_other;
}

std::vector<std::string_view> pick_site_skills(Rng& rng, SiteType type) {
  constexpr std::string_view kMain[] = {"maconnerie", "platrerie", "gros_oeuvre", "menuiserie"};
  std::vector<std::string_view> skills{kMain[static_cast<int>(type)]};
  const int extra = rng.between(1, 3);
  for (int i = 0; i < extra; ++i) {
    const std::string_view skill = rng.pick(trade_skills());
    if (std::find(skills.begin(), skills.end(), skill) == skills.end()) skills.push_back(skill);
  }
  return skills;
}

SitePlan draw_site(Rng& rng, std::int32_t first_day, std::int32_t last_day) {
  SitePlan site;
  const double type_u = rng.uniform();
  site.type = type_u < 0.35   ? SiteType::residentiel
              : type_u < 0.6  ? SiteType::tertiaire
              : type_u < 0.8  ? SiteType::industriel
                              : SiteType::commercial;
  site.size = draw_size(rng);
  site.budget_total = draw_budget(rng, site.size);
  const int size_rank = static_cast<int>(site.size);
  site.complexity = rng.between(1 + size_rank, 3 + size_rank);
  site.subcontractors = size_rank == 0 ? rng.between(0, 1) : rng.between(size_rank - 1, 3 * size_rank);
  split_budget(rng, site);
  site.town = pick_town(rng);
  site.lat = rounded(towns()[site.town].lat + rng.uniform(-0.025, 0.025), 4);
  site.lon = rounded(towns()[site.town].lon + rng.uniform(-0.035, 0.035), 4);
  site.planned_start_day = first_day + rng.between(0, last_day - first_day + kStartsAfterLastDay);
  // Duration grows with the square root of the budget: 3 months at 50 k€, 8 at 400 k€,
  // 21 at 3 M€.
  const double days = 85 * std::sqrt(site.budget_total / 50'000) * rng.uniform(0.85, 1.15);
  site.planned_end_day = site.planned_start_day + std::max(30, static_cast<int>(days));
  site.planned_working_days = working_days_between(site.planned_start_day, site.planned_end_day);
  site.signed_day = std::max(first_day, site.planned_start_day - rng.between(45, 90));
  site.skills = pick_site_skills(rng, site.type);
  site.risk = rng.normal();
  site.cancelled = rng.chance(kCancelledShare);
  return site;
}

int year_of(std::int32_t day) { return static_cast<int>(date_from_days(day).year()); }

void name_sites(Rng& rng, std::vector<SitePlan>& sites) {
  int year = 0;
  int rank = 0;
  for (SitePlan& site : sites) {
    const int site_year = year_of(site.planned_start_day);
    rank = site_year == year ? rank + 1 : 1;
    year = site_year;
    char buf[32];
    std::snprintf(buf, sizeof buf, "CH-%d-%03d", year, rank);
    site.id = buf;
    const std::string_view town = towns()[site.town].name;
    site.name = site_name(rng, town, site.type);
    site.client = client_name(rng, town, site.type);
  }
}

// The candidate with the lowest load × weight + distance to the site.
template <class HomeOf>
int least_loaded(const std::vector<int>& candidates, const std::vector<Windows>& load,
                 const SitePlan& site, double km_per_site, HomeOf home_of) {
  const Town& town = towns()[site.town];
  int best = candidates.front();
  double best_score = 1e18;
  for (const int candidate : candidates) {
    const auto [lat, lon] = home_of(candidate);
    const double score =
        km_per_site * overlaps(load[candidate], site.planned_start_day, site.planned_end_day) +
        distance_km(lat, lon, town.lat, town.lon);
    if (score < best_score) best = candidate, best_score = score;
  }
  return best;
}

// A small site gets two or three of the team's workers; a middle one most of the team; a large
// one all of it. Those least busy over the site's window go first.
std::vector<int> choose_crew(Rng& rng, const Team& team, const std::vector<Windows>& person_load,
                             const SitePlan& site) {
  const int team_size = static_cast<int>(team.workers.size());
  const int wanted = site.size == SizeClass::petit   ? rng.between(2, 3)
                     : site.size == SizeClass::moyen ? team_size - rng.between(0, 2)
                                                     : team_size;
  std::vector<int> crew = team.workers;
  std::stable_sort(crew.begin(), crew.end(), [&](int a, int b) {
    return overlaps(person_load[a], site.planned_start_day, site.planned_end_day) <
           overlaps(person_load[b], site.planned_start_day, site.planned_end_day);
  });
  crew.resize(static_cast<std::size_t>(std::clamp(wanted, 1, team_size)));
  return crew;
}

void assign_people(Rng& rng, const Company& company, std::vector<SitePlan>& sites) {
  std::vector<Windows> person_load(company.people.size());
  std::vector<Windows> team_load(company.teams.size());
  std::vector<int> team_ids(company.teams.size());
  for (std::size_t i = 0; i < team_ids.size(); ++i) team_ids[i] = static_cast<int>(i);
  for (SitePlan& site : sites) {
    const std::pair window{site.planned_start_day, site.planned_end_day};
    site.manager = least_loaded(company.managers, person_load, site, 25, [&](int p) {
      return std::pair{company.people[p].home_lat, company.people[p].home_lon};
    });
    site.team = least_loaded(team_ids, team_load, site, 60, [&](int t) {
      const Town& base = towns()[company.teams[t].base_town];
      return std::pair{base.lat, base.lon};
    });
    // A cancelled site had its manager and planned team, but never takes anyone's time.
    if (site.cancelled) continue;
    site.crew = choose_crew(rng, company.teams[site.team], person_load, site);
    person_load[site.manager].push_back(window);
    team_load[site.team].push_back(window);
    for (const int worker : site.crew) person_load[worker].push_back(window);
  }
}

}  // namespace

std::string_view site_type_name(SiteType type) {
  constexpr std::string_view kNames[] = {"residentiel", "tertiaire", "industriel", "commercial"};
  return kNames[static_cast<int>(type)];
}

bool is_working_day(std::int32_t day) {
  const int weekday = ((day % 7) + 11) % 7;  // 1970-01-01 was a Thursday (4); 0 is Sunday
  return weekday >= 1 && weekday <= 5;
}

int working_days_between(std::int32_t first_day, std::int32_t last_day) {
  int count = 0;
  for (std::int32_t day = first_day; day <= last_day; ++day) count += is_working_day(day) ? 1 : 0;
  return count;
}

std::vector<SitePlan> plan_sites(int count, std::int32_t first_day, std::int32_t last_day,
                                 const Company& company, std::uint64_t seed) {
  Rng rng{stream_seed(seed, kPlanStream)};
  std::vector<SitePlan> sites;
  sites.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) sites.push_back(draw_site(rng, first_day, last_day));
  std::stable_sort(sites.begin(), sites.end(), [](const SitePlan& a, const SitePlan& b) {
    return a.planned_start_day < b.planned_start_day;
  });
  name_sites(rng, sites);
  assign_people(rng, company, sites);
  return sites;
}

}  // namespace vigie::demo
