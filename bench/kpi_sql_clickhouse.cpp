// The 15 KPIs of kpis.md over the raw events table (bench/kpi_flat_events.hpp) in ClickHouse
// 18.16, the SQL of bench/kpi_sql_sqlite.cpp (proven equal to the engine) said the way that old
// ClickHouse can say it: "the latest value by (at_ms, seq)" is argMaxIf over a tuple instead of a
// window, a site's days between two status changes are arrays instead of LEAD(), and since there
// are no table CTEs and only one JOIN per SELECT, the KPIs come from a few statements, one per
// group of rows they read. The scope's sites, which most statements filter on, are one subquery
// (kSites, filled once per request and written into each as {sites}); figures that divide one
// statement's count by another's are finished in C++ (clickhouse_figures).
//
// Absent values. The table has no Nullable column: the peer loads a null as its type's default,
// '' or 0 (bench/kpi_clickhouse_peer.cpp), and this SQL reads '' and 0 as "absent" wherever the
// SQLite SQL tests for NULL. Nothing real is lost: flattening already turns an empty text into
// null, the numbers the KPIs read are required by the catalogue, and day 0 (1 January 1970) is
// no date of a building site. Where it matters:
//   - actual_end, taken_day, resolved_day = 0 never fall in a period (periods are after 1970);
//     an item's `leave_day` is the earlier of the non-zero ones, 0 (never) when both are;
//   - an item exists only if it was opened (countIf, not a NULL opened_ms);
//   - a label (category, severity, urgency) is the latest non-empty one; an unknown severity or
//     urgency maps to 0, which the means and the SLA test leave out, as NULL is in SQLite;
//   - chief_id '' is no chief; a timesheet's date_day 0 falls back to its day; an absence whose
//     date_day is 0 finds no calendar day (the calendar starts long after day -1);
//   - sums over nothing are 0 in ClickHouse as after COALESCE, and a mean or ratio divides by
//     nullIf(count, 0), so that no data gives NULL (\N) rather than nan.
#include <map>
#include <string>

#include "bench/kpi_sql.hpp"

namespace vigie::bench {
namespace {

// Every site in scope as it stood at the end of the period {t} (the latest event of each kind by
// (at_ms, seq)) and what the period makes of it: in progress at its end or completed within it
// (`in_period`), earned value, overrun, schedule gap. Inner names differ from the columns they
// read: ClickHouse aliases are global to a SELECT, so `argMax(status, …) AS status` would be
// ambiguous. {scope}: the filters, each " AND <condition>".
constexpr std::string_view kSites = R"sql(
SELECT site_id, record_type AS site_type, record_chief AS chief_id, last_status AS status,
       last_actual_end AS actual_end, last_budget AS bac, spent AS ac,
       if(status = 'completed', 100, last_percent) AS pct,
       status = 'completed' AND actual_end BETWEEN {f} AND {t} AS completed_in,
       status IN ('active', 'suspended') OR completed_in AS in_period,
       pct / 100 * bac AS ev,
       in_period AND ev > 0 AND ac > ev * 1.02 AS overrun,
       if(completed_in, toFloat64(actual_end - record_end),
          least(greatest({t} - record_start, 0), record_end - record_start)
            - pct / 100 * (record_end - record_start)) AS gap
FROM (
  SELECT site_id,
         argMaxIf(site_type, (at_ms, seq), type = 'site.upserted') AS record_type,
         argMaxIf(region, (at_ms, seq), type = 'site.upserted') AS record_region,
         argMaxIf(manager_id, (at_ms, seq), type = 'site.upserted') AS record_manager,
         argMaxIf(team_id, (at_ms, seq), type = 'site.upserted') AS record_team,
         argMaxIf(chief_id, (at_ms, seq), type = 'site.upserted') AS record_chief,
         argMaxIf(planned_start, (at_ms, seq), type = 'site.upserted') AS record_start,
         argMaxIf(planned_end, (at_ms, seq), type = 'site.upserted') AS record_end,
         argMaxIf(if(type = 'site.completed', 'completed', status), (at_ms, seq),
                  type IN ('site.upserted', 'site.completed')) AS last_status,
         argMaxIf(actual_end, (at_ms, seq), type IN ('site.upserted', 'site.completed'))
           AS last_actual_end,
         argMaxIf(budget_total, (at_ms, seq), type IN ('site.upserted', 'budget.revised'))
           AS last_budget,
         argMaxIf(percent, (at_ms, seq), type = 'progress.reported') AS last_percent,
         sumIf(amount, type = 'expense.recorded') AS spent
  FROM events
  WHERE day <= {t} AND type IN ('site.upserted', 'site.completed', 'budget.revised',
                                'progress.reported', 'expense.recorded')
  GROUP BY site_id
  HAVING countIf(type = 'site.upserted') > 0{scope}))sql";

// KPIs 1, 2, 3 and 14, and how many sites the period has (KPI 4 divides by it).
constexpr std::string_view kSiteFigures = R"sql(
SELECT countIf(status = 'active') AS `1.active`,
       countIf(status = 'active' AND bac < 100000) AS `1.active_by_size.petit`,
       countIf(status = 'active' AND bac >= 100000 AND bac < 1000000) AS `1.active_by_size.moyen`,
       countIf(status = 'active' AND bac >= 1000000) AS `1.active_by_size.gros`,
       countIf(status IN ('active', 'suspended')) AS `1.in_progress`,
       countIf(completed_in) AS `1.completed`,
       sumIf(bac, in_period) AS `2.budget_total`,
       sumIf(ac, in_period) AS `2.actual_cost`,
       `2.actual_cost` / nullIf(`2.budget_total`, 0) AS `2.spent_share`,
       sumIf(ev, in_period) / nullIf(`2.budget_total`, 0) AS `2.progress`,
       countIf(overrun) AS `2.sites_overrun`,
       countIf(in_period AND gap < -2) AS `3.ahead`,
       countIf(in_period AND gap BETWEEN -2 AND 2) AS `3.on_time`,
       countIf(in_period AND gap > 2) AS `3.late`,
       sumIf(gap, in_period AND gap > 2) / nullIf(`3.late`, 0) AS `3.mean_delay_days`,
       countIf(overrun) AS `14.sites_overrun`,
       sumIf(bac * ac / ev - bac, overrun) AS `14.overrun_eur`,
       countIf(in_period) AS period_sites
FROM ({sites}))sql";

// Every incident and request of the sites in scope, whenever opened: opening, first taking
// charge (incidents), first resolution; an incident's labels are those in force at the period's
// end: per field, the latest non-empty one of its opening and relabellings up to {t}. The
// design office handles `technical` incidents and `technical` and `design_office_question`
// requests; an item leaves its queue when first taken in charge or resolved.
constexpr std::string_view kItems = R"sql(
SELECT *,
       opened_day BETWEEN {f} AND {t} AS opened_in,
       taken_day BETWEEN {f} AND {t} AS taken_in,
       resolved_day BETWEEN {f} AND {t} AS resolved_in,
       multiIf(label_severity = 'low', 1, label_severity = 'medium', 2, label_severity = 'high', 3,
               label_severity = 'critical', 4, 0) AS severity_level,
       if(is_incident, multiIf(label_urgency = '1h', 1, label_urgency = '4h', 4,
                               label_urgency = '1d', 24, label_urgency = '3d', 72, 0),
          24) AS sla_hours,
       (resolved_ms - opened_ms) / 3600000 AS resolution_hours,
       (taken_ms - opened_ms) / 3600000 AS response_hours,
       resolved_ms != 0 AND sla_hours > 0 AND resolution_hours <= sla_hours AS within_sla,
       is_incident AND label_category = 'technical'
         OR NOT is_incident AND request_kind IN ('technical', 'design_office_question')
         AS design_office,
       if(taken_day = 0, resolved_day,
          if(resolved_day = 0, taken_day, least(taken_day, resolved_day))) AS leave_day
FROM (
  WITH type IN ('incident.opened', 'incident.relabelled') AND day <= {t} AS label_in_force
  SELECT site_id, startsWith(type, 'incident.') AS is_incident,
         if(is_incident, incident_id, request_id) AS item_id,
         maxIf(at_ms, type IN ('incident.opened', 'request.opened')) AS opened_ms,
         maxIf(day, type IN ('incident.opened', 'request.opened')) AS opened_day,
         minIf(at_ms, type = 'incident.taken') AS taken_ms,
         minIf(day, type = 'incident.taken') AS taken_day,
         minIf(at_ms, type IN ('incident.resolved', 'request.resolved')) AS resolved_ms,
         minIf(day, type IN ('incident.resolved', 'request.resolved')) AS resolved_day,
         maxIf(kind, type = 'request.opened') AS request_kind,
         argMaxIf(category, (at_ms, seq), category != '' AND label_in_force) AS label_category,
         argMaxIf(severity, (at_ms, seq), severity != '' AND label_in_force) AS label_severity,
         argMaxIf(urgency, (at_ms, seq), urgency != '' AND label_in_force) AS label_urgency
  FROM events
  WHERE type IN ('incident.opened', 'incident.taken', 'incident.resolved', 'incident.relabelled',
                 'request.opened', 'request.resolved')
    AND site_id IN (SELECT site_id FROM ({sites}))
  GROUP BY site_id, is_incident, item_id
  HAVING countIf(type IN ('incident.opened', 'request.opened')) > 0))sql";

// KPIs 4, 7, 10 (recorded), 11 and 13 (rework avoided).
constexpr std::string_view kItemFigures = R"sql(
SELECT countIf(is_incident AND opened_in) AS `4.incidents`,
       sumIf(severity_level, is_incident AND opened_in AND severity_level > 0)
         / nullIf(countIf(is_incident AND opened_in AND severity_level > 0), 0)
         AS `4.mean_severity`,
       sumIf(resolution_hours, is_incident AND resolved_in)
         / nullIf(countIf(is_incident AND resolved_in), 0) AS `4.mean_resolution_hours`,
       countIf(design_office AND opened_day <= {t})
         - countIf(design_office AND leave_day != 0 AND leave_day <= {t}) AS `7.waiting`,
       sumIf(resolution_hours, design_office AND resolved_in)
         / nullIf(countIf(design_office AND resolved_in), 0) AS `7.mean_resolution_hours`,
       countIf(design_office AND resolved_in AND within_sla)
         / nullIf(countIf(design_office AND resolved_in), 0) AS `7.within_sla_share`,
       `4.incidents` AS `10.recorded`,
       sumIf(response_hours, is_incident AND label_category = 'technical' AND taken_in)
         / nullIf(countIf(is_incident AND label_category = 'technical' AND taken_in), 0)
         AS `11.response_hours.technical`,
       sumIf(resolution_hours, request_kind = 'material' AND resolved_in)
         / nullIf(countIf(request_kind = 'material' AND resolved_in), 0)
         AS `11.response_hours.material`,
       sumIf(resolution_hours, request_kind = 'design_office_question' AND resolved_in)
         / nullIf(countIf(request_kind = 'design_office_question' AND resolved_in), 0)
         AS `11.response_hours.design_office_question`,
       countIf(design_office AND resolved_in AND within_sla) AS `13.rework_avoided`
FROM ({items}))sql";

// The period's sums over every event of the sites in scope: KPIs 6, 8, 9 and 13; `reports` is
// a part of KPI 6. A timesheet counts on its `date`.
constexpr std::string_view kCounters = R"sql(
SELECT countIf(type = 'report.submitted' AND day BETWEEN {f} AND {t}) AS reports,
       sumIf(writing_minutes, type = 'report.submitted' AND day BETWEEN {f} AND {t}) AS writing,
       writing / nullIf(reports, 0) AS `6.mean_writing_minutes`,
       sumIf(hours_billable, type = 'timesheet.recorded'
             AND if(date_day = 0, day, date_day) BETWEEN {f} AND {t}) AS `8.billable_hours`,
       sumIf(hours_total, type = 'timesheet.recorded'
             AND if(date_day = 0, day, date_day) BETWEEN {f} AND {t}) AS `8.total_hours`,
       `8.billable_hours` / nullIf(`8.total_hours`, 0) AS `8.utilisation`,
       countIf(type = 'photo.uploaded' AND day BETWEEN {f} AND {t}) AS `9.photos`,
       `9.photos` / ({t} - {f} + 1) AS `9.photos_per_day`,
       sumIf(bytes, type = 'photo.uploaded' AND day <= {t}) AS `9.storage_bytes`,
       reports * 45 - writing AS `13.report_minutes_saved`,
       countIf(type = 'report.submitted' AND day BETWEEN {f} AND {t} AND sent_to_client = 1)
         AS `13.disputes_avoided`
FROM events
WHERE type IN ('report.submitted', 'timesheet.recorded', 'photo.uploaded')
  AND site_id IN (SELECT site_id FROM ({sites})))sql";

// KPI 5: each site judged on its own mean score in the period and in the one before {bf}..{bt};
// the teams' mean beside it.
constexpr std::string_view kScores = R"sql(
SELECT sum(now_sum) / nullIf(sum(now_n), 0) AS `5.mean_client_score`,
       countIf(now_n > 0 AND (now_sum / now_n < 6
               OR before_n > 0 AND before_sum / before_n - now_sum / now_n >= 2))
         AS `5.sites_at_risk`,
       (SELECT sum(score) / nullIf(count(), 0) FROM events
        WHERE type = 'satisfaction.recorded' AND respondent = 'team' AND day BETWEEN {f} AND {t}
          AND site_id IN (SELECT site_id FROM ({sites}))) AS `5.mean_team_score`
FROM (
  SELECT site_id,
         sumIf(score, day BETWEEN {f} AND {t}) AS now_sum,
         countIf(day BETWEEN {f} AND {t}) AS now_n,
         sumIf(score, day BETWEEN {bf} AND {bt}) AS before_sum,
         countIf(day BETWEEN {bf} AND {bt}) AS before_n
  FROM events
  WHERE type = 'satisfaction.recorded' AND respondent = 'client'
    AND site_id IN (SELECT site_id FROM ({sites}))
  GROUP BY site_id))sql";

// KPI 10's expected incidents: a site's status at the end of each day it changed (the last
// event of the day), kept until the next change; each active day of the period weighs
// baseline / days in its month. Spans are [change day, next change day - 1], clipped to the
// period, expanded to days and joined to the calendar.
constexpr std::string_view kSiteMonths = R"sql(
SELECT sum(baseline / month_days) AS `10.expected`
FROM (
  SELECT baseline, span.1 + toInt64(arrayJoin(range(toUInt64(span.2 - span.1 + 1)))) AS day
  FROM (
    SELECT site_id, baseline, arrayJoin(spans) AS span
    FROM (
      SELECT site_id,
             arraySort(groupArray(day)) AS days,
             arraySort((s, d) -> d, groupArray(day_status), groupArray(day)) AS statuses,
             arrayFilter(span -> span.3 AND span.1 <= span.2,
                         arrayMap((d, next, s) -> (greatest(d, {f}), least(next - 1, {t}),
                                                   s = 'active'),
                                  days, arrayPushBack(arrayPopFront(days), {t} + 1), statuses))
               AS spans
      FROM (
        SELECT site_id, day,
               argMax(if(type = 'site.completed', 'completed', status), (at_ms, seq))
                 AS day_status
        FROM events
        WHERE type IN ('site.upserted', 'site.completed') AND day <= {t}
          AND site_id IN (SELECT site_id FROM ({sites}))
        GROUP BY site_id, day)
      GROUP BY site_id)
    ALL INNER JOIN (
      SELECT site_id, multiIf(site_type = 'residentiel', 2, site_type = 'tertiaire', 4,
                              site_type = 'industriel', 5, site_type = 'commercial', 3, 0)
                        AS baseline
      FROM ({sites})) USING site_id))
ALL INNER JOIN (SELECT day, month_days FROM calendar) USING day)sql";

// KPI 12 adoption: the chiefs of the period's sites, each crossed with the period's working
// days (a LEFT JOIN on a constant, so that a period without working days keeps its chiefs),
// less the chief's absences, marked with the days the chief used the app, on any site. An
// adopter used it on >= 80 % of their working days. `chief_days` (chiefs × the period's working
// days) is a part of KPI 6. Written with joins rather than arrays: 18.16 loses a column that only
// a lambda reads, and its arrayIntersect crashes the server.
constexpr std::string_view kAdoption = R"sql(
SELECT sum(period_days) AS chief_days,
       countIf(working > 0 AND used >= 0.8 * working) / nullIf(count(), 0)
         AS `12.adoption_share`
FROM (
  SELECT chief_id, countIf(day != 0) AS period_days,
         countIf(day != 0 AND absent = 0) AS working,
         countIf(day != 0 AND absent = 0 AND app_used = 1) AS used
  FROM (
    SELECT chief_id, day, absent
    FROM (
      SELECT chief_id, day, working_index
      FROM (SELECT DISTINCT chief_id, 1 AS any_day FROM ({sites})
            WHERE in_period AND chief_id != '')
      ALL LEFT JOIN (SELECT 1 AS any_day, day, working_index FROM calendar
                     WHERE working = 1 AND day BETWEEN {f} AND {t}) USING any_day)
    ANY LEFT JOIN ({absent_days}) USING (chief_id, working_index))
  ANY LEFT JOIN (
    SELECT DISTINCT person_id AS chief_id, day, 1 AS app_used
    FROM events WHERE type = 'app.used' AND day BETWEEN {f} AND {t}) USING (chief_id, day)
  GROUP BY chief_id))sql";

// Every person's absent working days, by working index: `ceil(days)` working days from `date`
// on, i.e. the indexes after that of the day before `date`.
constexpr std::string_view kAbsentDays = R"sql(
SELECT chief_id, start_index + 1 + toInt64(offset) AS working_index, 1 AS absent
FROM (
  SELECT person_id AS chief_id, start_index, arrayJoin(range(toUInt64(ceil(days)))) AS offset
  FROM (SELECT person_id, days, date_day - 1 AS before_day
        FROM events WHERE type = 'absence.recorded')
  ALL INNER JOIN (SELECT day AS before_day, working_index AS start_index FROM calendar)
    USING before_day))sql";

// KPI 12 features: the 3 most and least used in the period, ties by name. As in the SQLite SQL,
// a feature without a name ('' here, NULL there) takes its place among the 3 but is not listed.
constexpr std::string_view kFeatures = R"sql(
SELECT arrayStringConcat(arrayFilter(n -> n != '',
         arraySlice(arraySort((n, u) -> (-u, n), names, uses), 1, 3)), '|') AS `12.most_used`,
       arrayStringConcat(arrayFilter(n -> n != '',
         arraySlice(arraySort((n, u) -> (u, n), names, uses), 1, 3)), '|') AS `12.least_used`
FROM (
  SELECT groupArray(feature) AS names, groupArray(feature_uses) AS uses
  FROM (
    SELECT feature, count() AS feature_uses
    FROM events
    WHERE type = 'app.used' AND day BETWEEN {f} AND {t}
      AND site_id IN (SELECT site_id FROM ({sites}))
    GROUP BY feature)))sql";

// What a request writes into the texts, by name: {f} {t} {bf} {bt} (Paris day numbers),
// {scope}, and the subqueries {sites}, {items} and {absent_days}, themselves filled.
using Values = std::map<std::string_view, std::string>;

// One pass over `text`: a value is copied as it is, never scanned again, so a '{' in a quoted
// scope value stays text.
std::string fill(std::string_view text, const Values& values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t open = text.find('{', at);
    const std::size_t close = open == std::string_view::npos ? open : text.find('}', open);
    const auto value = close == std::string_view::npos
                           ? values.end()
                           : values.find(text.substr(open + 1, close - open - 1));
    if (value == values.end()) {
      const std::size_t end = open == std::string_view::npos ? text.size() : open + 1;
      out.append(text.substr(at, end - at));
      at = end;
      continue;
    }
    out.append(text.substr(at, open - at)).append(value->second);
    at = close + 1;
  }
  return out;
}

// A ClickHouse string literal: a backslash or quote in the value is escaped, so that any scope
// value stays inside its literal.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string scope_filters(const kpi::Scope& scope) {
  std::string out;
  const auto add = [&out](const char* column, const std::string& value) {
    if (!value.empty()) out += std::string{" AND "} + column + " = " + quoted(value);
  };
  add("record_region", scope.region);
  add("record_manager", scope.manager);
  add("record_type", scope.type);
  add("record_team", scope.team);
  if (scope.status) add("last_status", std::string{kpi::site_status_name(*scope.status)});
  return out;
}

std::string day_number(LocalDate day) { return std::to_string(days_since_epoch(day)); }

double part(const FlatFigures& columns, const std::string& key) {
  const auto* number = std::get_if<double>(&columns.at(key));
  return number == nullptr ? 0 : *number;
}

FlatFigure ratio(double numerator, double denominator) {
  if (denominator == 0) return std::monostate{};
  return numerator / denominator;
}

}  // namespace

std::vector<std::string> clickhouse_kpi_sql(const SqlKpiRequest& request) {
  Values values = {
      {"f", day_number(request.period.from)},  {"t", day_number(request.period.to)},
      {"bf", day_number(request.before.from)}, {"bt", day_number(request.before.to)},
      {"scope", scope_filters(request.scope)}, {"absent_days", std::string{kAbsentDays}}};
  values["sites"] = fill(kSites, values);
  values["items"] = fill(kItems, values);
  std::vector<std::string> out;
  for (const std::string_view text :
       {kSiteFigures, kItemFigures, kCounters, kScores, kSiteMonths, kAdoption, kFeatures}) {
    out.push_back(fill(text, values));
  }
  return out;
}

FlatFigures clickhouse_figures(const FlatFigures& columns) {
  FlatFigures out;
  for (const auto& [key, value] : columns) {
    if (key.find('.') != std::string::npos) out[key] = value;
  }
  out["4.incidents_per_site"] = ratio(part(columns, "4.incidents"), part(columns, "period_sites"));
  out["6.reports_per_chief_day"] = ratio(part(columns, "reports"), part(columns, "chief_days"));
  out["10.traced_rate"] = ratio(part(columns, "10.recorded"), part(columns, "10.expected"));
  // kpis.md's defaults, written in as the analyst's SQL writes them: 45 €/h, 1000 € a dispute,
  // 400 € a rework.
  out["13.avoided_cost_eur"] = part(columns, "13.report_minutes_saved") / 60.0 * 45 +
                               part(columns, "13.disputes_avoided") * 1000 +
                               part(columns, "13.rework_avoided") * 400;
  return out;
}

}  // namespace vigie::bench
