// demo/company.hpp
//
// The demo company's people, teams and equipment: direction, managers (responsables d'affaires),
// the design office, and teams of a chief and workers with their vehicles and tools. Built once
// from the seed, then read-only; what changes during the simulation lives in the simulation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "demo/rng.hpp"
#include "demo/site_plan.hpp"

namespace vigie::demo {

enum class Role { direction, manager, design_office, chief, worker };

struct Person {
  std::string id;  // "P-0042"
  std::string name;
  Role role = Role::worker;
  double experience_years = 0;
  double home_lat = 0;
  double home_lon = 0;
  std::vector<std::string_view> skills;
  double hourly_cost = 0;          // €
  int team = -1;                   // chiefs and workers
  int home_town = 0;               // index in towns()
  double app_adoption = 0;         // chance of using the mobile app on a working day
  SiteTypeMask preferred_types = 0;  // chiefs: site types they prefer (bit per SiteType)
};

struct Equipment {
  std::string id;  // "V-01" for vehicles, "O-01" for tools
  std::string_view kind;
  bool tool = false;
  std::int32_t available_from_day = 0;  // days since epoch
  std::int32_t available_to_day = -1;   // -1: no end
};

struct Team {
  std::string id;  // "T-01"
  int chief = 0;   // index in Company::people
  std::vector<int> workers;
  std::vector<int> equipment;  // indices in Company::equipment
  int base_town = 0;
};

struct Company {
  std::vector<Person> people;
  std::vector<Team> teams;
  std::vector<Equipment> equipment;
  std::vector<int> managers;
  std::vector<int> design_office;
};

// "P-0042", "INC-000042": a prefix and a zero-padded number.
std::string numbered_id(const char* prefix, std::uint64_t number, int width);

// Sized for `sites` sites over the run: 15 teams, 6 managers and 4 design-office engineers per
// 100 sites, never fewer. `first_day` dates the equipment's availability.
Company build_company(int sites, std::int32_t first_day, Rng& rng);

// A firm trains or hires for the work it takes on: once the sites are planned, each required
// skill a site's team lacks goes to the team's worker with the fewest skills (the chief when it
// has none), so that the history never sends a team without a skill its site needs. No random
// draw: every other event of the demo stays the same.
void teach_teams_their_sites(Company& company, const std::vector<SitePlan>& sites);

}  // namespace vigie::demo
