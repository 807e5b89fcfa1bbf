#include "kpi/items.hpp"

#include <algorithm>
#include <map>

#include "common/paris_time.hpp"

namespace vigie::kpi {
namespace {

double hours_between(Instant from, Instant to) {
  return std::chrono::duration<double, std::ratio<3600>>(to - from).count();
}

HoursTally one(double hours) { return HoursTally{1, hours}; }

// The instant an item leaves the design-office queue: taken in charge or resolved, first.
std::optional<Instant> first_of(const std::optional<Instant>& a, const std::optional<Instant>& b) {
  if (a && b) return std::min(*a, *b);
  return a ? a : b;
}

}  // namespace

void add_label_step(Incident& incident, LabelStep step) {
  auto& steps = incident.label_steps;
  const auto place = std::upper_bound(steps.begin(), steps.end(), step.at,
                                      [](Instant at, const LabelStep& s) { return at < s.at; });
  steps.insert(place, step);
}

Labels labels_at(const Incident& incident, std::optional<std::int32_t> day) {
  Labels labels;
  for (const LabelStep& step : incident.label_steps) {
    if (day && paris_day_number(step.at) > *day) break;
    if (step.given.category) labels.category = step.given.category;
    if (step.given.severity) labels.severity = step.given.severity;
    if (step.given.urgency) labels.urgency = step.given.urgency;
  }
  return labels;
}

namespace {

std::vector<DayContribution> contribution_with(const Incident& incident, const Labels& labels,
                                               const IncidentSla& sla) {
  std::vector<DayContribution> out;
  if (!incident.opened_at) return out;  // nothing counts before the opening is known
  const Instant opened = *incident.opened_at;
  const bool design_office = labels.category == IncidentCategory::technical;

  DayContribution opening{paris_day_number(opened), {}};
  opening.counters.incidents_opened = 1;
  if (labels.severity) {
    opening.counters.severity_sum = *labels.severity;
    opening.counters.severity_known = 1;
  }
  if (design_office) opening.counters.design_queue = 1;
  out.push_back(opening);

  if (design_office) {
    if (incident.taken_at) {
      DayContribution taken{paris_day_number(*incident.taken_at), {}};
      taken.counters.technical_response = one(hours_between(opened, *incident.taken_at));
      out.push_back(taken);
    }
    if (const auto left = first_of(incident.taken_at, incident.resolved_at)) {
      DayContribution leaving{paris_day_number(*left), {}};
      leaving.counters.design_queue = -1;
      out.push_back(leaving);
    }
  }
  if (incident.resolved_at) {
    const double hours = hours_between(opened, *incident.resolved_at);
    DayContribution resolved{paris_day_number(*incident.resolved_at), {}};
    resolved.counters.incident_resolution = one(hours);
    if (design_office) {
      resolved.counters.design_resolution = one(hours);
      if (labels.urgency && hours <= sla_hours(*labels.urgency, sla)) {
        resolved.counters.design_within_sla = 1;
      }
    }
    out.push_back(resolved);
  }
  return out;
}

// Adds `sign` × each part of `parts` dated before `before_day` to `by_day`.
void accumulate(std::map<std::int32_t, DayCounters>& by_day,
                const std::vector<DayContribution>& parts, bool adding, std::int32_t before_day) {
  for (const DayContribution& part : parts) {
    if (part.day >= before_day) continue;
    adding ? (by_day[part.day] += part.counters) : (by_day[part.day] -= part.counters);
  }
}

}  // namespace

std::vector<DayContribution> contribution(const Incident& incident, const IncidentSla& sla) {
  return contribution_with(incident, labels_at(incident), sla);
}

std::vector<LabelCorrection> label_corrections(const Incident& incident, const IncidentSla& sla) {
  std::vector<LabelCorrection> out;
  std::vector<std::int32_t> days;  // the distinct Paris days of the steps, in order
  for (const LabelStep& step : incident.label_steps) {
    const std::int32_t day = paris_day_number(step.at);
    if (days.empty() || days.back() != day) days.push_back(day);
  }
  for (std::size_t j = 1; j < days.size(); ++j) {
    const Labels before = labels_at(incident, days[j - 1]);
    const Labels after = labels_at(incident, days[j]);
    if (before == after) continue;
    std::map<std::int32_t, DayCounters> by_day;
    accumulate(by_day, contribution_with(incident, before, sla), true, days[j]);
    accumulate(by_day, contribution_with(incident, after, sla), false, days[j]);
    for (const auto& [day, delta] : by_day) {
      if (delta != DayCounters{}) out.push_back({days[j], day, delta});
    }
  }
  return out;
}

std::vector<DayContribution> contribution(const Request& request, double request_sla_hours) {
  std::vector<DayContribution> out;
  if (!request.opened_at || !request.kind) return out;
  const bool design_office = request.kind != RequestKind::material;
  if (design_office) {
    DayContribution opening{paris_day_number(*request.opened_at), {}};
    opening.counters.design_queue = 1;  // a request waits until resolved
    out.push_back(opening);
  }
  if (!request.resolved_at) return out;
  const double hours = hours_between(*request.opened_at, *request.resolved_at);
  DayContribution resolved{paris_day_number(*request.resolved_at), {}};
  switch (*request.kind) {
    case RequestKind::material:
      resolved.counters.material_response = one(hours);
      break;
    case RequestKind::design_office_question:
      resolved.counters.question_response = one(hours);
      [[fallthrough]];
    case RequestKind::technical:
      resolved.counters.design_queue = -1;
      resolved.counters.design_resolution = one(hours);
      resolved.counters.design_within_sla = hours <= request_sla_hours ? 1 : 0;
      break;
  }
  out.push_back(resolved);
  return out;
}

}  // namespace vigie::kpi
