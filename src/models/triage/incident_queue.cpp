#include "models/triage/incident_queue.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "common/paris_time.hpp"

namespace vigie::models::triage {
namespace {

constexpr std::array<std::string_view, 3> kStateNames = {"waiting", "in_progress", "resolved"};
constexpr std::array<std::string_view, 4> kFilterNames = {"open", "waiting", "in_progress",
                                                          "resolved_today"};

double hours_between(Instant from, Instant to) {
  return std::chrono::duration<double, std::ratio<3600>>(to - from).count();
}

QueueState state_of(const IncidentRecord& record) {
  if (record.resolved_at) return QueueState::resolved;
  return record.taken_at ? QueueState::in_progress : QueueState::waiting;
}

bool listed(QueueFilter filter, QueueState state, bool resolved_today) {
  switch (filter) {
    case QueueFilter::open:
      return state != QueueState::resolved;
    case QueueFilter::waiting:
      return state == QueueState::waiting;
    case QueueFilter::in_progress:
      return state == QueueState::in_progress;
    case QueueFilter::resolved_today:
      return resolved_today;
  }
  return false;
}

std::optional<Instant> sla_due(const IncidentRecord& record, const SlaHours& sla) {
  return sla_due_at(*record.opened_at, record.labels()[static_cast<std::size_t>(Output::urgency)],
                    sla);
}

// Counts `record` in the day's figures (most incidents are counted, few are listed: no copy).
void count(QueueDay& day, const IncidentRecord& record, QueueState state,
           std::optional<Instant> due, bool resolved_today) {
  if (state == QueueState::waiting) ++day.waiting;
  if (state == QueueState::in_progress) ++day.in_progress;
  if (!resolved_today) return;
  ++day.resolved_today;
  const Instant resolved_at = *record.resolved_at;
  day.resolution_hours += hours_between(*record.opened_at, resolved_at);
  if (due) {
    ++day.with_sla;
    if (resolved_at <= *due) ++day.within_sla;
  }
}

// Open: the earliest due first, those without an SLA last, then the oldest; resolved: the latest
// resolution first. Ties by site and id, so that the order never flickers between two reads.
bool shown_before(const QueueEntry& a, const QueueEntry& b) {
  const auto key = [](const QueueEntry& e) {
    return std::tie(e.record.site_id, e.record.incident_id);
  };
  if (a.record.resolved_at && b.record.resolved_at &&
      *a.record.resolved_at != *b.record.resolved_at) {
    return *a.record.resolved_at > *b.record.resolved_at;
  }
  if (a.sla_due_at.has_value() != b.sla_due_at.has_value()) return a.sla_due_at.has_value();
  if (a.sla_due_at && *a.sla_due_at != *b.sla_due_at) return *a.sla_due_at < *b.sla_due_at;
  if (*a.record.opened_at != *b.record.opened_at) return *a.record.opened_at < *b.record.opened_at;
  return key(a) < key(b);
}

}  // namespace

std::string_view queue_state_name(QueueState state) {
  return kStateNames[static_cast<std::size_t>(state)];
}

std::optional<QueueFilter> parse_queue_filter(std::string_view text) {
  for (std::size_t i = 0; i < kFilterNames.size(); ++i) {
    if (kFilterNames[i] == text) return static_cast<QueueFilter>(i);
  }
  return std::nullopt;
}

std::optional<double> QueueDay::mean_resolution_hours() const {
  if (resolved_today == 0) return std::nullopt;
  return resolution_hours / static_cast<double>(resolved_today);
}

std::optional<double> QueueDay::sla_met_share() const {
  if (with_sla == 0) return std::nullopt;
  return static_cast<double>(within_sla) / static_cast<double>(with_sla);
}

std::optional<Instant> sla_due_at(Instant opened_at, int urgency, const SlaHours& sla) {
  if (urgency < 0) return std::nullopt;
  const auto millis = std::llround(sla_hours(urgency, sla) * 3'600'000.0);
  return opened_at + std::chrono::milliseconds{millis};
}

QueueEntry queue_entry(const IncidentRecord& record, const SlaHours& sla) {
  QueueEntry entry;
  entry.record = record;
  entry.state = state_of(record);
  entry.labels = record.labels();
  const int urgency = entry.labels[static_cast<std::size_t>(Output::urgency)];
  if (urgency >= 0) entry.sla_hours = sla_hours(urgency, sla);
  if (record.opened_at) entry.sla_due_at = sla_due(record, sla);
  return entry;
}

IncidentQueue incident_queue(const CompanyIncidents& incidents,
                             const std::function<bool(const std::string& site_id)>& visible,
                             QueueFilter filter, const SlaHours& sla, Instant now) {
  const std::int32_t today = paris_day_number(now);
  IncidentQueue queue;
  for (const auto& [key, record] : incidents.records()) {
    if (!record.opened_at || !visible(record.site_id)) continue;
    const bool resolved_today =
        record.resolved_at && paris_day_number(*record.resolved_at) == today;
    const QueueState state = state_of(record);
    count(queue.day, record, state, sla_due(record, sla), resolved_today);
    if (listed(filter, state, resolved_today)) queue.entries.push_back(queue_entry(record, sla));
  }
  std::sort(queue.entries.begin(), queue.entries.end(), shown_before);
  return queue;
}

}  // namespace vigie::models::triage
