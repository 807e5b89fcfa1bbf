// models/planning/planning_history.hpp
//
// What the planner keeps of the event history (models.md, Model 2; data.md): every record of
// the sites, people, teams and vehicles with the instant it took effect, the hours of each
// timesheet and the km and minutes of each trip by site, and the accepted plans. From it, the week problem as the
// company stood at the start of any week (week_builder.hpp): the coming week for `vigie plan`,
// each past week for `vigie eval planner`. apply() takes each stored event once, in any order;
// sort() before reading. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"
#include "events/event.hpp"
#include "events/records.hpp"
#include "store/store.hpp"

namespace vigie::models::planning {

struct PersonFacts {
  std::string name;  // as the records give it: what people call a team by (its chief)
  std::optional<double> home_lat, home_lon;
  std::optional<double> experience_years;
  std::vector<std::string> skills;
  std::vector<std::string> preferred_site_types;
};

struct TeamFacts {
  std::string chief_id;
  std::vector<std::string> member_ids;
  std::vector<std::string> vehicle_ids;
  double weekly_capacity_hours = 0;
};

struct VehicleFacts {
  std::optional<LocalDate> available_from, available_to;
};

// A record's versions by the instant each took effect.
template <class Record>
struct Versions {
  std::vector<std::pair<Instant, Record>> items;
  // The version in force just before `t` (nullptr: none yet).
  const Record* before(Instant t) const;
};

struct SiteWork {  // a timesheet's hours or a trip's km and minutes, by instant
  Instant at;
  float hours = 0, km = 0, minutes = 0;
};

class PlanningHistory {
 public:
  void apply(const events::Event& event);
  void sort();

  const std::map<std::string, Versions<events::SiteRecord>>& sites() const { return sites_; }
  const std::map<std::string, Versions<PersonFacts>>& persons() const { return persons_; }
  const std::map<std::string, Versions<TeamFacts>>& teams() const { return teams_; }
  const std::map<std::string, Versions<VehicleFacts>>& vehicles() const { return vehicles_; }
  const std::map<std::string, Instant>& completions() const { return completed_at_; }
  // Timesheets and trips of a site, by instant once sorted.
  const std::vector<SiteWork>* timesheets(const std::string& site_id) const;
  const std::vector<SiteWork>* trips(const std::string& site_id) const;
  // The team an accepted plan gives a site for an ISO week ("2026-W50"); nullptr: none. The
  // latest acceptance wins.
  const std::string* accepted_team(const std::string& week, const std::string& site_id) const;

 private:
  std::map<std::string, Versions<events::SiteRecord>> sites_;
  std::map<std::string, Versions<PersonFacts>> persons_;
  std::map<std::string, Versions<TeamFacts>> teams_;
  std::map<std::string, Versions<VehicleFacts>> vehicles_;
  std::map<std::string, Instant> completed_at_;
  std::map<std::string, std::vector<SiteWork>> timesheets_, trips_;
  std::map<std::pair<std::string, std::string>, std::pair<Instant, std::string>> accepted_;  // (week, site)
};

// Every stored event of the types the planner reads. Trips, as many as all the others, only
// serve the replay of past weeks (planner_evaluation.hpp): read when asked.
enum class WithTrips : bool { no, yes };
Expected<PlanningHistory> load_planning_history(const store::Store& store,
                                                WithTrips trips = WithTrips::no);

// Brings `history` up to the store as it stands: applies the events of the planner's types
// stored after `after_seq` and sorts it again when any came. Returns the seq it holds up to
// (for the next call). Keeps a server's history current at the cost of what arrived since.
Expected<std::int64_t> catch_up_planning_history(const store::Store& store, std::int64_t after_seq,
                                                 PlanningHistory& history,
                                                 WithTrips trips = WithTrips::no);

template <class Record>
const Record* Versions<Record>::before(Instant t) const {
  const Record* found = nullptr;
  for (const auto& [at, record] : items) {  // few versions per entity
    if (at >= t) break;
    found = &record;
  }
  return found;
}

}  // namespace vigie::models::planning
