#include "models/delay/site_history.hpp"

#include <algorithm>
#include <array>

#include "common/enum_names.hpp"
#include "events/data_fields.hpp"
#include "events/records.hpp"

namespace vigie::models {
namespace {

using events::EventType;

constexpr std::array<std::string_view, 4> kSeverities = {"low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 4> kCategories = {"safety", "technical", "material",
                                                         "administrative"};

// Severity 1–4 and category 0–3 of an opening or relabelling; -1 where the event gave none.
void put_labels(const events::DataFields& data, Fact& fact) {
  const auto severity = enum_named<int>(data.text("severity"), kSeverities);
  const auto category = enum_named<int>(data.text("category"), kCategories);
  fact.x = severity ? static_cast<float>(*severity + 1) : -1.0f;
  fact.y = category ? static_cast<float>(*category) : -1.0f;
}

float number_or_zero(const events::DataFields& data, std::string_view name) {
  return static_cast<float>(data.number(name).value_or(0.0));
}

}  // namespace

// Both walk back from the end: the facts that matter are the site's latest up to t, and a site
// long finished or not begun is read in a step or two (a server asks this of every site).
const SiteRecordFacts* record_at(const SiteHistory& site, Instant t) {
  for (auto fact = site.facts.rbegin(); fact != site.facts.rend(); ++fact) {
    if (fact->at <= t && fact->kind == FactKind::site_record) {
      return &site.records[static_cast<std::size_t>(fact->key)];
    }
  }
  return nullptr;
}

bool under_way_at(const SiteHistory& site, Instant t) {
  for (auto fact = site.facts.rbegin(); fact != site.facts.rend(); ++fact) {
    if (fact->at > t) continue;
    if (fact->kind == FactKind::completed) return false;  // site.completed alone ends it
    if (fact->kind == FactKind::site_record) {
      const auto& status = site.records[static_cast<std::size_t>(fact->key)].status;
      return status == "active" || status == "suspended";
    }
  }
  return false;
}

const SiteHistory* CompanyHistory::site(std::string_view id) const {
  const auto found = site_index_.find(std::string{id});
  return found == site_index_.end() ? nullptr : &sites_[found->second];
}

SiteHistory& CompanyHistory::site_history(const std::string& id) {
  const auto [slot, added] = site_index_.try_emplace(id, sites_.size());
  if (added) sites_.push_back(SiteHistory{id, {}, {}, {}, {}, false});
  return sites_[slot->second];
}

std::int32_t CompanyHistory::intern(const std::string& site_id, std::string_view item_id) {
  std::string key = site_id;
  key += '\x1f';
  key += item_id;
  const auto [slot, added] = keys_.try_emplace(std::move(key), static_cast<std::int32_t>(keys_.size()));
  return slot->second;
}

std::optional<double> CompanyHistory::experience_at(std::string_view person_id, Instant t) const {
  const auto found = experience_.find(std::string{person_id});
  if (found == experience_.end()) return std::nullopt;
  const double* years = found->second.at(t);
  if (years == nullptr || *years < 0) return std::nullopt;
  return *years;
}

int CompanyHistory::team_size_at(std::string_view team_id, Instant t) const {
  const auto found = team_sizes_.find(std::string{team_id});
  if (found == team_sizes_.end()) return 0;
  const int* size = found->second.at(t);
  return size == nullptr ? 0 : *size;
}

void CompanyHistory::apply(const events::Event& event) {
  ++events_applied_;
  if (event.type == EventType::person_upserted) {
    if (const auto data = events::DataFields::of(event)) {
      // A record without experience_years says "unknown" from then on (-1), not "unchanged".
      experience_[std::string{data->text("id")}].set(
          event.occurred_at, data->number("experience_years").value_or(-1.0));
    }
    return;
  }
  if (event.type == EventType::team_upserted) {
    if (const auto data = events::DataFields::of(event)) {
      auto members = data->text_list("member_ids");
      const std::string chief{data->text("chief_id")};
      const bool chief_listed = std::find(members.begin(), members.end(), chief) != members.end();
      team_sizes_[std::string{data->text("id")}].set(
          event.occurred_at, static_cast<int>(members.size()) + (chief_listed ? 0 : 1));
    }
    return;
  }
  if (events::is_siteless(event.type)) return;
  apply_site_event(event);
}

void CompanyHistory::apply_site_event(const events::Event& event) {
  Fact fact{event.occurred_at};
  SiteHistory& site = site_history(event.site_id);
  const auto keep = [&site, &fact] {
    if (!site.facts.empty() && fact.at < site.facts.back().at) site.unsorted = true;
    site.facts.push_back(fact);
  };
  if (event.type == EventType::site_upserted) {
    const auto record = events::decode_site(event);
    if (!record) return;
    site.records.push_back(SiteRecordFacts{
        record->type, record->region, record->manager_id, record->chief_id, record->team_id, record->status,
        record->budget_total.euros(), record->budget_material.euros(), record->planned_start,
        record->planned_end, record->actual_end, record->complexity, record->subcontractors});
    fact.kind = FactKind::site_record;
    fact.key = static_cast<std::int32_t>(site.records.size() - 1);
    keep();
    return;
  }
  if (event.type == EventType::photo_uploaded) {
    if (!site.photos.empty() && fact.at < site.photos.back()) site.unsorted = true;
    site.photos.push_back(fact.at);
    return;
  }
  if (event.type == EventType::plan_modified) {
    fact.kind = FactKind::plan_modified;
    keep();
    return;
  }
  const auto data = events::DataFields::of(event);
  if (!data) return;
  switch (event.type) {
    case EventType::budget_revised:
      fact.kind = FactKind::budget_revised;
      fact.x = number_or_zero(*data, "budget_total");
      fact.y = number_or_zero(*data, "budget_material");
      break;
    case EventType::expense_recorded:
      fact.kind = FactKind::expense;
      fact.x = number_or_zero(*data, "amount");
      fact.y = data->text("category") == "material" ? 1.0f : 0.0f;
      break;
    case EventType::progress_reported:
      fact.kind = FactKind::progress;
      fact.x = number_or_zero(*data, "percent_complete");
      break;
    case EventType::timesheet_recorded:
      if (!site.timesheets.empty() && fact.at < site.timesheets.back().at) site.unsorted = true;
      site.timesheets.push_back({fact.at, intern("", data->text("person_id"))});
      return;
    case EventType::absence_recorded:
      fact.kind = FactKind::absence;
      fact.x = number_or_zero(*data, "days");
      break;
    case EventType::incident_opened:
    case EventType::incident_relabelled:
      fact.kind = event.type == EventType::incident_opened ? FactKind::incident_opened
                                                           : FactKind::incident_relabelled;
      fact.key = intern(event.site_id, data->text("incident_id"));
      put_labels(*data, fact);
      break;
    case EventType::incident_resolved:
      fact.kind = FactKind::incident_resolved;
      fact.key = intern(event.site_id, data->text("incident_id"));
      break;
    case EventType::request_opened: {
      fact.kind = FactKind::request_opened;
      fact.key = intern(event.site_id, data->text("request_id"));
      const auto kind = data->text("kind");
      fact.x = (kind == "technical" || kind == "design_office_question") ? 1.0f : 0.0f;
      break;
    }
    case EventType::request_resolved:
      fact.kind = FactKind::request_resolved;
      fact.key = intern(event.site_id, data->text("request_id"));
      break;
    case EventType::weather_forecast:
      fact.kind = FactKind::weather;
      fact.x = number_or_zero(*data, "rain_days_7d");
      fact.y = number_or_zero(*data, "snow_days_7d");
      fact.z = number_or_zero(*data, "frost_days_7d");
      break;
    case EventType::site_completed: {
      const auto end = data->date("actual_end");
      if (!end) return;
      fact.kind = FactKind::completed;
      fact.key = days_since_epoch(*end);
      break;
    }
    default:
      return;  // trips, reports, satisfaction, app use: no feature reads them
  }
  keep();
}

void CompanyHistory::sort() {
  for (auto& site : sites_) {
    if (!site.unsorted) continue;
    const auto by_time = [](const auto& a, const auto& b) { return a.at < b.at; };
    std::stable_sort(site.facts.begin(), site.facts.end(), by_time);
    std::stable_sort(site.timesheets.begin(), site.timesheets.end(), by_time);
    std::sort(site.photos.begin(), site.photos.end());
    site.unsorted = false;
  }
}

}  // namespace vigie::models
