// demo/site_plan.hpp
//
// What is fixed about a site when its contract is signed: client, place, budget split, planned
// dates, complexity, subcontractors, who runs it (manager, team, crew), and its hidden difficulty
// (`risk`), the latent cause that docs/demo-company.md describes. The simulation reads plans and
// never changes them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::demo {

struct Company;

enum class SiteType { residentiel, tertiaire, industriel, commercial };
enum class SizeClass { petit, moyen, gros };
using SiteTypeMask = std::uint8_t;  // bit (1 << SiteType)

std::string_view site_type_name(SiteType type);

struct SitePlan {
  std::string id;  // "CH-2024-017": year of planned start, rank in that year
  std::string name;
  std::string client;
  SiteType type = SiteType::residentiel;
  SizeClass size = SizeClass::petit;
  int town = 0;  // index in towns()
  double lat = 0;  // the plot, a little off the town hall
  double lon = 0;
  double budget_total = 0;  // €, the sum of the four parts below
  double budget_material = 0;
  double budget_labour = 0;
  double budget_subcontracting = 0;
  double budget_other = 0;
  std::int32_t signed_day = 0;  // days since epoch: first site.upserted (status planned)
  std::int32_t planned_start_day = 0;
  std::int32_t planned_end_day = 0;
  int planned_working_days = 0;  // Monday–Friday in [planned_start, planned_end]
  int complexity = 1;
  int subcontractors = 0;
  std::vector<std::string_view> skills;
  int manager = 0;  // indices in Company::people / Company::teams
  int team = 0;
  std::vector<int> crew;  // the team's workers put on this site
  double risk = 0;        // latent difficulty, about N(0, 1); never emitted
  bool cancelled = false;  // called off before it starts
};

// Monday to Friday. The demo knows no public holidays (only common/calendar_fr would).
bool is_working_day(std::int32_t day);
int working_days_between(std::int32_t first_day, std::int32_t last_day);  // both included

// `count` sites starting between first_day and a few weeks after last_day, ordered by planned
// start, with managers, teams and crews chosen by load and distance.
std::vector<SitePlan> plan_sites(int count, std::int32_t first_day, std::int32_t last_day,
                                 const Company& company, std::uint64_t seed);

}  // namespace vigie::demo
