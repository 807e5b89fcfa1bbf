#include "demo/records.hpp"

#include "common/json_writer.hpp"
#include "demo/towns.hpp"

namespace vigie::demo {
namespace {

std::string_view role_name(Role role) {
  constexpr std::string_view kNames[] = {"direction", "manager", "design_office", "chief",
                                         "worker"};
  return kNames[static_cast<int>(role)];
}

void write_list(JsonWriter& out, std::string_view name, const std::vector<std::string_view>& items) {
  out.key(name).begin_array();
  for (const std::string_view item : items) out.value(item);
  out.end_array();
}

template <class Items, class IdOf>
void write_ids(JsonWriter& out, std::string_view name, const Items& items, IdOf id_of) {
  out.key(name).begin_array();
  for (const auto& item : items) out.value(id_of(item));
  out.end_array();
}

void write_preferences(JsonWriter& out, SiteTypeMask types) {
  out.key("preferences");
  if (types == 0) {
    out.null();
    return;
  }
  out.begin_object().key("site_types").begin_array();
  for (int type = 0; type < 4; ++type) {
    if (types & (1u << type)) out.value(site_type_name(static_cast<SiteType>(type)));
  }
  out.end_array().end_object();
}

void write_date_or_null(JsonWriter& out, std::string_view name, std::int32_t day) {
  out.key(name);
  if (day < 0) out.null(); else out.value(format_iso_date(date_from_days(day)));
}

}  // namespace

std::string_view status_name(SiteStatus status) {
  constexpr std::string_view kNames[] = {"planned", "planned",   "active",
                                         "suspended", "completed", "cancelled"};
  return kNames[static_cast<int>(status)];
}

std::string person_record(const Person& person) {
  JsonWriter out;
  out.begin_object().field("id", person.id).field("name", person.name);
  out.field("role", role_name(person.role)).field("experience_years", person.experience_years);
  out.field("home_lat", person.home_lat).field("home_lon", person.home_lon);
  if (!person.skills.empty()) write_list(out, "skills", person.skills);
  out.field("hourly_cost", person.hourly_cost);
  if (person.role == Role::chief) write_preferences(out, person.preferred_types);
  return out.end_object().take();
}

std::string team_record(const Team& team, const Company& company) {
  JsonWriter out;
  out.begin_object().field("id", team.id).field("chief_id", company.people[team.chief].id);
  write_ids(out, "member_ids", team.workers, [&](int p) { return company.people[p].id; });
  std::vector<int> vehicles;
  std::vector<int> tools;
  for (const int e : team.equipment) (company.equipment[e].tool ? tools : vehicles).push_back(e);
  write_ids(out, "vehicle_ids", vehicles, [&](int e) { return company.equipment[e].id; });
  write_ids(out, "tool_ids", tools, [&](int e) { return company.equipment[e].id; });
  // 39 h a week for the chief and each worker.
  out.field("weekly_capacity_hours", static_cast<int>(39 * (team.workers.size() + 1)));
  return out.end_object().take();
}

std::string equipment_record(const Equipment& item) {
  JsonWriter out;
  out.begin_object().field("id", item.id).field("kind", item.kind);
  write_date_or_null(out, "available_from", item.available_from_day);
  write_date_or_null(out, "available_to", item.available_to_day);
  return out.end_object().take();
}

std::string site_record(const World& world, int site, std::string_view status) {
  const SitePlan& plan = world.plans[site];
  const SiteState& state = world.sites[site];
  const Town& town = towns()[plan.town];
  JsonWriter out;
  out.begin_object().field("id", plan.id).field("name", plan.name).field("client", plan.client);
  out.field("type", site_type_name(plan.type)).field("region", town.department);
  out.field("city", town.name).field("lat", plan.lat).field("lon", plan.lon);
  out.field("budget_total", state.budget_total).field("budget_material", state.budget_material);
  write_date_or_null(out, "planned_start", plan.planned_start_day);
  write_date_or_null(out, "planned_end", plan.planned_end_day);
  write_date_or_null(out, "actual_end", state.actual_end_day);
  out.field("status", status).field("complexity", plan.complexity);
  out.field("manager_id", world.person_id(plan.manager));
  out.field("chief_id", world.person_id(world.chief_of(site)));
  out.field("team_id", world.company.teams[plan.team].id);
  out.field("subcontractors", plan.subcontractors);
  write_list(out, "required_skills", plan.skills);
  return out.end_object().take();
}

}  // namespace vigie::demo
