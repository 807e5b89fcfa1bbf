#include "kpi/company.hpp"

#include <array>
#include <cmath>

#include "common/enum_names.hpp"
#include "common/french_calendar.hpp"
#include "common/money.hpp"
#include "common/paris_time.hpp"
#include "events/data_fields.hpp"
#include "events/records.hpp"

namespace vigie::kpi {
namespace {

using events::EventType;

constexpr std::array<std::string_view, 5> kStatuses = {"planned", "active", "suspended",
                                                       "completed", "cancelled"};
constexpr std::array<std::string_view, 4> kCategories = {"safety", "technical", "material",
                                                         "administrative"};
constexpr std::array<std::string_view, 4> kSeverities = {"low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 4> kUrgencies = {"1h", "4h", "1d", "3d"};
constexpr std::array<std::string_view, 3> kRequestKinds = {"technical", "material",
                                                           "design_office_question"};

void keep_first(std::optional<Instant>& slot, Instant at) {
  if (!slot || at < *slot) slot = at;
}

// The label fields an opening or a relabelling gives.
LabelStep label_step(const events::DataFields& data, Instant at) {
  LabelStep step{at, {}};
  step.given.category = enum_named<IncidentCategory>(data.text("category"), kCategories);
  if (const auto s = enum_named<int>(data.text("severity"), kSeverities)) step.given.severity = *s + 1;
  step.given.urgency = enum_named<Urgency>(data.text("urgency"), kUrgencies);
  return step;
}

}  // namespace

std::string_view category_name(IncidentCategory category) {
  return kCategories[static_cast<std::size_t>(category)];
}

std::string_view severity_name(int severity) { return kSeverities[static_cast<std::size_t>(severity - 1)]; }

std::string_view urgency_name(Urgency urgency) { return kUrgencies[static_cast<std::size_t>(urgency)]; }

std::optional<SiteStatus> parse_site_status(std::string_view name) {
  return enum_named<SiteStatus>(name, kStatuses);
}

std::string_view site_status_name(SiteStatus status) {
  return kStatuses[static_cast<std::size_t>(status)];
}

DayCounters sum_days(const SiteState& site, std::int32_t first, std::int32_t last) {
  DayCounters total = site.days.sum(first, last);
  const auto& corrections = site.label_corrections;
  if (corrections.empty() || corrections.rbegin()->first.first <= last) return total;
  for (auto it = corrections.lower_bound({last + 1, INT32_MIN}); it != corrections.end(); ++it) {
    if (it->first.second >= first && it->first.second <= last) total += it->second;
  }
  return total;
}

DayCounters sum_to(const SiteState& site, std::int32_t last) {
  return sum_days(site, INT32_MIN, last);
}

const SiteState* Company::site(std::string_view id) const {
  const auto found = site_index_.find(std::string{id});
  return found == site_index_.end() ? nullptr : &sites_[found->second];
}

const Incident* Company::incident(std::string_view site_id, std::string_view incident_id) const {
  const auto found = incidents_.find(item_key(site_id, incident_id));
  return found == incidents_.end() ? nullptr : &found->second.second;
}

std::optional<std::size_t> Company::feature_id(std::string_view name) const {
  const auto found = feature_ids_.find(std::string{name});
  if (found == feature_ids_.end()) return std::nullopt;
  return found->second;
}

const PersonState* Company::person(std::string_view id) const {
  const auto found = persons_.find(std::string{id});
  return found == persons_.end() ? nullptr : &found->second;
}

void Company::refresh() {
  for (const std::size_t index : sites_to_refresh_) {
    SiteState& site = sites_[index];
    site.days.refresh();
    for (auto& series : site.feature_uses) series.refresh();
    site.awaiting_refresh = false;
  }
  for (PersonState* person : persons_to_refresh_) {
    person->app_days.refresh();
    person->absent_days.refresh();
    person->awaiting_refresh = false;
  }
  sites_to_refresh_.clear();
  persons_to_refresh_.clear();
}

SiteState& Company::site_state(const std::string& id) {
  const auto [it, added] = site_index_.try_emplace(id, sites_.size());
  if (added) {
    sites_.emplace_back();
    sites_.back().id = id;
  }
  SiteState& site = sites_[it->second];
  if (!site.awaiting_refresh) {
    site.awaiting_refresh = true;
    sites_to_refresh_.push_back(it->second);
  }
  return site;
}

void Company::apply(const events::Event& event) {
  switch (event.type) {
    case EventType::site_upserted:
    case EventType::site_completed:
    case EventType::budget_revised:
    case EventType::progress_reported:
      return apply_site(event);
    case EventType::incident_opened:
    case EventType::incident_taken:
    case EventType::incident_resolved:
    case EventType::incident_relabelled:
    case EventType::incident_classified:
      return apply_incident(event);
    case EventType::request_opened:
    case EventType::request_resolved:
      return apply_request(event);
    case EventType::expense_recorded:
    case EventType::satisfaction_recorded:
    case EventType::report_submitted:
    case EventType::timesheet_recorded:
    case EventType::photo_uploaded:
    case EventType::trip_recorded:
    case EventType::plan_accepted:
      return apply_counters(event);
    case EventType::app_used:
    case EventType::absence_recorded:
      return apply_person_day(event);
    case EventType::person_upserted:  // KPIs read people through their sites' records
    case EventType::team_upserted:
    case EventType::vehicle_upserted:
    case EventType::plan_modified:    // the delay model's, not a KPI's
    case EventType::weather_forecast:
      return;
  }
}

void Company::apply_site(const events::Event& event) {
  SiteState& site = site_state(event.site_id);
  const Instant at = event.occurred_at;
  if (event.type == EventType::site_upserted) {
    const auto record = events::decode_site(event);
    if (!record) return;
    site.attributes.set(at, SiteAttributes{record->type, record->region, record->manager_id,
                                           record->team_id, record->chief_id,
                                           record->planned_start, record->planned_end});
    if (const auto status = parse_site_status(record->status)) site.status.set(at, *status);
    site.budget_cents.set(at, record->budget_total.value);
    site.actual_end.set(at, record->actual_end);
  } else if (event.type == EventType::site_completed) {
    site.status.set(at, SiteStatus::completed);
    if (const auto end = events::decode_actual_end(event)) site.actual_end.set(at, *end);
  } else if (event.type == EventType::budget_revised) {
    if (const auto budget = events::decode_budget(event)) {
      site.budget_cents.set(at, budget->budget_total.value);
    }
  } else if (const auto data = events::DataFields::of(event)) {  // progress.reported
    if (const auto percent = data->number("percent_complete")) {
      site.percent_complete.set(at, *percent);
    }
  }
}

void Company::swap_contribution(SiteState& site, const std::vector<DayContribution>& before,
                                const std::vector<DayContribution>& after) {
  for (const auto& part : before) site.days.subtract(part.day, part.counters);
  for (const auto& part : after) site.days.add(part.day, part.counters);
}

void Company::swap_corrections(SiteState& site, const std::vector<LabelCorrection>& before,
                               const std::vector<LabelCorrection>& after) {
  auto& corrections = site.label_corrections;
  const auto change = [&corrections](const LabelCorrection& c, bool adding) {
    const auto [slot, added] = corrections.try_emplace({c.relabel_day, c.day});
    adding ? (slot->second += c.delta) : (slot->second -= c.delta);
    if (slot->second == DayCounters{}) corrections.erase(slot);
  };
  for (const auto& correction : before) change(correction, false);
  for (const auto& correction : after) change(correction, true);
}

void Company::apply_incident(const events::Event& event) {
  const auto data = events::DataFields::of(event);
  if (!data) return;
  SiteState& site = site_state(event.site_id);
  auto& [site_slot, incident] = incidents_[item_key(event.site_id, data->text("incident_id"))];
  site_slot = site_index_.at(event.site_id);
  const auto before = contribution(incident, settings_.incident_sla_hours);
  const auto corrections_before = label_corrections(incident, settings_.incident_sla_hours);
  switch (event.type) {
    case EventType::incident_opened:
      incident.opened_at = event.occurred_at;
      add_label_step(incident, label_step(*data, event.occurred_at));
      break;
    case EventType::incident_taken:
      keep_first(incident.taken_at, event.occurred_at);
      break;
    case EventType::incident_resolved:
      keep_first(incident.resolved_at, event.occurred_at);
      break;
    default:  // incident.relabelled, incident.classified: the labels they give replace the others
      add_label_step(incident, label_step(*data, event.occurred_at));
      break;
  }
  swap_contribution(site, before, contribution(incident, settings_.incident_sla_hours));
  swap_corrections(site, corrections_before, label_corrections(incident, settings_.incident_sla_hours));
}

void Company::apply_request(const events::Event& event) {
  const auto data = events::DataFields::of(event);
  if (!data) return;
  SiteState& site = site_state(event.site_id);
  auto& [site_slot, request] = requests_[item_key(event.site_id, data->text("request_id"))];
  site_slot = site_index_.at(event.site_id);
  const auto before = contribution(request, settings_.request_sla_hours);
  if (event.type == EventType::request_opened) {
    request.opened_at = event.occurred_at;
    request.kind = enum_named<RequestKind>(data->text("kind"), kRequestKinds);
  } else {
    keep_first(request.resolved_at, event.occurred_at);
  }
  swap_contribution(site, before, contribution(request, settings_.request_sla_hours));
}

void Company::apply_counters(const events::Event& event) {
  const auto data = events::DataFields::of(event);
  if (!data) return;
  SiteState& site = site_state(event.site_id);
  std::int32_t day = paris_day_number(event.occurred_at);
  DayCounters delta;
  switch (event.type) {
    case EventType::expense_recorded:
      delta.expense_cents = Cents::from_euros(data->number("amount").value_or(0)).value;
      break;
    case EventType::satisfaction_recorded:
      if (data->text("respondent") == "client") {
        delta.client_scores = 1;
        delta.client_score_sum = data->number("score").value_or(0);
      } else if (data->text("respondent") == "chief") {
        delta.chief_scores = 1;
        delta.chief_score_sum = data->number("score").value_or(0);
      } else if (data->text("respondent") == "team") {
        delta.team_scores = 1;
        delta.team_score_sum = data->number("score").value_or(0);
      } else {
        return;
      }
      break;
    case EventType::report_submitted:
      delta.reports = 1;
      delta.reports_sent_to_client = data->flag("sent_to_client") ? 1 : 0;
      delta.writing_minutes = data->number("writing_minutes").value_or(0);
      break;
    case EventType::timesheet_recorded:  // counts on its `date`, not when it was sent
      if (const auto date = data->date("date")) day = days_since_epoch(*date);
      delta.hours_total = data->number("hours_total").value_or(0);
      delta.hours_billable = data->number("hours_billable").value_or(0);
      break;
    case EventType::photo_uploaded:
      delta.photos = 1;
      delta.photo_bytes = static_cast<std::int64_t>(data->number("bytes").value_or(0));
      break;
    case EventType::plan_accepted:
      delta.plan_km_saved = data->number("km_saved").value_or(0);
      delta.plan_hours_saved = data->number("travel_hours_saved").value_or(0);
      break;
    default:  // trip.recorded
      delta.trip_km = data->number("km").value_or(0);
      delta.trip_minutes = data->number("minutes").value_or(0);
      break;
  }
  site.days.add(day, delta);
}

void Company::apply_person_day(const events::Event& event) {
  const auto data = events::DataFields::of(event);
  if (!data) return;
  PersonState& person = persons_[std::string{data->text("person_id")}];
  if (!person.awaiting_refresh) {
    person.awaiting_refresh = true;
    persons_to_refresh_.push_back(&person);
  }
  if (event.type == EventType::app_used) {
    const std::int32_t day = paris_day_number(event.occurred_at);
    person.app_days.add(day, Count{1});
    const auto [found, added] =
        feature_ids_.try_emplace(std::string{data->text("feature")}, features_.size());
    if (added) features_.push_back(found->first);
    auto& uses = site_state(event.site_id).feature_uses;
    if (uses.size() <= found->second) uses.resize(found->second + 1);
    uses[found->second].add(day, Count{1});
    return;
  }
  // absence.recorded: `days` working days from `date` on.
  const auto first = data->date("date");
  if (!first) return;
  // A part day counts as a day away (an afternoon off is not a day of app use missed).
  auto remaining = static_cast<int>(std::ceil(data->number("days").value_or(0)));
  for (std::int32_t day = days_since_epoch(*first); remaining > 0; ++day) {
    if (!is_working_day(date_from_days(day))) continue;
    person.absent_days.add(day, Count{1});
    --remaining;
  }
}

}  // namespace vigie::kpi
