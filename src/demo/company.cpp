#include "demo/company.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "demo/french_names.hpp"
#include "demo/rounding.hpp"
#include "demo/towns.hpp"

namespace vigie::demo {
namespace {

constexpr int kMinTeams = 15;
constexpr int kMinManagers = 6;
constexpr int kMinDesignOffice = 4;
constexpr int kDirection = 2;

std::vector<std::string_view> pick_skills(Rng& rng, std::span<const std::string_view> from,
                                          int count) {
  std::vector<std::string_view> skills;
  while (static_cast<int>(skills.size()) < count) {
    const std::string_view skill = rng.pick(from);
    if (std::find(skills.begin(), skills.end(), skill) == skills.end()) skills.push_back(skill);
  }
  return skills;
}

double chief_experience(Rng& rng) {
  const double u = rng.uniform();
  if (u < 0.2) return rounded_to_half(rng.uniform(0.5, 2.9));  // newly promoted
  if (u < 0.65) return rounded_to_half(rng.uniform(3, 10));
  return rounded_to_half(rng.uniform(10, 30));
}

Person make_person(Company& company, Rng& rng, Role role, int town) {
  Person person;
  person.id = numbered_id("P", company.people.size() + 1, 4);
  person.name = person_name(rng);
  person.role = role;
  person.home_town = town;
  person.home_lat = towns()[town].lat + rng.uniform(-0.12, 0.12);
  person.home_lon = towns()[town].lon + rng.uniform(-0.16, 0.16);
  person.home_lat = rounded(person.home_lat, 4);
  person.home_lon = rounded(person.home_lon, 4);
  return person;
}

void add_staff(Company& company, Rng& rng, Role role, int count, double cost_lo, double cost_hi) {
  for (int i = 0; i < count; ++i) {
    Person person = make_person(company, rng, role, pick_town(rng));
    person.experience_years = rounded(rng.uniform(4, 30), 0);
    person.hourly_cost = rounded_to_half(rng.uniform(cost_lo, cost_hi));
    if (role == Role::design_office) person.skills = pick_skills(rng, design_skills(), 2);
    const int index = static_cast<int>(company.people.size());
    if (role == Role::manager) company.managers.push_back(index);
    if (role == Role::design_office) company.design_office.push_back(index);
    company.people.push_back(std::move(person));
  }
}

int add_chief(Company& company, Rng& rng, int team, int town) {
  Person chief = make_person(company, rng, Role::chief, town);
  chief.experience_years = chief_experience(rng);
  chief.hourly_cost = rounded_to_half(44 + 0.4 * chief.experience_years + rng.uniform(0, 3));
  chief.skills = pick_skills(rng, trade_skills(), rng.between(3, 5));
  chief.team = team;
  chief.app_adoption = 0.55 + 0.44 * std::sqrt(rng.uniform());
  chief.preferred_types = static_cast<SiteTypeMask>(1u << rng.between(0, 3));
  if (rng.chance(0.4)) chief.preferred_types |= static_cast<SiteTypeMask>(1u << rng.between(0, 3));
  company.people.push_back(std::move(chief));
  return static_cast<int>(company.people.size()) - 1;
}

int add_worker(Company& company, Rng& rng, int team, int town) {
  Person worker = make_person(company, rng, Role::worker, town);
  worker.experience_years = rounded(rng.uniform(0, 30), 0);
  worker.hourly_cost = rounded_to_half(30 + 0.3 * worker.experience_years + rng.uniform(0, 4));
  worker.skills = pick_skills(rng, trade_skills(), rng.between(1, 3));
  worker.team = team;
  worker.app_adoption = rng.uniform(0.4, 0.95);
  company.people.push_back(std::move(worker));
  return static_cast<int>(company.people.size()) - 1;
}

int add_equipment(Company& company, Rng& rng, bool tool, std::int32_t first_day) {
  Equipment item;
  const auto same_kind = std::count_if(company.equipment.begin(), company.equipment.end(),
                                       [tool](const Equipment& e) { return e.tool == tool; });
  item.id = numbered_id(tool ? "O" : "V", static_cast<std::uint64_t>(same_kind) + 1, 2);
  item.tool = tool;
  item.kind = rng.pick(tool ? tool_kinds() : vehicle_kinds());
  item.available_from_day = first_day - rng.between(0, 900);
  // Rented tools go back to the renter at some point.
  if (tool && rng.chance(0.15)) item.available_to_day = first_day + rng.between(200, 900);
  company.equipment.push_back(item);
  return static_cast<int>(company.equipment.size()) - 1;
}

void add_team(Company& company, Rng& rng, std::int32_t first_day) {
  Team team;
  const int index = static_cast<int>(company.teams.size());
  team.id = numbered_id("T", static_cast<std::uint64_t>(index) + 1, 2);
  team.base_town = pick_town(rng);
  team.chief = add_chief(company, rng, index, team.base_town);
  const int workers = rng.between(6, 9);
  for (int i = 0; i < workers; ++i) {
    team.workers.push_back(add_worker(company, rng, index, team.base_town));
  }
  const int vehicles = rng.between(1, 2);
  for (int i = 0; i < vehicles; ++i) team.equipment.push_back(add_equipment(company, rng, false, first_day));
  const int tools = rng.between(1, 3);
  for (int i = 0; i < tools; ++i) team.equipment.push_back(add_equipment(company, rng, true, first_day));
  company.teams.push_back(std::move(team));
}

int scaled(int sites, double per_hundred, int minimum) {
  return std::max(minimum, static_cast<int>(std::lround(sites * per_hundred / 100.0)));
}

}  // namespace

void teach_teams_their_sites(Company& company, const std::vector<SitePlan>& sites) {
  for (const SitePlan& site : sites) {
    Team& team = company.teams[static_cast<std::size_t>(site.team)];
    std::vector<int> members = team.workers;
    members.push_back(team.chief);
    for (const std::string_view skill : site.skills) {
      const auto holds = [&](int person) {
        const auto& skills = company.people[static_cast<std::size_t>(person)].skills;
        return std::find(skills.begin(), skills.end(), skill) != skills.end();
      };
      if (std::any_of(members.begin(), members.end(), holds)) continue;
      const auto learner = std::min_element(members.begin(), members.end(), [&](int a, int b) {
        return company.people[static_cast<std::size_t>(a)].skills.size() <
               company.people[static_cast<std::size_t>(b)].skills.size();
      });
      company.people[static_cast<std::size_t>(*learner)].skills.push_back(skill);
    }
  }
}

std::string numbered_id(const char* prefix, std::uint64_t number, int width) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s-%0*llu", prefix, width,
                static_cast<unsigned long long>(number));
  return buf;
}

Company build_company(int sites, std::int32_t first_day, Rng& rng) {
  Company company;
  add_staff(company, rng, Role::direction, kDirection, 85, 95);
  add_staff(company, rng, Role::manager, scaled(sites, kMinManagers, kMinManagers), 58, 72);
  add_staff(company, rng, Role::design_office, scaled(sites, kMinDesignOffice, kMinDesignOffice),
            52, 68);
  const int teams = scaled(sites, kMinTeams, kMinTeams);
  for (int i = 0; i < teams; ++i) add_team(company, rng, first_day);
  return company;
}

}  // namespace vigie::demo
