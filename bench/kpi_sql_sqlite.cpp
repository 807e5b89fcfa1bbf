// The 15 KPIs of kpis.md as one SQLite query over the raw events table (bench/kpi_flat_events.hpp),
// written the way an analyst would in a BI tool: window functions for "the latest value by
// occurred_at", the date dimension for working days and site-months, no Vigie code. It is the
// separate code path that the KPI property test checks the incremental engine against, and the
// SQLite peer of `vigie bench kpi`. Parameters: :f..:t the period, :bf..:bt the one before it
// (KPI 5 judges a site against it), the scope (:region, :manager, :type, :team, :status; '' =
// any). Columns are named after the figures ("<kpi>.<key>", bench/kpi_figures.hpp).
#include "bench/kpi_sql.hpp"

namespace vigie::bench {

std::string_view sqlite_kpi_sql() {
  return R"sql(
WITH
latest AS (  -- per site, the events that set a state, newest first (ties: arrival order)
  SELECT site_id, type, status, budget_total, percent, actual_end, site_type, region, manager_id,
         team_id, chief_id, planned_start, planned_end,
         ROW_NUMBER() OVER (PARTITION BY site_id, type IN ('site.upserted', 'site.completed')
                            ORDER BY at_ms DESC, seq DESC) AS status_rank,
         ROW_NUMBER() OVER (PARTITION BY site_id, type = 'site.upserted'
                            ORDER BY at_ms DESC, seq DESC) AS record_rank,
         ROW_NUMBER() OVER (PARTITION BY site_id, type IN ('site.upserted', 'budget.revised')
                            ORDER BY at_ms DESC, seq DESC) AS budget_rank,
         ROW_NUMBER() OVER (PARTITION BY site_id, type = 'progress.reported'
                            ORDER BY at_ms DESC, seq DESC) AS progress_rank
  FROM events
  WHERE day <= :t AND type IN ('site.upserted', 'site.completed', 'budget.revised',
                               'progress.reported')),
spent AS (
  SELECT site_id, SUM(amount) AS ac FROM events
  WHERE type = 'expense.recorded' AND day <= :t GROUP BY site_id),
sites AS MATERIALIZED (  -- every site in scope, as it stood at the end of the period
  SELECT r.site_id, r.site_type, r.chief_id, r.planned_start, r.planned_end, s.status,
         s.actual_end, b.budget_total AS bac, COALESCE(x.ac, 0) AS ac,
         CASE WHEN s.status = 'completed' THEN 100 ELSE COALESCE(p.percent, 0) END AS pct
  FROM latest r
  JOIN (SELECT site_id, CASE type WHEN 'site.completed' THEN 'completed' ELSE status END AS status,
               actual_end
        FROM latest WHERE status_rank = 1 AND type IN ('site.upserted', 'site.completed')) s
    ON s.site_id = r.site_id
  JOIN latest b ON b.site_id = r.site_id AND b.budget_rank = 1
                AND b.type IN ('site.upserted', 'budget.revised')
  LEFT JOIN latest p ON p.site_id = r.site_id AND p.progress_rank = 1
                     AND p.type = 'progress.reported'
  LEFT JOIN spent x ON x.site_id = r.site_id
  WHERE r.record_rank = 1 AND r.type = 'site.upserted'
    AND (:region = '' OR r.region = :region) AND (:manager = '' OR r.manager_id = :manager)
    AND (:type = '' OR r.site_type = :type) AND (:team = '' OR r.team_id = :team)
    AND (:status = '' OR s.status = :status)),
period_sites AS MATERIALIZED (  -- in progress at the end, or completed within the period
  SELECT *, pct / 100.0 * bac AS ev,
         status = 'completed' AND actual_end BETWEEN :f AND :t AS completed_in
  FROM sites
  WHERE status IN ('active', 'suspended') OR (status = 'completed' AND actual_end BETWEEN :f AND :t)),
overrun AS MATERIALIZED (SELECT * FROM period_sites WHERE ev > 0 AND ac > ev * 1.02),
gaps AS MATERIALIZED (
  SELECT CASE WHEN completed_in THEN actual_end - planned_end
              ELSE MIN(MAX(:t - planned_start, 0), planned_end - planned_start)
                   - pct / 100.0 * (planned_end - planned_start) END AS gap
  FROM period_sites),
labels AS (  -- an incident's labels at the period's end: per field, the latest event that gives it
  SELECT site_id, incident_id, category, severity, urgency,
         ROW_NUMBER() OVER (PARTITION BY site_id, incident_id, category IS NULL
                            ORDER BY at_ms DESC, seq DESC) AS category_rank,
         ROW_NUMBER() OVER (PARTITION BY site_id, incident_id, severity IS NULL
                            ORDER BY at_ms DESC, seq DESC) AS severity_rank,
         ROW_NUMBER() OVER (PARTITION BY site_id, incident_id, urgency IS NULL
                            ORDER BY at_ms DESC, seq DESC) AS urgency_rank
  FROM events WHERE type IN ('incident.opened', 'incident.relabelled') AND day <= :t),
incident_labels AS (
  SELECT site_id, incident_id,
         MAX(CASE WHEN category_rank = 1 THEN category END) AS category,
         MAX(CASE WHEN severity_rank = 1 THEN CASE severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2
                  WHEN 'high' THEN 3 WHEN 'critical' THEN 4 END END) AS severity,
         MAX(CASE WHEN urgency_rank = 1 THEN CASE urgency WHEN '1h' THEN 1 WHEN '4h' THEN 4
                  WHEN '1d' THEN 24 WHEN '3d' THEN 72 END END) AS sla_hours
  FROM labels GROUP BY site_id, incident_id),
incidents AS MATERIALIZED (
  SELECT i.*, l.category, l.severity, l.sla_hours
  FROM (SELECT site_id, incident_id,
               MAX(CASE WHEN type = 'incident.opened' THEN at_ms END) AS opened_ms,
               MAX(CASE WHEN type = 'incident.opened' THEN day END) AS opened_day,
               MIN(CASE WHEN type = 'incident.taken' THEN at_ms END) AS taken_ms,
               MIN(CASE WHEN type = 'incident.taken' THEN day END) AS taken_day,
               MIN(CASE WHEN type = 'incident.resolved' THEN at_ms END) AS resolved_ms,
               MIN(CASE WHEN type = 'incident.resolved' THEN day END) AS resolved_day
        FROM events WHERE type IN ('incident.opened', 'incident.taken', 'incident.resolved')
          AND site_id IN (SELECT site_id FROM sites)
        GROUP BY site_id, incident_id) i
  LEFT JOIN incident_labels l ON l.site_id = i.site_id AND l.incident_id = i.incident_id
  WHERE i.opened_ms IS NOT NULL),
requests AS MATERIALIZED (
  SELECT * FROM (
    SELECT site_id, request_id,
           MAX(CASE WHEN type = 'request.opened' THEN kind END) AS kind,
           MAX(CASE WHEN type = 'request.opened' THEN at_ms END) AS opened_ms,
           MAX(CASE WHEN type = 'request.opened' THEN day END) AS opened_day,
           MIN(CASE WHEN type = 'request.resolved' THEN at_ms END) AS resolved_ms,
           MIN(CASE WHEN type = 'request.resolved' THEN day END) AS resolved_day
    FROM events WHERE type IN ('request.opened', 'request.resolved')
      AND site_id IN (SELECT site_id FROM sites)
    GROUP BY site_id, request_id)
  WHERE opened_ms IS NOT NULL),
design_items AS MATERIALIZED (  -- the design office's: Technique incidents, technical requests and questions
  SELECT opened_day,
         MIN(COALESCE(taken_day, resolved_day), COALESCE(resolved_day, taken_day)) AS leave_day,
         resolved_day, (resolved_ms - opened_ms) / 3600000.0 AS hours,
         COALESCE((resolved_ms - opened_ms) / 3600000.0 <= sla_hours, 0) AS within_sla
  FROM incidents WHERE category = 'technical'
  UNION ALL
  SELECT opened_day, resolved_day, resolved_day, (resolved_ms - opened_ms) / 3600000.0,
         (resolved_ms - opened_ms) / 3600000.0 <= 24
  FROM requests WHERE kind IN ('technical', 'design_office_question')),
counters AS MATERIALIZED (  -- the period's sums over every event of the sites in scope
  SELECT COALESCE(SUM(type = 'report.submitted'), 0) AS reports,
         COALESCE(SUM(CASE WHEN type = 'report.submitted' THEN writing_minutes END), 0) AS writing,
         COALESCE(SUM(type = 'report.submitted' AND sent_to_client = 1), 0) AS sent,
         COALESCE(SUM(type = 'photo.uploaded'), 0) AS photos
  FROM events WHERE day BETWEEN :f AND :t AND site_id IN (SELECT site_id FROM sites)
    AND type IN ('report.submitted', 'photo.uploaded')),
hours AS MATERIALIZED (
  SELECT COALESCE(SUM(hours_total), 0) AS total, COALESCE(SUM(hours_billable), 0) AS billable
  FROM events WHERE type = 'timesheet.recorded' AND COALESCE(date_day, day) BETWEEN :f AND :t
    AND site_id IN (SELECT site_id FROM sites)),
scores AS MATERIALIZED (
  SELECT site_id,
         SUM(CASE WHEN day BETWEEN :f AND :t THEN score END) AS now_sum,
         COUNT(CASE WHEN day BETWEEN :f AND :t THEN 1 END) AS now_n,
         SUM(CASE WHEN day BETWEEN :bf AND :bt THEN score END) AS before_sum,
         COUNT(CASE WHEN day BETWEEN :bf AND :bt THEN 1 END) AS before_n
  FROM events WHERE type = 'satisfaction.recorded' AND respondent = 'client'
    AND site_id IN (SELECT site_id FROM sites) GROUP BY site_id),
status_days AS (  -- a site's status at the end of each day it changed
  SELECT site_id, day, status FROM (
    SELECT site_id, day, CASE type WHEN 'site.completed' THEN 'completed' ELSE status END AS status,
           ROW_NUMBER() OVER (PARTITION BY site_id, day ORDER BY at_ms DESC, seq DESC) AS rank
    FROM events WHERE type IN ('site.upserted', 'site.completed') AND day <= :t
      AND site_id IN (SELECT site_id FROM sites))
  WHERE rank = 1),
active_spans AS (
  SELECT site_id, day AS first_day, LEAD(day) OVER (PARTITION BY site_id ORDER BY day) - 1 AS last_day,
         status
  FROM status_days),
site_months AS MATERIALIZED (  -- each active day weighs 1 / days in its month
  SELECT a.site_id, SUM(1.0 / c.month_days) AS months
  FROM active_spans a JOIN calendar c
    ON c.day BETWEEN MAX(a.first_day, :f) AND MIN(COALESCE(a.last_day, :t), :t)
  WHERE a.status = 'active' GROUP BY a.site_id),
chiefs AS MATERIALIZED (SELECT DISTINCT chief_id FROM period_sites WHERE chief_id IS NOT NULL),
working_days AS (SELECT day FROM calendar WHERE working = 1 AND day BETWEEN :f AND :t),
absent_days AS (  -- `days` working days from `date` on, a part day counting as a whole one
  SELECT DISTINCT a.person_id, c.day
  FROM events a JOIN calendar before ON before.day = a.date_day - 1
  JOIN calendar c ON c.working = 1 AND c.working_index > before.working_index
   AND c.working_index <= before.working_index + CAST(a.days AS INTEGER) + (a.days > CAST(a.days AS INTEGER))
  WHERE a.type = 'absence.recorded' AND a.person_id IN (SELECT chief_id FROM chiefs)),
app_days AS (
  SELECT DISTINCT person_id, day FROM events
  WHERE type = 'app.used' AND day BETWEEN :f AND :t AND person_id IN (SELECT chief_id FROM chiefs)),
chief_use AS MATERIALIZED (
  SELECT ch.chief_id,
         SUM(ab.day IS NULL) AS working,
         SUM(ab.day IS NULL AND ap.day IS NOT NULL) AS used
  FROM chiefs ch CROSS JOIN working_days w
  LEFT JOIN absent_days ab ON ab.person_id = ch.chief_id AND ab.day = w.day
  LEFT JOIN app_days ap ON ap.person_id = ch.chief_id AND ap.day = w.day
  GROUP BY ch.chief_id),
features AS MATERIALIZED (
  SELECT feature, COUNT(*) AS uses FROM events
  WHERE type = 'app.used' AND day BETWEEN :f AND :t AND site_id IN (SELECT site_id FROM sites)
  GROUP BY feature)
SELECT
  (SELECT COUNT(*) FROM sites WHERE status = 'active') AS "1.active",
  (SELECT COUNT(*) FROM sites WHERE status = 'active' AND bac < 100000) AS "1.active_by_size.petit",
  (SELECT COUNT(*) FROM sites WHERE status = 'active' AND bac >= 100000 AND bac < 1000000)
    AS "1.active_by_size.moyen",
  (SELECT COUNT(*) FROM sites WHERE status = 'active' AND bac >= 1000000) AS "1.active_by_size.gros",
  (SELECT COUNT(*) FROM sites WHERE status IN ('active', 'suspended')) AS "1.in_progress",
  (SELECT COUNT(*) FROM period_sites WHERE completed_in) AS "1.completed",
  (SELECT COALESCE(SUM(bac), 0) FROM period_sites) AS "2.budget_total",
  (SELECT COALESCE(SUM(ac), 0) FROM period_sites) AS "2.actual_cost",
  (SELECT SUM(ac) / NULLIF(SUM(bac), 0) FROM period_sites) AS "2.spent_share",
  (SELECT SUM(ev) / NULLIF(SUM(bac), 0) FROM period_sites) AS "2.progress",
  (SELECT COUNT(*) FROM overrun) AS "2.sites_overrun",
  (SELECT COUNT(*) FROM gaps WHERE gap < -2) AS "3.ahead",
  (SELECT COUNT(*) FROM gaps WHERE gap BETWEEN -2 AND 2) AS "3.on_time",
  (SELECT COUNT(*) FROM gaps WHERE gap > 2) AS "3.late",
  (SELECT AVG(gap) FROM gaps WHERE gap > 2) AS "3.mean_delay_days",
  (SELECT COUNT(*) FROM incidents WHERE opened_day BETWEEN :f AND :t) AS "4.incidents",
  (SELECT COUNT(*) FROM incidents WHERE opened_day BETWEEN :f AND :t) * 1.0
    / NULLIF((SELECT COUNT(*) FROM period_sites), 0) AS "4.incidents_per_site",
  (SELECT AVG(severity) FROM incidents WHERE opened_day BETWEEN :f AND :t) AS "4.mean_severity",
  (SELECT AVG((resolved_ms - opened_ms) / 3600000.0) FROM incidents
    WHERE resolved_day BETWEEN :f AND :t) AS "4.mean_resolution_hours",
  (SELECT SUM(now_sum) / NULLIF(SUM(now_n), 0) FROM scores) AS "5.mean_client_score",
  (SELECT COUNT(*) FROM scores WHERE now_n > 0 AND (now_sum / now_n < 6
     OR (before_n > 0 AND before_sum / before_n - now_sum / now_n >= 2))) AS "5.sites_at_risk",
  (SELECT AVG(score) FROM events WHERE type = 'satisfaction.recorded' AND respondent = 'team'
     AND day BETWEEN :f AND :t AND site_id IN (SELECT site_id FROM sites)) AS "5.mean_team_score",
  (SELECT reports FROM counters) * 1.0 / NULLIF((SELECT COUNT(*) FROM chiefs)
     * (SELECT COUNT(*) FROM working_days), 0) AS "6.reports_per_chief_day",
  (SELECT writing / NULLIF(reports, 0) FROM counters) AS "6.mean_writing_minutes",
  (SELECT COALESCE(SUM(opened_day <= :t), 0) - COALESCE(SUM(leave_day <= :t), 0)
     FROM design_items) AS "7.waiting",
  (SELECT AVG(hours) FROM design_items WHERE resolved_day BETWEEN :f AND :t)
    AS "7.mean_resolution_hours",
  (SELECT AVG(within_sla) FROM design_items WHERE resolved_day BETWEEN :f AND :t)
    AS "7.within_sla_share",
  (SELECT billable / NULLIF(total, 0) FROM hours) AS "8.utilisation",
  (SELECT billable FROM hours) AS "8.billable_hours",
  (SELECT total FROM hours) AS "8.total_hours",
  (SELECT photos FROM counters) * 1.0 / (:t - :f + 1) AS "9.photos_per_day",
  (SELECT photos FROM counters) AS "9.photos",
  (SELECT COALESCE(SUM(bytes), 0) FROM events WHERE type = 'photo.uploaded' AND day <= :t
     AND site_id IN (SELECT site_id FROM sites)) AS "9.storage_bytes",
  (SELECT COUNT(*) FROM incidents WHERE opened_day BETWEEN :f AND :t) * 1.0
    / NULLIF((SELECT SUM(m.months * CASE s.site_type WHEN 'residentiel' THEN 2 WHEN 'tertiaire' THEN 4
                WHEN 'industriel' THEN 5 WHEN 'commercial' THEN 3 ELSE 0 END)
              FROM site_months m JOIN sites s ON s.site_id = m.site_id), 0) AS "10.traced_rate",
  (SELECT COUNT(*) FROM incidents WHERE opened_day BETWEEN :f AND :t) AS "10.recorded",
  (SELECT COALESCE(SUM(m.months * CASE s.site_type WHEN 'residentiel' THEN 2 WHEN 'tertiaire' THEN 4
            WHEN 'industriel' THEN 5 WHEN 'commercial' THEN 3 ELSE 0 END), 0)
     FROM site_months m JOIN sites s ON s.site_id = m.site_id) AS "10.expected",
  (SELECT AVG((taken_ms - opened_ms) / 3600000.0) FROM incidents
    WHERE category = 'technical' AND taken_day BETWEEN :f AND :t) AS "11.response_hours.technical",
  (SELECT AVG((resolved_ms - opened_ms) / 3600000.0) FROM requests
    WHERE kind = 'material' AND resolved_day BETWEEN :f AND :t) AS "11.response_hours.material",
  (SELECT AVG((resolved_ms - opened_ms) / 3600000.0) FROM requests
    WHERE kind = 'design_office_question' AND resolved_day BETWEEN :f AND :t)
    AS "11.response_hours.design_office_question",
  (SELECT COUNT(*) FROM chief_use WHERE working > 0 AND used >= 0.8 * working) * 1.0
    / NULLIF((SELECT COUNT(*) FROM chiefs), 0) AS "12.adoption_share",
  (SELECT group_concat(feature, '|') FROM
     (SELECT feature FROM features ORDER BY uses DESC, feature LIMIT 3)) AS "12.most_used",
  (SELECT group_concat(feature, '|') FROM
     (SELECT feature FROM features ORDER BY uses, feature LIMIT 3)) AS "12.least_used",
  (SELECT (reports * 45 - writing) / 60.0 * 45 + sent * 1000 FROM counters)
    + (SELECT COALESCE(SUM(within_sla), 0) FROM design_items WHERE resolved_day BETWEEN :f AND :t) * 400
    AS "13.avoided_cost_eur",
  (SELECT reports * 45 - writing FROM counters) AS "13.report_minutes_saved",
  (SELECT sent FROM counters) AS "13.disputes_avoided",
  (SELECT COALESCE(SUM(within_sla), 0) FROM design_items WHERE resolved_day BETWEEN :f AND :t)
    AS "13.rework_avoided",
  (SELECT COUNT(*) FROM overrun) AS "14.sites_overrun",
  (SELECT COALESCE(SUM(bac * ac / ev - bac), 0) FROM overrun) AS "14.overrun_eur"
)sql";
}

}  // namespace vigie::bench
