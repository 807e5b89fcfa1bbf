// models/triage/incident_queue.hpp
//
// The design office's incident queue (surfaces.md, Bureau d'études; models.md: "SLA set, queue
// ordered by SLA"): from the folded incidents at `now`, the counts waiting / in progress /
// resolved today, the day's resolution figures, and the incidents of one state with the SLA due
// time of their urgency in force, the most pressing first. Pure: the route reads the fold under
// its lock, calls this, and names sites and people afterwards.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "models/triage/company_incidents.hpp"
#include "models/triage/labels.hpp"

namespace vigie::models::triage {

enum class QueueState : std::uint8_t { waiting, in_progress, resolved };
std::string_view queue_state_name(QueueState state);  // "waiting", "in_progress", "resolved"

// Which incidents a queue lists: every open one (waiting or in progress), one of those states,
// or those resolved on today's Paris day.
enum class QueueFilter : std::uint8_t { open, waiting, in_progress, resolved_today };
// "open", "waiting", "in_progress", "resolved_today"; nullopt for anything else.
std::optional<QueueFilter> parse_queue_filter(std::string_view text);

// surfaces.md: the day's mean resolution time is read against a 2 h target.
inline constexpr double kResolutionTargetHours = 2;

struct QueueEntry {
  IncidentRecord record;  // a copy: the fold moves on once the read ends
  QueueState state = QueueState::waiting;
  Labels labels = kNoLabels;          // in force (IncidentRecord::labels)
  std::optional<double> sla_hours;    // the SLA of the urgency in force; none without one
  std::optional<Instant> sla_due_at;  // opening + that SLA
};

struct QueueDay {
  std::int64_t waiting = 0;         // open, nobody has taken it
  std::int64_t in_progress = 0;     // taken, not resolved
  std::int64_t resolved_today = 0;  // resolved on today's Paris day
  double resolution_hours = 0;      // sum over those resolved today: opening → resolution
  std::int64_t with_sla = 0;        // of those, with an urgency
  std::int64_t within_sla = 0;      // … resolved within its SLA
  std::optional<double> mean_resolution_hours() const;
  std::optional<double> sla_met_share() const;
};

struct IncidentQueue {
  QueueDay day;
  std::vector<QueueEntry> entries;  // open: earliest SLA due first, those without one last, then
                                    // by opening; resolved today: the latest resolution first
};

// The queue of the incidents on sites `visible` accepts; those without an opening yet (a taking
// that arrived first) are not counted.
IncidentQueue incident_queue(const CompanyIncidents& incidents,
                             const std::function<bool(const std::string& site_id)>& visible,
                             QueueFilter filter, const SlaHours& sla, Instant now);

// One opened incident as the queue shows it (its state, labels in force and SLA due time).
QueueEntry queue_entry(const IncidentRecord& record, const SlaHours& sla);

// Opening + the SLA of `urgency` (a class; -1: none, nullopt).
std::optional<Instant> sla_due_at(Instant opened_at, int urgency, const SlaHours& sla);

}  // namespace vigie::models::triage
