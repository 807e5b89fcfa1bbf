#include "events/catalogue.hpp"

#include <array>

namespace vigie::events {
namespace {

using K = FieldKind;
constexpr bool kOptional = false;
constexpr bool kNullable = true;

constexpr FieldRule kSite[] = {
    {"id", K::text, kOptional},  // when present, must equal the envelope's site_id
    {"name", K::text},
    {"client", K::text},
    {"type", K::choice, true, false, kNoMin, kNoMax, kSiteTypes},
    {"region", K::text},
    {"city", K::text},
    {"lat", K::number, true, false, -90, 90},
    {"lon", K::number, true, false, -180, 180},
    {"budget_total", K::number, true, false, 0},
    {"budget_material", K::number, true, false, 0},
    {"planned_start", K::date},
    {"planned_end", K::date},
    {"actual_end", K::date, kOptional, kNullable},
    {"status", K::choice, true, false, kNoMin, kNoMax, kSiteStatuses},
    {"complexity", K::integer, true, false, 1, 5},
    {"manager_id", K::text},
    {"chief_id", K::text, kOptional, kNullable},
    {"team_id", K::text, kOptional, kNullable},
    {"subcontractors", K::integer, true, false, 0, 1000},
    {"required_skills", K::text_list, kOptional},
};
constexpr FieldRule kPerson[] = {
    {"id", K::text},
    {"name", K::text},
    {"role", K::choice, true, false, kNoMin, kNoMax, kPersonRoles},
    {"experience_years", K::number, kOptional, false, 0, 80},
    {"home_lat", K::number, kOptional, kNullable, -90, 90},
    {"home_lon", K::number, kOptional, kNullable, -180, 180},
    {"skills", K::text_list, kOptional},
    {"hourly_cost", K::number, kOptional, kNullable, 0},
    {"preferences", K::object, kOptional, kNullable},
};
constexpr FieldRule kTeam[] = {
    {"id", K::text},
    {"chief_id", K::text},
    {"member_ids", K::text_list},
    {"vehicle_ids", K::text_list, kOptional},
    {"tool_ids", K::text_list, kOptional},
    {"weekly_capacity_hours", K::number, true, false, 0, 10000},
};
constexpr FieldRule kVehicle[] = {
    {"id", K::text},
    {"kind", K::text},
    {"available_from", K::date, kOptional, kNullable},
    {"available_to", K::date, kOptional, kNullable},
};
constexpr FieldRule kBudget[] = {
    {"budget_total", K::number, true, false, 0},
    {"budget_material", K::number, true, false, 0},
};
constexpr FieldRule kExpense[] = {
    {"amount", K::number, true, false, 0},
    {"category", K::choice, true, false, kNoMin, kNoMax, kExpenseCategories},
};
constexpr FieldRule kProgress[] = {
    {"percent_complete", K::number, true, false, 0, 100},
};
constexpr FieldRule kTimesheet[] = {
    {"person_id", K::text},
    {"date", K::date},
    {"hours_total", K::number, true, false, 0, 24},
    {"hours_billable", K::number, true, false, 0, 24},
};
constexpr FieldRule kAbsence[] = {
    {"person_id", K::text},
    {"date", K::date},
    {"days", K::number, true, false, 0, 366},
};
constexpr FieldRule kTrip[] = {
    {"person_id", K::text},
    {"km", K::number, true, false, 0, 5000},
    {"minutes", K::number, true, false, 0, 3000},
};
constexpr FieldRule kPhoto[] = {
    {"photo_id", K::text},
    {"bytes", K::integer, true, false, 0},
};
constexpr FieldRule kReport[] = {
    {"report_id", K::text},
    {"kind", K::text},
    {"writing_minutes", K::number, true, false, 0, 1440},
    {"sent_to_client", K::boolean},
};
constexpr FieldRule kIncidentOpened[] = {
    {"incident_id", K::text},
    {"description", K::text, true, false, kNoMin, kNoMax, {}, kMaxTextLength},
    {"category", K::choice, kOptional, kNullable, kNoMin, kNoMax, kIncidentCategories},
    {"severity", K::choice, kOptional, kNullable, kNoMin, kNoMax, kSeverities},
    {"urgency", K::choice, kOptional, kNullable, kNoMin, kNoMax, kUrgencies},
};
constexpr FieldRule kIncidentTaken[] = {
    {"incident_id", K::text},
    {"by", K::text},
};
constexpr FieldRule kIncidentResolved[] = {
    {"incident_id", K::text},
    {"resolution", K::text, true, false, kNoMin, kNoMax, {}, kMaxTextLength},
};
constexpr FieldRule kIncidentRelabelled[] = {
    {"incident_id", K::text},
    {"category", K::choice, kOptional, false, kNoMin, kNoMax, kIncidentCategories},
    {"severity", K::choice, kOptional, false, kNoMin, kNoMax, kSeverities},
    {"urgency", K::choice, kOptional, false, kNoMin, kNoMax, kUrgencies},
};
// Vigie's triage of an incident opened without some of its labels: the labels it gave (only
// those the opening lacked), each with the model's probability, and the version that gave them.
constexpr FieldRule kIncidentClassified[] = {
    {"incident_id", K::text},
    {"category", K::choice, kOptional, false, kNoMin, kNoMax, kIncidentCategories},
    {"severity", K::choice, kOptional, false, kNoMin, kNoMax, kSeverities},
    {"urgency", K::choice, kOptional, false, kNoMin, kNoMax, kUrgencies},
    {"category_probability", K::number, kOptional, false, 0, 1},
    {"severity_probability", K::number, kOptional, false, 0, 1},
    {"urgency_probability", K::number, kOptional, false, 0, 1},
    {"model_version", K::integer, true, false, 1},
};
// A site's line of a team plan someone accepted (models.md, Model 2; KPI 15): the plan, its week,
// the team it gives the site and the one it had, and the travel it saves against that one
// (negative when the site's new team drives more, for the plan's sake elsewhere).
constexpr FieldRule kPlanAccepted[] = {
    {"plan_id", K::text},
    {"week", K::text},
    {"team_id", K::text},
    {"previous_team_id", K::text, kOptional, kNullable},
    {"km_saved", K::number, true, false, -100000, 100000},
    {"travel_hours_saved", K::number, true, false, -10000, 10000},
    {"accepted_by", K::text},
};
constexpr FieldRule kRequestOpened[] = {
    {"request_id", K::text},
    {"kind", K::choice, true, false, kNoMin, kNoMax, kRequestKinds},
    {"description", K::text, true, false, kNoMin, kNoMax, {}, kMaxTextLength},
};
constexpr FieldRule kRequestResolved[] = {
    {"request_id", K::text},
};
constexpr FieldRule kPlanModified[] = {
    {"revision", K::integer, true, false, 0},
    {"note", K::text, kOptional, kNullable, kNoMin, kNoMax, {}, kMaxTextLength},
};
constexpr FieldRule kSatisfaction[] = {
    {"score", K::number, true, false, 0, 10},
    {"respondent", K::choice, true, false, kNoMin, kNoMax, kRespondents},
};
constexpr FieldRule kWeather[] = {
    {"date", K::date},
    {"rain_days_7d", K::integer, true, false, 0, 7},
    {"snow_days_7d", K::integer, true, false, 0, 7},
    {"frost_days_7d", K::integer, true, false, 0, 7},
};
constexpr FieldRule kAppUsed[] = {
    {"person_id", K::text},
    {"feature", K::text},
};
constexpr FieldRule kSiteCompleted[] = {
    {"actual_end", K::date},
};

// Indexed by EventType; the static_assert below keeps it in step with the enum.
const std::array<TypeRules, kEventTypeCount> kRules = {{
    {EventType::site_upserted, kSite},
    {EventType::person_upserted, kPerson},
    {EventType::team_upserted, kTeam},
    {EventType::vehicle_upserted, kVehicle},
    {EventType::budget_revised, kBudget},
    {EventType::expense_recorded, kExpense},
    {EventType::progress_reported, kProgress},
    {EventType::timesheet_recorded, kTimesheet},
    {EventType::absence_recorded, kAbsence},
    {EventType::trip_recorded, kTrip},
    {EventType::photo_uploaded, kPhoto},
    {EventType::report_submitted, kReport},
    {EventType::incident_opened, kIncidentOpened},
    {EventType::incident_taken, kIncidentTaken},
    {EventType::incident_resolved, kIncidentResolved},
    {EventType::incident_relabelled, kIncidentRelabelled},
    {EventType::request_opened, kRequestOpened},
    {EventType::request_resolved, kRequestResolved},
    {EventType::plan_modified, kPlanModified},
    {EventType::satisfaction_recorded, kSatisfaction},
    {EventType::weather_forecast, kWeather},
    {EventType::app_used, kAppUsed},
    {EventType::site_completed, kSiteCompleted},
    {EventType::incident_classified, kIncidentClassified},
    {EventType::plan_accepted, kPlanAccepted},
}};
static_assert(kTypeNames.size() == kEventTypeCount);

}  // namespace

const TypeRules& rules_for(EventType type) { return kRules[static_cast<std::size_t>(type)]; }

}  // namespace vigie::events
