#include "events/records.hpp"

#include "events/data_fields.hpp"

namespace vigie::events {
namespace {

std::string text(const DataFields& data, std::string_view name) { return std::string{data.text(name)}; }
double number(const DataFields& data, std::string_view name) { return data.number(name).value_or(0); }

}  // namespace

Expected<SiteRecord> decode_site(const Event& event) {
  auto parsed = DataFields::of(event);
  if (!parsed) return parsed.error();
  const auto& data = *parsed;
  SiteRecord site;
  site.id = event.site_id;
  site.name = text(data, "name");
  site.client = text(data, "client");
  site.type = text(data, "type");
  site.region = text(data, "region");
  site.city = text(data, "city");
  site.lat = number(data, "lat");
  site.lon = number(data, "lon");
  site.budget_total = Cents::from_euros(number(data, "budget_total"));
  site.budget_material = Cents::from_euros(number(data, "budget_material"));
  site.planned_start = data.date("planned_start").value_or(LocalDate{});
  site.planned_end = data.date("planned_end").value_or(LocalDate{});
  site.actual_end = data.date("actual_end");
  site.status = text(data, "status");
  site.complexity = static_cast<int>(number(data, "complexity"));
  site.manager_id = text(data, "manager_id");
  site.chief_id = text(data, "chief_id");
  site.team_id = text(data, "team_id");
  site.subcontractors = static_cast<int>(number(data, "subcontractors"));
  site.required_skills = data.text_list("required_skills");
  return site;
}

Expected<EntityKey> decode_entity_key(const Event& event) {
  auto parsed = DataFields::of(event);
  if (!parsed) return parsed.error();
  EntityKey key{text(*parsed, "id"), {}};
  switch (event.type) {
    case EventType::person_upserted: key.label = text(*parsed, "role"); break;
    case EventType::team_upserted: key.label = text(*parsed, "chief_id"); break;
    case EventType::vehicle_upserted: key.label = text(*parsed, "kind"); break;
    default: return Error::invalid("type", "is not a person, team or vehicle upsert");
  }
  return key;
}

Expected<BudgetRevision> decode_budget(const Event& event) {
  auto parsed = DataFields::of(event);
  if (!parsed) return parsed.error();
  return BudgetRevision{Cents::from_euros(number(*parsed, "budget_total")),
                        Cents::from_euros(number(*parsed, "budget_material"))};
}

Expected<LocalDate> decode_actual_end(const Event& event) {
  auto parsed = DataFields::of(event);
  if (!parsed) return parsed.error();
  const auto end = parsed->date("actual_end");
  if (!end) return Error::invalid("data.actual_end", "must be a date YYYY-MM-DD");
  return *end;
}

}  // namespace vigie::events
