// Every rule of the event catalogue (catalogue.cpp) and of the cross-field checks
// (validate_data.cpp), as tables of cases: each refusal names the exact field and message a
// sender receives.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "events/catalogue.hpp"
#include "events/parse.hpp"
#include "support/event_samples.hpp"
#include "support/json_edit.hpp"

namespace vigie::events {
namespace {

using testing::envelope;
using testing::euro_signs;
using testing::Minimal;
using testing::minimal_data;
using testing::minimal_events;
using testing::siteless;
using testing::text_of_length;
using testing::with_member;
using testing::without_member;

// The data rules hold whoever wrote the event; Vigie's own types (is_vigie_only) included.
Expected<Event> parse_any(std::string_view json) { return parse_event(json, Origin::vigie); }


TEST(EventValidation, AcceptsTheMinimalEventOfEveryType) {
  for (const Minimal& m : minimal_events()) {
    SCOPED_TRACE(m.type);
    const auto event = parse_any(envelope(m.type, m.data));
    ASSERT_TRUE(event) << event.error().describe();
    EXPECT_EQ(type_name(event->type), m.type);
    EXPECT_EQ(event->site_id, siteless(m.type) ? "" : "CH-1");
    EXPECT_EQ(event->data, m.data);
  }
}

TEST(EventValidation, EveryTypeOfTheCatalogueHasAMinimalEvent) {
  for (const std::string_view name : kTypeNames) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(parse_any(envelope(name, minimal_data(name))));
  }
}

// A refusal of `data`: the type's minimal data with member `member` set to `value` (JSON text),
// or without it when `value` is empty; the whole data is `value` when `member` is empty.
struct DataRefusal {
  std::string name;
  std::string_view type;
  std::string_view member;
  std::string value;
  std::string field;
  std::string message;
};

const std::vector<DataRefusal>& data_refusals() {
  static const std::vector<DataRefusal> cases = {
      // site.upserted
      {"site: data.id other than site_id", "site.upserted", "id", R"("CH-2")", "data.id",
       "must equal site_id"},
      {"site: empty data.id", "site.upserted", "id", R"("")", "data.id", "must not be empty"},
      {"site: name missing", "site.upserted", "name", "", "data.name", "is required"},
      {"site: name null", "site.upserted", "name", "null", "data.name", "is required"},
      {"site: name a number", "site.upserted", "name", "42", "data.name", "must be a string"},
      {"site: client empty", "site.upserted", "client", R"("")", "data.client",
       "must not be empty"},
      {"site: unknown type", "site.upserted", "type", R"("villa")", "data.type",
       "must be one of residentiel, tertiaire, industriel, commercial"},
      {"site: type not a string", "site.upserted", "type", "1", "data.type",
       "must be one of residentiel, tertiaire, industriel, commercial"},
      {"site: region 201 bytes", "site.upserted", "region", text_of_length(201), "data.region",
       "must be at most 200 bytes"},
      {"site: city missing", "site.upserted", "city", "", "data.city", "is required"},
      {"site: lat below -90", "site.upserted", "lat", "-90.5", "data.lat", "must be >= -90"},
      {"site: lat above 90", "site.upserted", "lat", "90.5", "data.lat", "must be <= 90"},
      {"site: lat as text", "site.upserted", "lat", R"("45.76")", "data.lat", "must be a number"},
      {"site: lon below -180", "site.upserted", "lon", "-181", "data.lon", "must be >= -180"},
      {"site: lon above 180", "site.upserted", "lon", "180.5", "data.lon", "must be <= 180"},
      {"site: negative budget_total", "site.upserted", "budget_total", "-1", "data.budget_total",
       "must be >= 0"},
      {"site: negative budget_material", "site.upserted", "budget_material", "-0.01",
       "data.budget_material", "must be >= 0"},
      {"site: 30 February", "site.upserted", "planned_start", R"("2026-02-30")",
       "data.planned_start", "must be a date YYYY-MM-DD"},
      {"site: French date order", "site.upserted", "planned_end", R"("18/12/2026")",
       "data.planned_end", "must be a date YYYY-MM-DD"},
      {"site: planned_end before planned_start", "site.upserted", "planned_end", R"("2026-03-01")",
       "data.planned_end", "must not be before planned_start"},
      {"site: actual_end month 13", "site.upserted", "actual_end", R"("2026-13-01")",
       "data.actual_end", "must be a date YYYY-MM-DD"},
      {"site: unknown status", "site.upserted", "status", R"("open")", "data.status",
       "must be one of planned, active, suspended, completed, cancelled"},
      {"site: complexity 0", "site.upserted", "complexity", "0", "data.complexity", "must be >= 1"},
      {"site: complexity 6", "site.upserted", "complexity", "6", "data.complexity", "must be <= 5"},
      {"site: complexity 2.5", "site.upserted", "complexity", "2.5", "data.complexity",
       "must be an integer"},
      {"site: complexity as text", "site.upserted", "complexity", R"("3")", "data.complexity",
       "must be an integer"},
      {"site: manager_id missing", "site.upserted", "manager_id", "", "data.manager_id",
       "is required"},
      {"site: chief_id a number", "site.upserted", "chief_id", "7", "data.chief_id",
       "must be a string"},
      {"site: team_id empty", "site.upserted", "team_id", R"("")", "data.team_id",
       "must not be empty"},
      {"site: negative subcontractors", "site.upserted", "subcontractors", "-1",
       "data.subcontractors", "must be >= 0"},
      {"site: 1001 subcontractors", "site.upserted", "subcontractors", "1001",
       "data.subcontractors", "must be <= 1000"},
      {"site: required_skills a string", "site.upserted", "required_skills", R"("plomberie")",
       "data.required_skills", "must be an array of strings"},
      {"site: number in required_skills", "site.upserted", "required_skills", R"(["plomberie",3])",
       "data.required_skills[1]", "must be a string"},
      {"site: required_skills null", "site.upserted", "required_skills", "null",
       "data.required_skills", "must not be null"},
      // person.upserted
      {"person: id missing", "person.upserted", "id", "", "data.id", "is required"},
      {"person: name empty", "person.upserted", "name", R"("")", "data.name", "must not be empty"},
      {"person: unknown role", "person.upserted", "role", R"("boss")", "data.role",
       "must be one of direction, manager, design_office, chief, worker"},
      {"person: negative experience", "person.upserted", "experience_years", "-1",
       "data.experience_years", "must be >= 0"},
      {"person: 81 years of experience", "person.upserted", "experience_years", "81",
       "data.experience_years", "must be <= 80"},
      {"person: experience null", "person.upserted", "experience_years", "null",
       "data.experience_years", "must not be null"},
      {"person: home_lat above 90", "person.upserted", "home_lat", "91", "data.home_lat",
       "must be <= 90"},
      {"person: home_lon below -180", "person.upserted", "home_lon", "-180.5", "data.home_lon",
       "must be >= -180"},
      {"person: number in skills", "person.upserted", "skills", "[1]", "data.skills[0]",
       "must be a string"},
      {"person: negative hourly_cost", "person.upserted", "hourly_cost", "-5", "data.hourly_cost",
       "must be >= 0"},
      {"person: preferences an array", "person.upserted", "preferences", "[]", "data.preferences",
       "must be an object"},
      // team.upserted
      {"team: chief_id missing", "team.upserted", "chief_id", "", "data.chief_id", "is required"},
      {"team: member_ids missing", "team.upserted", "member_ids", "", "data.member_ids",
       "is required"},
      {"team: member_ids a string", "team.upserted", "member_ids", R"("P-1")", "data.member_ids",
       "must be an array of strings"},
      {"team: null in vehicle_ids", "team.upserted", "vehicle_ids", R"(["V-1",null])",
       "data.vehicle_ids[1]", "must be a string"},
      {"team: tool_ids an object", "team.upserted", "tool_ids", "{}", "data.tool_ids",
       "must be an array of strings"},
      {"team: 10001 hours a week", "team.upserted", "weekly_capacity_hours", "10001",
       "data.weekly_capacity_hours", "must be <= 10000"},
      {"team: negative capacity", "team.upserted", "weekly_capacity_hours", "-1",
       "data.weekly_capacity_hours", "must be >= 0"},
      {"team: id a number", "team.upserted", "id", "1", "data.id", "must be a string"},
      // vehicle.upserted
      {"vehicle: kind missing", "vehicle.upserted", "kind", "", "data.kind", "is required"},
      {"vehicle: one-digit month", "vehicle.upserted", "available_from", R"("2026-1-05")",
       "data.available_from", "must be a date YYYY-MM-DD"},
      {"vehicle: available_to before available_from", "vehicle.upserted", "",
       R"({"id":"V-01","kind":"fourgon","available_from":"2026-06-01","available_to":"2026-05-31"})",
       "data.available_to", "must not be before available_from"},
      {"vehicle: available_to a number", "vehicle.upserted", "available_to", "20261231",
       "data.available_to", "must be a date YYYY-MM-DD"},
      {"vehicle: id missing", "vehicle.upserted", "id", "", "data.id", "is required"},
      // budget.revised
      {"budget: negative total", "budget.revised", "budget_total", "-1", "data.budget_total",
       "must be >= 0"},
      {"budget: total as text", "budget.revised", "budget_total", R"("beaucoup")",
       "data.budget_total", "must be a number"},
      {"budget: material missing", "budget.revised", "budget_material", "", "data.budget_material",
       "is required"},
      // expense.recorded
      {"expense: negative amount", "expense.recorded", "amount", "-5", "data.amount",
       "must be >= 0"},
      {"expense: amount as text", "expense.recorded", "amount", R"("12")", "data.amount",
       "must be a number"},
      {"expense: amount missing", "expense.recorded", "amount", "", "data.amount", "is required"},
      {"expense: amount null", "expense.recorded", "amount", "null", "data.amount", "is required"},
      {"expense: unknown category", "expense.recorded", "category", R"("food")", "data.category",
       "must be one of material, labour, subcontracting, other"},
      {"expense: category capitalised", "expense.recorded", "category", R"("Material")",
       "data.category", "must be one of material, labour, subcontracting, other"},
      // progress.reported
      {"progress: 101 percent", "progress.reported", "percent_complete", "101",
       "data.percent_complete", "must be <= 100"},
      {"progress: negative percent", "progress.reported", "percent_complete", "-0.5",
       "data.percent_complete", "must be >= 0"},
      {"progress: percent a boolean", "progress.reported", "percent_complete", "true",
       "data.percent_complete", "must be a number"},
      // timesheet.recorded
      {"timesheet: person_id missing", "timesheet.recorded", "person_id", "", "data.person_id",
       "is required"},
      {"timesheet: 30 February", "timesheet.recorded", "date", R"("2026-02-30")", "data.date",
       "must be a date YYYY-MM-DD"},
      {"timesheet: 24.5 hours", "timesheet.recorded", "hours_total", "24.5", "data.hours_total",
       "must be <= 24"},
      {"timesheet: negative billable", "timesheet.recorded", "hours_billable", "-1",
       "data.hours_billable", "must be >= 0"},
      {"timesheet: billable over total", "timesheet.recorded", "hours_billable", "9",
       "data.hours_billable", "must be <= hours_total"},
      // absence.recorded
      {"absence: 367 days", "absence.recorded", "days", "367", "data.days", "must be <= 366"},
      {"absence: date missing", "absence.recorded", "date", "", "data.date", "is required"},
      {"absence: person_id null", "absence.recorded", "person_id", "null", "data.person_id",
       "is required"},
      // trip.recorded
      {"trip: 5001 km", "trip.recorded", "km", "5001", "data.km", "must be <= 5000"},
      {"trip: 3001 minutes", "trip.recorded", "minutes", "3001", "data.minutes", "must be <= 3000"},
      {"trip: negative km", "trip.recorded", "km", "-1", "data.km", "must be >= 0"},
      {"trip: person_id empty", "trip.recorded", "person_id", R"("")", "data.person_id",
       "must not be empty"},
      // photo.uploaded
      {"photo: 1.5 bytes", "photo.uploaded", "bytes", "1.5", "data.bytes", "must be an integer"},
      {"photo: negative bytes", "photo.uploaded", "bytes", "-1", "data.bytes", "must be >= 0"},
      {"photo: photo_id missing", "photo.uploaded", "photo_id", "", "data.photo_id", "is required"},
      // report.submitted
      {"report: kind empty", "report.submitted", "kind", R"("")", "data.kind", "must not be empty"},
      {"report: 1441 minutes", "report.submitted", "writing_minutes", "1441",
       "data.writing_minutes", "must be <= 1440"},
      {"report: sent_to_client as text", "report.submitted", "sent_to_client", R"("oui")",
       "data.sent_to_client", "must be true or false"},
      {"report: sent_to_client as 1", "report.submitted", "sent_to_client", "1",
       "data.sent_to_client", "must be true or false"},
      {"report: sent_to_client missing", "report.submitted", "sent_to_client", "",
       "data.sent_to_client", "is required"},
      {"report: report_id 201 bytes", "report.submitted", "report_id", text_of_length(201),
       "data.report_id", "must be at most 200 bytes"},
      // incident.opened
      {"incident opened: incident_id 201 bytes", "incident.opened", "incident_id",
       text_of_length(201), "data.incident_id", "must be at most 200 bytes"},
      {"incident opened: description 8001 bytes", "incident.opened", "description",
       text_of_length(8001), "data.description", "must be at most 8000 bytes"},
      {"incident opened: description of 2667 euro signs (8001 bytes)", "incident.opened",
       "description", euro_signs(2667), "data.description", "must be at most 8000 bytes"},
      {"incident opened: description empty", "incident.opened", "description", R"("")",
       "data.description", "must not be empty"},
      {"incident opened: unknown category", "incident.opened", "category", R"("weather")",
       "data.category", "must be one of safety, technical, material, administrative"},
      {"incident opened: unknown severity", "incident.opened", "severity", R"("urgent")",
       "data.severity", "must be one of low, medium, high, critical"},
      {"incident opened: unknown urgency", "incident.opened", "urgency", R"("2h")", "data.urgency",
       "must be one of 1h, 4h, 1d, 3d"},
      // incident.taken
      {"incident taken: by missing", "incident.taken", "by", "", "data.by", "is required"},
      {"incident taken: by an array", "incident.taken", "by", R"(["P-1"])", "data.by",
       "must be a string"},
      {"incident taken: incident_id empty", "incident.taken", "incident_id", R"("")",
       "data.incident_id", "must not be empty"},
      // incident.resolved
      {"incident resolved: resolution 8001 bytes", "incident.resolved", "resolution",
       text_of_length(8001), "data.resolution", "must be at most 8000 bytes"},
      {"incident resolved: incident_id missing", "incident.resolved", "incident_id", "",
       "data.incident_id", "is required"},
      // incident.relabelled
      {"relabelled: no label at all", "incident.relabelled", "severity", "", "data",
       "must contain category, severity or urgency"},
      {"relabelled: severity null", "incident.relabelled", "severity", "null", "data.severity",
       "must not be null"},
      {"relabelled: unknown urgency", "incident.relabelled", "urgency", R"("5d")", "data.urgency",
       "must be one of 1h, 4h, 1d, 3d"},
      {"relabelled: unknown category", "incident.relabelled", "category", R"("meteo")",
       "data.category", "must be one of safety, technical, material, administrative"},
      {"relabelled: incident_id missing", "incident.relabelled", "incident_id", "",
       "data.incident_id", "is required"},
      // incident.classified (Vigie's own: parsed here as Vigie reads its store)
      {"classified: no label at all", "incident.classified", "category", "", "data",
       "must contain category, severity or urgency"},
      {"classified: severity null", "incident.classified", "severity", "null", "data.severity",
       "must not be null"},
      {"classified: unknown urgency", "incident.classified", "urgency", R"("2h")", "data.urgency",
       "must be one of 1h, 4h, 1d, 3d"},
      {"classified: unknown category", "incident.classified", "category", R"("autre")",
       "data.category", "must be one of safety, technical, material, administrative"},
      {"classified: incident_id missing", "incident.classified", "incident_id", "",
       "data.incident_id", "is required"},
      {"classified: category probability above 1", "incident.classified", "category_probability",
       "1.5", "data.category_probability", "must be <= 1"},
      {"classified: severity probability below 0", "incident.classified", "severity_probability",
       "-0.1", "data.severity_probability", "must be >= 0"},
      {"classified: urgency probability a string", "incident.classified", "urgency_probability",
       R"("0.5")", "data.urgency_probability", "must be a number"},
      {"classified: model_version missing", "incident.classified", "model_version", "",
       "data.model_version", "is required"},
      {"classified: model_version 0", "incident.classified", "model_version", "0",
       "data.model_version", "must be >= 1"},
      // plan.accepted (Vigie's own)
      {"plan accepted: plan_id missing", "plan.accepted", "plan_id", "", "data.plan_id", "is required"},
      {"plan accepted: km_saved a string", "plan.accepted", "km_saved", R"("12")", "data.km_saved",
       "must be a number"},
      {"plan accepted: km_saved beyond any week", "plan.accepted", "km_saved", "100001",
       "data.km_saved", "must be <= 100000"},
      {"plan accepted: accepted_by missing", "plan.accepted", "accepted_by", "",
       "data.accepted_by", "is required"},
      {"plan accepted: week a number", "plan.accepted", "week", "50", "data.week", "must be a string"},
      {"plan accepted: team_id missing", "plan.accepted", "team_id", "", "data.team_id", "is required"},
      {"plan accepted: previous_team_id a list", "plan.accepted", "previous_team_id", R"(["T-1"])",
       "data.previous_team_id", "must be a string"},
      {"plan accepted: travel hours missing", "plan.accepted", "travel_hours_saved", "",
       "data.travel_hours_saved", "is required"},
      // request.opened
      {"request opened: unknown kind", "request.opened", "kind", R"("other")", "data.kind",
       "must be one of technical, material, design_office_question"},
      {"request opened: description missing", "request.opened", "description", "",
       "data.description", "is required"},
      {"request opened: request_id an object", "request.opened", "request_id", "{}",
       "data.request_id", "must be a string"},
      // request.resolved
      {"request resolved: request_id missing", "request.resolved", "request_id", "",
       "data.request_id", "is required"},
      {"request resolved: request_id a number", "request.resolved", "request_id", "5",
       "data.request_id", "must be a string"},
      // plan.modified
      {"plan: negative revision", "plan.modified", "revision", "-1", "data.revision",
       "must be >= 0"},
      {"plan: revision as text", "plan.modified", "revision", R"("3")", "data.revision",
       "must be an integer"},
      {"plan: note 8001 bytes", "plan.modified", "note", text_of_length(8001), "data.note",
       "must be at most 8000 bytes"},
      {"plan: note empty", "plan.modified", "note", R"("")", "data.note", "must not be empty"},
      // satisfaction.recorded
      {"satisfaction: score 10.5", "satisfaction.recorded", "score", "10.5", "data.score",
       "must be <= 10"},
      {"satisfaction: negative score", "satisfaction.recorded", "score", "-1", "data.score",
       "must be >= 0"},
      {"satisfaction: unknown respondent", "satisfaction.recorded", "respondent", R"("manager")",
       "data.respondent", "must be one of client, chief, team"},
      // weather.forecast
      {"weather: 8 rain days in 7", "weather.forecast", "rain_days_7d", "8", "data.rain_days_7d",
       "must be <= 7"},
      {"weather: negative snow days", "weather.forecast", "snow_days_7d", "-1", "data.snow_days_7d",
       "must be >= 0"},
      {"weather: 1.5 frost days", "weather.forecast", "frost_days_7d", "1.5", "data.frost_days_7d",
       "must be an integer"},
      {"weather: date-time instead of date", "weather.forecast", "date",
       R"("2026-11-24T00:00:00Z")", "data.date", "must be a date YYYY-MM-DD"},
      // app.used
      {"app: feature missing", "app.used", "feature", "", "data.feature", "is required"},
      {"app: person_id missing", "app.used", "person_id", "", "data.person_id", "is required"},
      // site.completed
      {"completed: actual_end null", "site.completed", "actual_end", "null", "data.actual_end",
       "is required"},
      {"completed: 29 February 2026", "site.completed", "actual_end", R"("2026-02-29")",
       "data.actual_end", "must be a date YYYY-MM-DD"},
  };
  return cases;
}

std::string refused_data(const DataRefusal& c) {
  if (c.member.empty()) return c.value;
  const std::string_view base = minimal_data(c.type);
  return c.value.empty() ? without_member(base, c.member) : with_member(base, c.member, c.value);
}

TEST(EventValidation, RefusesDataWithFieldAndReason) {
  for (const DataRefusal& c : data_refusals()) {
    SCOPED_TRACE(c.name);
    const auto result = parse_any(envelope(c.type, refused_data(c)));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, ErrorCode::invalid);
    EXPECT_EQ(result.error().field, c.field);
    EXPECT_EQ(result.error().message, c.message);
  }
}

TEST(EventValidation, EveryTypeHasARefusalCase) {
  for (const std::string_view name : kTypeNames) {
    SCOPED_TRACE(name);
    bool found = false;
    for (const DataRefusal& c : data_refusals()) found = found || c.type == name;
    EXPECT_TRUE(found);
  }
}

// Keeps the table complete as the catalogue grows: every field of every type is refused at
// least once, under its own name.
TEST(EventValidation, EveryFieldOfTheCatalogueHasARefusalCase) {
  for (std::size_t i = 0; i < kEventTypeCount; ++i) {
    const auto type = static_cast<EventType>(i);
    for (const FieldRule& rule : rules_for(type).fields) {
      const std::string field = "data." + std::string{rule.name};
      SCOPED_TRACE(std::string{type_name(type)} + " " + field);
      bool found = false;
      for (const DataRefusal& c : data_refusals()) {
        found = found || (c.type == type_name(type) && c.field.rfind(field, 0) == 0);
      }
      EXPECT_TRUE(found);
    }
  }
}

// The edges of the rules, on the accepted side: bounds are inclusive, lengths count bytes.
const std::vector<DataRefusal>& data_acceptances() {
  static const std::vector<DataRefusal> cases = {
      {"site: data.id equal to site_id", "site.upserted", "id", R"("CH-1")", "", ""},
      {"site: lat exactly -90", "site.upserted", "lat", "-90", "", ""},
      {"site: lon exactly 180", "site.upserted", "lon", "180", "", ""},
      {"site: city of exactly 200 bytes", "site.upserted", "city", text_of_length(200), "", ""},
      {"site: planned_end on planned_start", "site.upserted", "planned_end", R"("2026-03-02")", "",
       ""},
      {"site: actual_end null", "site.upserted", "actual_end", "null", "", ""},
      {"site: chief_id null", "site.upserted", "chief_id", "null", "", ""},
      {"site: complexity 5", "site.upserted", "complexity", "5", "", ""},
      {"site: required_skills empty", "site.upserted", "required_skills", "[]", "", ""},
      {"person: home_lat null", "person.upserted", "home_lat", "null", "", ""},
      {"person: preferences null", "person.upserted", "preferences", "null", "", ""},
      {"person: preferences an object", "person.upserted", "preferences",
       R"({"types":["tertiaire"]})", "", ""},
      {"vehicle: available_to null", "vehicle.upserted", "available_to", "null", "", ""},
      {"expense: zero amount", "expense.recorded", "amount", "0", "", ""},
      {"expense: amount with exponent", "expense.recorded", "amount", "1.25e3", "", ""},
      {"progress: 100 percent", "progress.reported", "percent_complete", "100", "", ""},
      {"timesheet: billable equal to total", "timesheet.recorded", "hours_billable", "8", "", ""},
      {"timesheet: 29 February of a leap year", "timesheet.recorded", "date", R"("2028-02-29")", "",
       ""},
      {"incident opened: description of exactly 8000 bytes", "incident.opened", "description",
       text_of_length(8000), "", ""},
      {"incident opened: description of 2666 euro signs (7998 bytes)", "incident.opened",
       "description", euro_signs(2666), "", ""},
      {"incident opened: category null", "incident.opened", "category", "null", "", ""},
      {"plan: note null", "plan.modified", "note", "null", "", ""},
      {"weather: 7 days out of 7", "weather.forecast", "rain_days_7d", "7", "", ""},
      {"a field the catalogue does not know", "expense.recorded", "supplier", R"("Point P")", "",
       ""},
  };
  return cases;
}

TEST(EventValidation, AcceptsTheEdgesOfEachRule) {
  for (const DataRefusal& c : data_acceptances()) {
    SCOPED_TRACE(c.name);
    const auto result = parse_any(envelope(c.type, refused_data(c)));
    EXPECT_TRUE(result) << result.error().describe();
  }
}

TEST(EventValidation, KeepsFieldsTheCatalogueDoesNotKnow) {
  const auto event = parse_event(
      envelope("expense.recorded", R"({"amount":12.5,"category":"other","supplier":"Point P"})"));
  ASSERT_TRUE(event) << event.error().describe();
  EXPECT_EQ(event->data, R"({"amount":12.5,"category":"other","supplier":"Point P"})");
}


}  // namespace
}  // namespace vigie::events
