// kpi/items.hpp
//
// Incidents and requests: figures that need two events (opened → taken, opened → resolved),
// which arrive in any order. Each item keeps what its events said; what it adds to its site's
// day counters is a pure function of that record, so an event that changes the record changes
// the counters by contribution(after) − contribution(before) (docs/decisions/0006).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "kpi/day_counters.hpp"

namespace vigie::kpi {

enum class IncidentCategory : std::uint8_t { safety, technical, material, administrative };

// Hours allowed by an urgency: < 1 h, < 4 h, < 1 j, < 3 j — 1, 4, 24 and 72 unless the company
// set its own (models.triage.sla_hours_*, which triage and the design office's queue use too).
enum class Urgency : std::uint8_t { within_1h, within_4h, within_1d, within_3d };
using IncidentSla = std::array<double, 4>;  // hours, by Urgency
inline constexpr IncidentSla kDefaultIncidentSla{1, 4, 24, 72};
inline double sla_hours(Urgency urgency, const IncidentSla& sla) { return sla[static_cast<std::size_t>(urgency)]; }

// An incident's labels: what its opening or a relabelling said.
struct Labels {
  std::optional<IncidentCategory> category;
  std::optional<int> severity;  // Faible 1 … Critique 4
  std::optional<Urgency> urgency;
  bool operator==(const Labels&) const = default;
};

// The names the events use (data.md): "safety", "critical" (severity 4), "1h".
std::string_view category_name(IncidentCategory category);
std::string_view severity_name(int severity);  // 1 … 4
std::string_view urgency_name(Urgency urgency);

// One opening or relabelling: the label fields it gave (the others it left as they were).
struct LabelStep {
  Instant at;
  Labels given;
};

struct Incident {
  std::optional<Instant> opened_at;
  std::optional<Instant> taken_at;     // the first taking in charge
  std::optional<Instant> resolved_at;  // the first resolution
  // Every opening and relabelling by occurred_at (same instant: in the order received). The
  // labels in force at a date are, field by field, the latest step up to it that gave the
  // field: a relabel of the severity alone must not hide the category.
  std::vector<LabelStep> label_steps;
};

void add_label_step(Incident& incident, LabelStep step);
// The labels in force at the end of Paris day `day`; every step's when nullopt (the latest).
Labels labels_at(const Incident& incident, std::optional<std::int32_t> day = std::nullopt);

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

// With the latest labels: what a period ending after the last relabelling sees.
std::vector<DayContribution> contribution(const Incident& incident, const IncidentSla& sla);

// "States are read at the end of the period from the events before it" (kpis.md): a period
// that ends before a relabelling sees the labels as they were. For each Paris day `relabel_day`
// on which the labels changed, a query whose period ends before that day adds `delta` on `day`
// (the labels before it minus the labels from it). Only days before relabel_day are kept: a
// period ending earlier never reads the others.
struct LabelCorrection {
  std::int32_t relabel_day;
  std::int32_t day;
  DayCounters delta;
};
std::vector<LabelCorrection> label_corrections(const Incident& incident, const IncidentSla& sla);
std::vector<DayContribution> contribution(const Request& request, double request_sla_hours);

}  // namespace vigie::kpi
