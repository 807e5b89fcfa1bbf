#include "models/planning/planning_history.hpp"

#include <algorithm>
#include <span>

#include "events/data_fields.hpp"

namespace vigie::models::planning {
namespace {

using events::EventType;

constexpr EventType kPlanningTypes[] = {
    EventType::site_upserted,    EventType::person_upserted, EventType::team_upserted,
    EventType::vehicle_upserted, EventType::site_completed,  EventType::timesheet_recorded,
    EventType::plan_accepted,    EventType::trip_recorded,  // last: left out without trips
};

template <class Record>
void sort_versions(std::map<std::string, Versions<Record>>& all) {
  for (auto& [id, versions] : all) {
    std::stable_sort(versions.items.begin(), versions.items.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
}

}  // namespace

void PlanningHistory::apply(const events::Event& event) {
  switch (event.type) {
    case EventType::site_upserted:
      if (auto record = events::decode_site(event)) {
        sites_[event.site_id].items.emplace_back(event.occurred_at, std::move(*record));
      }
      return;
    case EventType::site_completed: {
      auto& at = completed_at_[event.site_id];
      if (at == Instant{} || event.occurred_at < at) at = event.occurred_at;
      return;
    }
    default:
      break;
  }
  const auto data = events::DataFields::of(event);
  if (!data) return;
  switch (event.type) {
    case EventType::person_upserted: {
      PersonFacts person;
      person.name = data->text("name");
      person.home_lat = data->number("home_lat");
      person.home_lon = data->number("home_lon");
      person.experience_years = data->number("experience_years");
      person.skills = data->text_list("skills");
      if (const auto preferences = data->object("preferences")) {
        person.preferred_site_types = preferences->text_list("site_types");
      }
      persons_[std::string{data->text("id")}].items.emplace_back(event.occurred_at, std::move(person));
      return;
    }
    case EventType::team_upserted: {
      TeamFacts team{std::string{data->text("chief_id")}, data->text_list("member_ids"),
                     data->text_list("vehicle_ids"), data->number("weekly_capacity_hours").value_or(0)};
      teams_[std::string{data->text("id")}].items.emplace_back(event.occurred_at, std::move(team));
      return;
    }
    case EventType::vehicle_upserted:
      vehicles_[std::string{data->text("id")}].items.emplace_back(
          event.occurred_at, VehicleFacts{data->date("available_from"), data->date("available_to")});
      return;
    case EventType::timesheet_recorded:
      timesheets_[event.site_id].push_back(
          {event.occurred_at, static_cast<float>(data->number("hours_total").value_or(0))});
      return;
    case EventType::plan_accepted: {
      auto& [at, team] = accepted_[{std::string{data->text("week")}, event.site_id}];
      if (team.empty() || event.occurred_at >= at) {
        at = event.occurred_at;
        team = data->text("team_id");
      }
      return;
    }
    case EventType::trip_recorded:
      trips_[event.site_id].push_back({event.occurred_at, 0,
                                       static_cast<float>(data->number("km").value_or(0)),
                                       static_cast<float>(data->number("minutes").value_or(0))});
      return;
    default:
      return;
  }
}

void PlanningHistory::sort() {
  sort_versions(sites_);
  sort_versions(persons_);
  sort_versions(teams_);
  sort_versions(vehicles_);
  for (auto* all : {&timesheets_, &trips_}) {
    for (auto& [site, work] : *all) {
      std::stable_sort(work.begin(), work.end(),
                       [](const SiteWork& a, const SiteWork& b) { return a.at < b.at; });
    }
  }
}

const std::vector<SiteWork>* PlanningHistory::timesheets(const std::string& site_id) const {
  const auto found = timesheets_.find(site_id);
  return found == timesheets_.end() ? nullptr : &found->second;
}

const std::vector<SiteWork>* PlanningHistory::trips(const std::string& site_id) const {
  const auto found = trips_.find(site_id);
  return found == trips_.end() ? nullptr : &found->second;
}

const std::string* PlanningHistory::accepted_team(const std::string& week,
                                                 const std::string& site_id) const {
  const auto found = accepted_.find({week, site_id});
  return found == accepted_.end() ? nullptr : &found->second.second;
}

Expected<std::int64_t> catch_up_planning_history(const store::Store& store, std::int64_t after_seq,
                                                 PlanningHistory& history, WithTrips trips) {
  const std::span<const EventType> types{kPlanningTypes,
                                         std::size(kPlanningTypes) - (trips == WithTrips::yes ? 0 : 1)};
  bool any = false;
  auto scanned = store.scan_events_of_types(after_seq, types,
                                            [&history, &any](std::int64_t, const events::Event& event) {
                                              history.apply(event);
                                              any = true;
                                            });
  if (!scanned) return scanned.error();
  if (any) history.sort();
  return *scanned;
}

Expected<PlanningHistory> load_planning_history(const store::Store& store, WithTrips trips) {
  PlanningHistory history;
  auto caught_up = catch_up_planning_history(store, 0, history, trips);
  if (!caught_up) return caught_up.error();
  return history;
}

}  // namespace vigie::models::planning
