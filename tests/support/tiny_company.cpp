#include "support/tiny_company.hpp"

#include <stdexcept>

#include "common/json_writer.hpp"
#include "events/parse.hpp"

namespace vigie::testing {
namespace {

// The envelope's members up to `"data":`, the writer then expecting the data's value.
JsonWriter& envelope_head(JsonWriter& out, const std::string& id, const std::string& type,
                          const std::string& site_id, const std::string& at) {
  out.begin_object().field("id", id).field("type", type);
  if (site_id.empty()) {
    out.key("site_id").null();
  } else {
    out.field("site_id", site_id);
  }
  out.field("occurred_at", at).field("source", "web").field("actor_id", "P-0001");
  return out.key("data");
}

JsonWriter& envelope(JsonWriter& out, const std::string& id, const std::string& type,
                     const std::string& site_id, const std::string& at) {
  return envelope_head(out, id, type, site_id, at).begin_object();
}

}  // namespace

std::string site_data(const std::string& id, const std::string& type, const std::string& region,
                      const std::string& manager, const std::string& team, double budget,
                      const std::string& start, const std::string& end, const std::string& status) {
  JsonWriter out;
  out.begin_object().field("id", id).field("name", "Chantier " + id).field("client", "Client")
      .field("type", type).field("region", region).field("city", "Lyon").field("lat", 45.76)
      .field("lon", 4.84).field("budget_total", budget).field("budget_material", 0.0)
      .field("planned_start", start).field("planned_end", end);
  out.key("actual_end").null();
  out.field("status", status).field("complexity", 3).field("manager_id", manager)
      .field("chief_id", "P-C" + id).field("team_id", team).field("subcontractors", 0)
      .key("required_skills").begin_array().end_array();
  return out.end_object().take();
}

std::string event_json(const std::string& event_id, const std::string& type,
                       const std::string& site_id, const std::string& at,
                       const std::string& data) {
  JsonWriter out;
  envelope_head(out, event_id, type, site_id, at).raw(data);
  return out.end_object().take();
}

std::string site_json(const std::string& event_id, const std::string& site_id,
                      const std::string& at, double budget_total, const std::string& status) {
  JsonWriter out;
  envelope(out, event_id, "site.upserted", site_id, at)
      .field("id", site_id).field("name", "Lyon Tertiaire – Tour Oxygène")
      .field("client", "Foncière Rhône").field("type", "tertiaire")
      .field("region", "Auvergne-Rhône-Alpes").field("city", "Lyon")
      .field("lat", 45.7603).field("lon", 4.8597).field("budget_total", budget_total)
      .field("budget_material", budget_total * 0.4).field("planned_start", "2026-01-05")
      .field("planned_end", "2026-12-18").field("status", status).field("complexity", 3)
      .field("manager_id", "P-0002").field("chief_id", "P-0001").field("team_id", "T-01")
      .field("subcontractors", 2).key("required_skills").begin_array().value("gros oeuvre")
      .value("électricité").end_array();
  return out.end_object().end_object().take();
}

std::string expense_json(const std::string& event_id, const std::string& site_id,
                         const std::string& at, double amount, const std::string& category) {
  JsonWriter out;
  envelope(out, event_id, "expense.recorded", site_id, at)
      .field("amount", amount).field("category", category);
  return out.end_object().end_object().take();
}

std::string budget_json(const std::string& event_id, const std::string& site_id,
                        const std::string& at, double total, double material) {
  JsonWriter out;
  envelope(out, event_id, "budget.revised", site_id, at)
      .field("budget_total", total).field("budget_material", material);
  return out.end_object().end_object().take();
}

std::string completed_json(const std::string& event_id, const std::string& site_id,
                           const std::string& at, const std::string& actual_end) {
  JsonWriter out;
  envelope(out, event_id, "site.completed", site_id, at).field("actual_end", actual_end);
  return out.end_object().end_object().take();
}

std::string person_json(const std::string& event_id, const std::string& person_id,
                        const std::string& at, const std::string& role) {
  JsonWriter out;
  envelope(out, event_id, "person.upserted", "", at)
      .field("id", person_id).field("name", "Karim Benali").field("role", role)
      .field("experience_years", 7);
  return out.end_object().end_object().take();
}

events::Event event_from(const std::string& json) {
  auto event = events::parse_event(json);
  if (!event) throw std::runtime_error("test event does not validate: " + event.error().describe());
  return std::move(*event);
}

std::vector<events::Event> overrunning_site() {
  return {
      event_from(person_json("p1", "P-M", "2026-01-05T08:00:00+01:00", "manager")),
      event_from(event_json("s1", "site.upserted", "CH-1", "2026-11-02T08:00:00+01:00",
                            site_data("CH-1", "tertiaire", "Rhône", "P-M", "T-1", 100000, "2026-11-02",
                                      "2027-06-30", "active"))),
      event_from(event_json("e1", "expense.recorded", "CH-1", "2026-11-05T10:00:00+01:00",
                            R"({"amount":60000,"category":"material"})")),
      event_from(event_json("g1", "progress.reported", "CH-1", "2026-11-20T17:00:00+01:00",
                            R"({"percent_complete":50})")),
  };
}

}  // namespace vigie::testing
