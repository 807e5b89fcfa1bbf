#include "support/event_samples.hpp"

#include <gtest/gtest.h>

#include "events/event.hpp"
#include "support/json_edit.hpp"

namespace vigie::testing {

namespace {

constexpr Minimal kMinimalEvents[] = {
    {"site.upserted",
     R"({"name":"Tour Oxygène","client":"Foncière Rhône","type":"tertiaire",)"
     R"("region":"Auvergne-Rhône-Alpes","city":"Lyon","lat":45.76,"lon":4.86,)"
     R"("budget_total":250000,"budget_material":100000,"planned_start":"2026-03-02",)"
     R"("planned_end":"2026-12-18","status":"active","complexity":3,"manager_id":"P-0001",)"
     R"("subcontractors":2})"},
    {"person.upserted", R"({"id":"P-0042","name":"Jeanne Martin","role":"chief"})"},
    {"team.upserted",
     R"({"id":"T-01","chief_id":"P-0042","member_ids":[],"weekly_capacity_hours":140})"},
    {"vehicle.upserted", R"({"id":"V-01","kind":"fourgon"})"},
    {"budget.revised", R"({"budget_total":260000,"budget_material":105000})"},
    {"expense.recorded", R"({"amount":1250.0,"category":"material"})"},
    {"progress.reported", R"({"percent_complete":40})"},
    {"timesheet.recorded",
     R"({"person_id":"P-0042","date":"2026-11-24","hours_total":8,"hours_billable":7})"},
    {"absence.recorded", R"({"person_id":"P-0042","date":"2026-11-24","days":1})"},
    {"trip.recorded", R"({"person_id":"P-0042","km":32.5,"minutes":40})"},
    {"photo.uploaded", R"({"photo_id":"PH-1","bytes":204800})"},
    {"report.submitted",
     R"({"report_id":"R-1","kind":"hebdomadaire","writing_minutes":25,"sent_to_client":true})"},
    {"incident.opened",
     R"({"incident_id":"I-1","description":"Fuite sur la colonne d'eau au R+2"})"},
    {"incident.taken", R"({"incident_id":"I-1","by":"P-0007"})"},
    {"incident.resolved", R"({"incident_id":"I-1","resolution":"Joint remplacé"})"},
    {"incident.relabelled", R"({"incident_id":"I-1","severity":"high"})"},
    {"request.opened", R"({"request_id":"Q-1","kind":"design_office_question",)"
                       R"("description":"Quelle section pour la poutre P3 ?"})"},
    {"request.resolved", R"({"request_id":"Q-1"})"},
    {"plan.modified", R"({"revision":2})"},
    {"satisfaction.recorded", R"({"score":8,"respondent":"client"})"},
    {"weather.forecast",
     R"({"date":"2026-11-24","rain_days_7d":3,"snow_days_7d":0,"frost_days_7d":2})"},
    {"app.used", R"({"person_id":"P-0042","feature":"photo"})"},
    {"site.completed", R"({"actual_end":"2026-12-18"})"},
    {"incident.classified", R"({"incident_id":"I-1","category":"technical","model_version":3})"},
    {"plan.accepted",
     R"({"plan_id":"PL-2026-W50-1a2b3c4d","week":"2026-W50","team_id":"T-01","km_saved":-12.5,)"
     R"("travel_hours_saved":-0.2,"accepted_by":"P-0002"})"},
};
static_assert(std::size(kMinimalEvents) == events::kEventTypeCount);

}  // namespace

std::span<const Minimal> minimal_events() { return kMinimalEvents; }

std::string_view minimal_data(std::string_view type) {
  for (const Minimal& m : kMinimalEvents) {
    if (m.type == type) return m.data;
  }
  ADD_FAILURE() << "no minimal data for " << type;
  return "{}";
}

bool siteless(std::string_view type) {
  return type == "person.upserted" || type == "team.upserted" || type == "vehicle.upserted";
}

// A valid envelope around `data`: site CH-1 (null for siteless types), 24/11/2026 08:15 Paris.
std::string envelope(std::string_view type, std::string_view data) {
  return std::string{R"({"id":"e-1","type":")"} + std::string{type} + R"(","site_id":)" +
         (siteless(type) ? "null" : R"("CH-1")") +
         R"(,"occurred_at":"2026-11-24T08:15:00+01:00","source":"mobile","actor_id":"P-0042",)" +
         R"("data":)" + std::string{data} + "}";
}

const std::string& expense_envelope() {
  static const std::string text = envelope("expense.recorded", minimal_data("expense.recorded"));
  return text;
}

const std::string& person_envelope() {
  static const std::string text = envelope("person.upserted", minimal_data("person.upserted"));
  return text;
}

std::string text_of_length(std::size_t bytes) { return json_quoted(std::string(bytes, 'a')); }

std::string euro_signs(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += "€";
  return json_quoted(text);
}

}  // namespace vigie::testing
