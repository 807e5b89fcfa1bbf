#include "events/records.hpp"

#include <simdjson.h>

namespace vigie::events {
namespace {

simdjson::dom::parser& thread_parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

Expected<simdjson::dom::object> parse_data(const Event& event) {
  const auto doc = thread_parser().parse(event.data);
  if (doc.error() || !doc.value_unsafe().is_object()) {
    return Error::invalid("data", "is not a JSON object");
  }
  return doc.value_unsafe().get_object().value_unsafe();
}

std::string text(const simdjson::dom::object& data, const char* name) {
  const auto field = data[name];
  if (field.error() || !field.value_unsafe().is_string()) return {};
  return std::string{field.value_unsafe().get_string().value_unsafe()};
}

double number(const simdjson::dom::object& data, const char* name) {
  const auto field = data[name];
  if (field.error()) return 0;
  const auto value = field.value_unsafe().get_double();
  return value.error() ? 0 : value.value_unsafe();
}

std::optional<LocalDate> date(const simdjson::dom::object& data, const char* name) {
  return parse_iso_date(text(data, name));
}

std::vector<std::string> text_list(const simdjson::dom::object& data, const char* name) {
  std::vector<std::string> out;
  const auto field = data[name];
  simdjson::dom::array items;
  if (field.error() || field.value_unsafe().get_array().get(items) != simdjson::SUCCESS) return out;
  for (const simdjson::dom::element item : items) {
    if (item.is_string()) out.emplace_back(item.get_string().value_unsafe());
  }
  return out;
}

}  // namespace

Expected<SiteRecord> decode_site(const Event& event) {
  auto parsed = parse_data(event);
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
  site.planned_start = date(data, "planned_start").value_or(LocalDate{});
  site.planned_end = date(data, "planned_end").value_or(LocalDate{});
  site.actual_end = date(data, "actual_end");
  site.status = text(data, "status");
  site.complexity = static_cast<int>(number(data, "complexity"));
  site.manager_id = text(data, "manager_id");
  site.chief_id = text(data, "chief_id");
  site.team_id = text(data, "team_id");
  site.subcontractors = static_cast<int>(number(data, "subcontractors"));
  site.required_skills = text_list(data, "required_skills");
  return site;
}

Expected<EntityKey> decode_entity_key(const Event& event) {
  auto parsed = parse_data(event);
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
  auto parsed = parse_data(event);
  if (!parsed) return parsed.error();
  return BudgetRevision{Cents::from_euros(number(*parsed, "budget_total")),
                        Cents::from_euros(number(*parsed, "budget_material"))};
}

Expected<LocalDate> decode_actual_end(const Event& event) {
  auto parsed = parse_data(event);
  if (!parsed) return parsed.error();
  const auto end = date(*parsed, "actual_end");
  if (!end) return Error::invalid("data.actual_end", "must be a date YYYY-MM-DD");
  return *end;
}

}  // namespace vigie::events
