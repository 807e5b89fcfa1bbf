// kpi/company.hpp
//
// The KPI state of the whole company, folded from events (docs/decisions/0006): per site its
// timelines (status, budget, progress, attributes, actual end) and its day counters; incidents
// and requests as items; per person the days they used the app and were absent; per site and
// feature the app uses. apply() takes each stored event once, in any order (the store has
// already dropped duplicates); the state is then the same whatever the order.
// Not thread-safe: the owner serialises apply() against reads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event.hpp"
#include "kpi/day_counters.hpp"
#include "kpi/day_series.hpp"
#include "kpi/items.hpp"
#include "kpi/timeline.hpp"

namespace vigie::kpi {

enum class SiteStatus : std::uint8_t { planned, active, suspended, completed, cancelled };
std::optional<SiteStatus> parse_site_status(std::string_view name);
std::string_view site_status_name(SiteStatus status);

// What scope filters and schedules read from a site's latest record at a date.
struct SiteAttributes {
  std::string type;
  std::string region;
  std::string manager_id;
  std::string team_id;
  std::string chief_id;
  LocalDate planned_start{};
  LocalDate planned_end{};
};

struct Count {
  std::int64_t n = 0;
  Count& operator+=(const Count& o) { n += o.n; return *this; }
  Count& operator-=(const Count& o) { n -= o.n; return *this; }
};

struct SiteState {
  std::string id;
  Timeline<SiteAttributes> attributes;
  Timeline<SiteStatus> status;
  Timeline<std::int64_t> budget_cents;  // BAC
  Timeline<double> percent_complete;
  Timeline<std::optional<LocalDate>> actual_end;
  DaySeries<DayCounters> days;
  std::vector<DaySeries<Count>> feature_uses;  // KPI 12, by feature id (Company::features())
  // Incidents relabelled later, as (relabel day, day) → what a period ending before the relabel
  // day adds on that day (kpi/items.hpp). Few: only incidents whose labels changed.
  std::map<std::pair<std::int32_t, std::int32_t>, DayCounters> label_corrections;
  bool awaiting_refresh = false;               // changed since the last Company::refresh()
};

// A site's day counters over [first, last] (Paris day numbers), as known at the end of `last`:
// the sums of its days, with the labels incidents had then. `sum_to`: every day up to `last`.
// What every KPI reads instead of `days` directly.
DayCounters sum_days(const SiteState& site, std::int32_t first, std::int32_t last);
DayCounters sum_to(const SiteState& site, std::int32_t last);

struct PersonState {
  DaySeries<Count> app_days;     // app.used events per day (a day counts when > 0)
  DaySeries<Count> absent_days;  // 1 on each working day of an absence
  bool awaiting_refresh = false;
};

struct CompanySettings {
  double request_sla_hours = 24;  // KPI 7 (kpis.md: a request's SLA is 24 h, a setting)
  // KPI 7's incidents resolved within their SLA and the sla_at_risk alert: the hours triage and
  // the design office's queue use (models.triage.sla_hours_*, cli/company_settings.hpp).
  IncidentSla incident_sla_hours = kDefaultIncidentSla;
};

class Company {
 public:
  explicit Company(CompanySettings settings = {}) : settings_(settings) {}

  void apply(const events::Event& event);

  // Brings the running totals of what changed since the last call up to date
  // (kpi/day_series.hpp): after a batch, before reads. Costs what the batch touched, not the
  // size of the company.
  void refresh();

  const std::vector<SiteState>& sites() const { return sites_; }
  const SiteState* site(std::string_view id) const;
  const PersonState* person(std::string_view id) const;
  const CompanySettings& settings() const { return settings_; }
  // App features by id, in the order first seen; nullopt for a name never used.
  const std::vector<std::string>& features() const { return features_; }
  std::optional<std::size_t> feature_id(std::string_view name) const;
  // An incident by its site and the id its sender gave it (nullptr: none).
  const Incident* incident(std::string_view site_id, std::string_view incident_id) const;
  // Calls visit(site index in sites(), the incident's id as its sender gave it, record) for
  // every incident.
  template <class Visit>
  void visit_incidents(Visit&& visit) const {
    for (const auto& [key, entry] : incidents_) visit(entry.first, id_in_key(key), entry.second);
  }

 private:
  // Saves and restores the members below (kpi/company_codec.cpp): a new member goes there too,
  // and a change to what apply() computes bumps kSnapshotFormatVersion (company_snapshot.hpp).
  friend struct CompanyCodec;

  // Incidents and requests are keyed by site and id (ids are unique within a site at least).
  static std::string item_key(std::string_view site_id, std::string_view id) {
    std::string key{site_id};
    key += '\x1f';
    key += id;
    return key;
  }
  static std::string_view id_in_key(std::string_view key) { return key.substr(key.find('\x1f') + 1); }

  SiteState& site_state(const std::string& id);
  void apply_site(const events::Event& event);
  void apply_incident(const events::Event& event);
  void apply_request(const events::Event& event);
  void apply_counters(const events::Event& event);
  void apply_person_day(const events::Event& event);
  // Replaces `site`'s share of an item: removes `before`, adds `after`.
  void swap_contribution(SiteState& site, const std::vector<DayContribution>& before,
                         const std::vector<DayContribution>& after);
  void swap_corrections(SiteState& site, const std::vector<LabelCorrection>& before,
                        const std::vector<LabelCorrection>& after);

  CompanySettings settings_;
  std::vector<SiteState> sites_;
  std::unordered_map<std::string, std::size_t> site_index_;
  std::unordered_map<std::string, std::pair<std::size_t, Incident>> incidents_;  // site, record
  std::unordered_map<std::string, std::pair<std::size_t, Request>> requests_;
  std::unordered_map<std::string, PersonState> persons_;  // nodes stay put: pointers below hold
  std::vector<std::size_t> sites_to_refresh_;
  std::vector<PersonState*> persons_to_refresh_;
  std::vector<std::string> features_;
  std::unordered_map<std::string, std::size_t> feature_ids_;
};

}  // namespace vigie::kpi
