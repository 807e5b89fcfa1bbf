// kpi/day_counters.hpp
//
// What one site's events of one Paris day add to the KPIs (docs/decisions/0006): only sums,
// so that a period is the sum of its days and a late event changes its own day. Means and
// ratios are made at query time from these sums (sum / count), never stored.
#pragma once

#include <cstdint>

namespace vigie::kpi {

// Sum and count of durations in hours (a mean is hours / count).
struct HoursTally {
  std::int64_t count = 0;
  double hours = 0;
  HoursTally& operator+=(const HoursTally& o) { count += o.count; hours += o.hours; return *this; }
  HoursTally& operator-=(const HoursTally& o) { count -= o.count; hours -= o.hours; return *this; }
  bool operator==(const HoursTally&) const = default;
};

struct DayCounters {
  std::int64_t expense_cents = 0;        // KPI 2, 14: AC is the sum up to a date
  std::int64_t incidents_opened = 0;     // KPI 4, 10
  std::int64_t severity_sum = 0;         // KPI 4: over opened incidents with a severity
  std::int64_t severity_known = 0;
  HoursTally incident_resolution;        // KPI 4: opening → resolution, on the resolution day
  std::int64_t client_scores = 0;        // KPI 5: respondent = client
  double client_score_sum = 0;
  std::int64_t chief_scores = 0;         // the design office's day: respondent = chief
  double chief_score_sum = 0;
  std::int64_t team_scores = 0;          // KPI 5's team satisfaction: respondent = team
  double team_score_sum = 0;
  std::int64_t reports = 0;              // KPI 6, 13
  std::int64_t reports_sent_to_client = 0;  // KPI 13
  double writing_minutes = 0;
  std::int64_t design_queue = 0;         // KPI 7: +1 entering the design-office queue, −1 leaving
  HoursTally design_resolution;          // KPI 7: items resolved that day
  std::int64_t design_within_sla = 0;    // KPI 7: of those, resolved within their SLA
  double hours_total = 0;                // KPI 8: timesheets on their `date`
  double hours_billable = 0;
  std::int64_t photos = 0;               // KPI 9
  std::int64_t photo_bytes = 0;
  HoursTally technical_response;         // KPI 11: Technique incident, opening → first taken
  HoursTally material_response;          // KPI 11: material request, opening → resolved
  HoursTally question_response;          // KPI 11: design-office question, opening → resolved
  double trip_km = 0;                    // KPI 15
  double trip_minutes = 0;
  double plan_km_saved = 0;              // KPI 15: accepted plans, on the day of acceptance
  double plan_hours_saved = 0;

  DayCounters& operator+=(const DayCounters& o);
  DayCounters& operator-=(const DayCounters& o);
  bool operator==(const DayCounters&) const = default;
};

// The one list of fields: `apply(mine, theirs)` on each pair, so that += and -= cannot drift.
template <class Apply>
void pair_fields(DayCounters& a, const DayCounters& b, Apply apply) {
  apply(a.expense_cents, b.expense_cents);
  apply(a.incidents_opened, b.incidents_opened);
  apply(a.severity_sum, b.severity_sum);
  apply(a.severity_known, b.severity_known);
  apply(a.incident_resolution, b.incident_resolution);
  apply(a.client_scores, b.client_scores);
  apply(a.client_score_sum, b.client_score_sum);
  apply(a.chief_scores, b.chief_scores);
  apply(a.chief_score_sum, b.chief_score_sum);
  apply(a.team_scores, b.team_scores);
  apply(a.team_score_sum, b.team_score_sum);
  apply(a.reports, b.reports);
  apply(a.reports_sent_to_client, b.reports_sent_to_client);
  apply(a.writing_minutes, b.writing_minutes);
  apply(a.design_queue, b.design_queue);
  apply(a.design_resolution, b.design_resolution);
  apply(a.design_within_sla, b.design_within_sla);
  apply(a.hours_total, b.hours_total);
  apply(a.hours_billable, b.hours_billable);
  apply(a.photos, b.photos);
  apply(a.photo_bytes, b.photo_bytes);
  apply(a.technical_response, b.technical_response);
  apply(a.material_response, b.material_response);
  apply(a.question_response, b.question_response);
  apply(a.trip_km, b.trip_km);
  apply(a.trip_minutes, b.trip_minutes);
  apply(a.plan_km_saved, b.plan_km_saved);
  apply(a.plan_hours_saved, b.plan_hours_saved);
}

inline DayCounters& DayCounters::operator+=(const DayCounters& o) {
  pair_fields(*this, o, [](auto& mine, const auto& theirs) { mine += theirs; });
  return *this;
}

inline DayCounters& DayCounters::operator-=(const DayCounters& o) {
  pair_fields(*this, o, [](auto& mine, const auto& theirs) { mine -= theirs; });
  return *this;
}

}  // namespace vigie::kpi
