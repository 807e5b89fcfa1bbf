// models/delay/site_history.hpp
//
// What the delay model keeps of the event history (models.md, Model 1): per site, the facts its
// features are made of, each placed by occurred_at; per person their experience and per team
// its members, as timelines. Only what a feature reads is kept, in a few bytes per event, so a
// server can hold the whole company's history and score a site at any date.
// apply() takes each stored event once, in any order; after a batch, sort() puts each touched
// site's facts back in time order (a same-instant fact keeps its arrival order).
// Not thread-safe: the owner serialises apply() and sort() against reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/time.hpp"
#include "events/event.hpp"
#include "kpi/timeline.hpp"

namespace vigie::models {

// A site's record as a site.upserted or budget.revised left it.
struct SiteRecordFacts {
  std::string type;
  std::string region;
  std::string manager_id;
  std::string chief_id;
  std::string team_id;
  std::string status;
  double budget_total = 0;     // €
  double budget_material = 0;  // €
  LocalDate planned_start{};
  LocalDate planned_end{};
  std::optional<LocalDate> actual_end;
  int complexity = 0;
  int subcontractors = 0;
};

enum class FactKind : std::uint8_t {
  site_record,        // key: index in SiteHistory::records
  budget_revised,     // x: budget_total, y: budget_material
  expense,            // x: amount (€), y: 1 when material
  progress,           // x: percent complete
  absence,            // x: days
  incident_opened,    // key: incident; x: severity 1–4 (0 unknown); y: category 0–3 (-1 unknown)
  incident_relabelled,// key, x, y as above (a field not given: -1)
  incident_resolved,  // key
  request_opened,     // key: request; x: 1 when for the design office (technical, question)
  request_resolved,   // key
  plan_modified,
  weather,            // x: rain, y: snow, z: frost days in the 7-day forecast
  completed,          // key: days since epoch of actual_end
};

struct Fact {
  Instant at;
  std::int32_t key = 0;
  FactKind kind = FactKind::plan_modified;
  float x = 0, y = 0, z = 0;
};

// A person's day on a site (timesheet.recorded).
struct PersonDay {
  Instant at;
  std::int32_t person = 0;
};

// Photos and timesheets, three in four of a site's events, are kept apart from the other facts:
// features read them as counts over a window, found by binary search up to t, so that the walk
// of the facts (models/delay/feature_builder.hpp) does not step through them one by one.
struct SiteHistory {
  std::string id;
  std::vector<Fact> facts;             // by `at` once sorted
  std::vector<Instant> photos;         // sorted once sorted
  std::vector<PersonDay> timesheets;   // by `at` once sorted
  std::vector<SiteRecordFacts> records;
  bool unsorted = false;
};

// The site's record in force at t (the latest site.upserted up to it); nullptr before any.
const SiteRecordFacts* record_at(const SiteHistory& site, Instant t);
// Whether the site is being built at t: its record then says active or suspended.
bool under_way_at(const SiteHistory& site, Instant t);

class CompanyHistory {
 public:
  void apply(const events::Event& event);
  // Orders the facts of every site changed since the last call.
  void sort();

  const std::vector<SiteHistory>& sites() const { return sites_; }
  const SiteHistory* site(std::string_view id) const;
  // A person's experience in years as known at `t` (nullopt: never said).
  std::optional<double> experience_at(std::string_view person_id, Instant t) const;
  // The number of members (chief included) of a team as known at `t`; 0 when unknown.
  int team_size_at(std::string_view team_id, Instant t) const;
  std::uint64_t events_applied() const { return events_applied_; }

 private:
  SiteHistory& site_history(const std::string& id);
  std::int32_t intern(const std::string& site_id, std::string_view item_id);
  void apply_site_event(const events::Event& event);

  std::vector<SiteHistory> sites_;
  std::unordered_map<std::string, std::size_t> site_index_;
  std::unordered_map<std::string, std::int32_t> keys_;  // person and item ids → small integers
  std::unordered_map<std::string, kpi::Timeline<double>> experience_;
  std::unordered_map<std::string, kpi::Timeline<int>> team_sizes_;
  std::uint64_t events_applied_ = 0;
};

}  // namespace vigie::models
