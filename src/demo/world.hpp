// demo/world.hpp
//
// The simulation's state. The company and the site plans are fixed; what changes day by day is
// each site's status, output, open incidents and requests and unposted money, and each person's
// current sites and absence. Only what is still open is kept, so memory does not grow with the
// history and 2000 sites fit easily.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/causal_model.hpp"
#include "demo/company.hpp"
#include "demo/day_events.hpp"
#include "demo/rng.hpp"
#include "demo/site_plan.hpp"
#include "events/event.hpp"

namespace vigie::demo {

enum class SiteStatus { not_signed, planned, active, suspended, completed, cancelled };

// Times inside the simulation: Paris wall-clock seconds since the epoch (day × 86400 + second of
// day). Daylight saving is ignored there; it only moves a duration by an hour twice a year.
using Stamp = std::int64_t;
constexpr Stamp at(std::int32_t day, int hour, int minute, int second = 0) {
  return static_cast<Stamp>(day) * 86400 + hour * 3600 + minute * 60 + second;
}
constexpr std::int32_t day_of(Stamp t) { return static_cast<std::int32_t>(t / 86400); }
constexpr int second_of_day(Stamp t) { return static_cast<int>(t % 86400); }
Stamp after_hours(Stamp from, double hours);
// The first moment from `t` in office hours (Monday–Friday, 07:30–19:00): the office answers
// a message sent at night in the morning.
Stamp office_time(Stamp t);

struct OpenIncident {
  std::string id;
  IncidentCategory category{};
  Severity severity{};
  Urgency urgency{};
  Stamp opened_at = 0;
  Stamp taken_at = 0;
  Stamp resolved_at = 0;
  Stamp relabelled_at = -1;  // -1: the labels stay as the chief gave them
  int handler = 0;           // who takes it in charge (design office or the manager)
  int relabeller = 0;
  std::uint8_t wrong_labels = 0;  // bits 0–2: category, severity, urgency wrong or missing
  bool taken = false;
};

struct OpenRequest {
  std::string id;
  Stamp opened_at = 0;
  Stamp resolved_at = 0;
  int handler = 0;
  RequestKind kind{};
};

struct SiteState {
  explicit SiteState(std::uint64_t seed) : rng{seed} {}
  Rng rng;  // the site's own stream: its draws never shift another site's
  SiteStatus status = SiteStatus::not_signed;
  double effort = 0;  // output needed: the plan's, with its noise and the plan changes so far
  double output = 0;
  std::int32_t resume_day = 0;
  std::int32_t actual_end_day = -1;
  int revision = 0;
  double budget_total = 0;
  double budget_material = 0;
  std::vector<OpenIncident> incidents;
  std::vector<OpenRequest> requests;
  std::vector<std::int32_t> absences_until;  // last day of each absence begun on this site
  double progress_reported = 0;              // percent
  double material_progress_bought = 0;       // share of progress whose material is paid
  double labour_accrued = 0;                 // € of labour not yet posted
  int subcontracting_steps = 0;              // fifths of the subcontracting already invoiced
};

struct PersonState {
  std::vector<int> sites;  // active sites this person works on
  std::int32_t absent_until = -1;
};

struct IdCounters {
  std::uint64_t incidents = 0;
  std::uint64_t requests = 0;
  std::uint64_t photos = 0;
  std::uint64_t reports = 0;
};

// The simulated day.
struct DayClock {
  std::int32_t day = 0;
  unsigned month = 1;
  int weekday = 0;  // 0 Sunday … 6 Saturday
  bool working = false;
  bool first_working_day_of_month = false;
  bool last_working_day_of_month = false;
  std::string date_text;  // "2026-11-24"
};

struct World {
  explicit World(std::uint64_t run_seed) : seed{run_seed}, events{run_seed} {}

  // One event of `site` (-1: none) by `actor` (-1: none) at a time of the current day.
  void add(int site, Stamp when, events::EventType type, events::Source source, int actor,
           std::string data);
  const std::string& person_id(int person) const { return company.people[person].id; }
  int chief_of(int site) const { return company.teams[plans[site].team].chief; }
  double progress(int site) const;  // 0–1

  std::uint64_t seed;
  Company company;
  std::vector<SitePlan> plans;
  std::vector<SiteDrivers> drivers;
  std::vector<SiteState> sites;
  std::vector<PersonState> people;
  IdCounters counters;
  DayEvents events;
};

}  // namespace vigie::demo
