// How the dashboards show each of the 15 KPIs (kpis.md): the figure that sums it up (a key of
// its value in GET /api/v1/kpis), how to write it, which way is better, and a line of detail
// from its other figures. The change against the previous period is written in the figure's
// own unit (points for a share).
import { decimal, euros, percent } from './format.js';

const integer = (v) => decimal(v, 0);
const signed = (text, v) => (v > 0 ? `+${text}` : v < 0 ? `−${text.replace('-', '')}` : text);

// kind → [how to write a value, how to write a change]
const kKinds = {
  count: [integer, (v) => signed(integer(Math.abs(v)), v)],
  share: [(v) => percent(v, 1), (v) => signed(`${decimal(Math.abs(v) * 100, 1)} pt`, v)],
  euros: [euros, (v) => signed(euros(Math.abs(v)), v)],
  decimal1: [(v) => decimal(v, 1), (v) => signed(decimal(Math.abs(v), 1), v)],
  decimal2: [(v) => decimal(v, 2), (v) => signed(decimal(Math.abs(v), 2), v)],
  hours: [(v) => `${decimal(v, 1)} h`, (v) => signed(`${decimal(Math.abs(v), 1)} h`, v)],
  score: [(v) => `${decimal(v, 1)}/10`, (v) => signed(decimal(Math.abs(v), 1), v)],
};

const gigabytes = (bytes) => `${decimal(bytes / 1e9, 1)} Go`;

// id → { key (a path in `value`), kind, better: 'up' | 'down' | null, detail(value) }
export const kKpiFigures = {
  1: { key: 'active', kind: 'count', better: null,
    detail: (v) => `${integer(v.in_progress)} en cours, ${integer(v.completed)} terminé(s) sur la période` },
  2: { key: 'spent_share', kind: 'share', better: null,
    detail: (v) => `${euros(v.actual_cost)} dépensés sur ${euros(v.budget_total)} · avancement ${percent(v.progress)}` },
  3: { key: 'late', kind: 'count', better: 'down',
    detail: (v) => `${integer(v.ahead)} en avance, ${integer(v.on_time)} à l'heure · retard moyen ${decimal(v.mean_delay_days, 1)} j` },
  4: { key: 'incidents_per_site', kind: 'decimal2', better: 'down',
    detail: (v) => `${integer(v.incidents)} incidents · gravité moyenne ${decimal(v.mean_severity, 1)} · résolus en ${decimal(v.mean_resolution_hours, 0)} h` },
  5: { key: 'mean_client_score', kind: 'score', better: 'up',
    detail: (v) => `${integer(v.sites_at_risk)} chantier(s) sous 6/10` },
  6: { key: 'reports_per_chief_day', kind: 'decimal1', better: 'up',
    detail: (v) => `rapports par chef et par jour · ${decimal(v.mean_writing_minutes, 0)} min de rédaction` },
  7: { key: 'waiting', kind: 'count', better: 'down',
    detail: (v) => `en attente · résolus en ${decimal(v.mean_resolution_hours, 0)} h · ${percent(v.within_sla_share)} dans le délai` },
  8: { key: 'utilisation', kind: 'share', better: 'up',
    detail: (v) => `${integer(v.billable_hours)} h facturables sur ${integer(v.total_hours)} h` },
  9: { key: 'photos_per_day', kind: 'decimal1', better: null,
    detail: (v) => `${integer(v.photos)} photos · ${gigabytes(v.storage_bytes)} stockés` },
  10: { key: 'traced_rate', kind: 'share', better: 'up',
    detail: (v) => `${integer(v.recorded)} tracés pour ${decimal(v.expected, 0)} attendus` },
  11: { key: 'response_hours.technical', kind: 'hours', better: 'down',
    detail: (v) => `technique · matériel ${decimal(v.response_hours?.material, 0)} h · questions BE ${decimal(v.response_hours?.design_office_question, 0)} h` },
  12: { key: 'adoption_share', kind: 'share', better: 'up',
    detail: (v) => (v.most_used?.length ? `plus utilisées : ${v.most_used.join(', ')}` : '') },
  13: { key: 'avoided_cost_eur', kind: 'euros', better: 'up',
    detail: (v) => `${integer(v.report_minutes_saved)} min de rapports · ${integer(v.disputes_avoided)} litiges et ${integer(v.rework_avoided)} reprises évités` },
  14: { key: 'overrun_eur', kind: 'euros', better: 'down',
    detail: (v) => `${integer(v.sites_overrun)} chantier(s) · ${integer(v.alerts_sent)} alerte(s) envoyée(s)` },
  15: { key: 'savings_eur', kind: 'euros', better: 'up',
    detail: (v) => `${decimal(v.km_saved, 0)} km et ${decimal(v.hours_saved, 0)} h économisés` },
};

// The value at a dotted path ("response_hours.technical"), or null.
export function pick(object, path) {
  return path.split('.').reduce((o, k) => (o === null || o === undefined ? null : o[k] ?? null), object);
}

export function writeValue(kind, value) {
  return value === null || value === undefined ? '—' : kKinds[kind][0](value);
}

// { text, tone: 'mieux' | 'moins-bien' | 'neutre' } for a change (null: no previous figure).
export function writeChange(kind, change, better) {
  if (change === null || change === undefined || Number.isNaN(change)) return { text: '—', tone: 'neutre' };
  const text = kKinds[kind][1](change);
  if (!better || change === 0) return { text, tone: 'neutre' };
  return { text, tone: (change > 0) === (better === 'up') ? 'mieux' : 'moins-bien' };
}
