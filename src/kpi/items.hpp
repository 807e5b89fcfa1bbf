// kpi/items.hpp
//
// Incidents and requests: figures that need two events (opened → taken, opened → resolved),
// which arrive in any order. Each item keeps what its events said; what it adds to its site's
// day counters is a pure function of that record, so an event that changes the record changes
// the counters by contribution(after) − contribution(before) (docs/decisions/0006).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/time.hpp"
#include "kpi/day_counters.hpp"

namespace vigie::kpi {

enum class IncidentCategory : std::uint8_t { safety, technical, material, administrative };

// Hours allowed by an urgency: < 1 h, < 4 h, < 1 j, < 3 j.
enum class Urgency : std::uint8_t { within_1h, within_4h, within_1d, within_3d };
double sla_hours(Urgency urgency);

struct Incident {
  std::optional<Instant> opened_at;
  std::optional<Instant> taken_at;     // the first taking in charge
  std::optional<Instant> resolved_at;  // the first resolution
  // Each label field keeps the value of the latest event (opening or relabelling) that gave it:
  // a relabel of the severity alone arriving before the opening must not hide its category.
  std::optional<IncidentCategory> category;
  std::optional<int> severity;         // Faible 1 … Critique 4
  std::optional<Urgency> urgency;
  Instant category_at{}, severity_at{}, urgency_at{};
};

enum class RequestKind : std::uint8_t { technical, material, design_office_question };

struct Request {
  std::optional<Instant> opened_at;
  std::optional<Instant> resolved_at;
  std::optional<RequestKind> kind;
};

// One day's share of an item's figures.
struct DayContribution {
  std::int32_t day;  // days since 1970-01-01, Paris calendar
  DayCounters counters;
};

std::vector<DayContribution> contribution(const Incident& incident);
std::vector<DayContribution> contribution(const Request& request, double request_sla_hours);

}  // namespace vigie::kpi
