// The Direction view (surfaces.md): active sites, budget and spent, a line of budget against
// spending over the year, open incidents by severity, teams and utilisation, the sites with a
// predicted delay ("Lyon Tertiaire +5 j (70 %)"), the sites over budget and whether an alert
// went out, the digital ROI, the client's and the teams' satisfaction, and the 15 KPIs with their change — filtered by
// period, manager, region and site type (kept in the URL), live.
import '../style.css';
import { api } from '../api.js';
import { countBars, moneyLines } from '../charts.js';
import { filterBar, filterQuery, filterValues, readFilters } from '../filters.js';
import { day, dayOf, decimal, delayDays, euros, percent } from '../format.js';
import { kKpiFigures, pick, writeChange, writeValue } from '../kpi_figures.js';
import { element, markShown, shell } from '../layout.js';
import { kSeverities, severitySummary } from '../labels.js';
import { keepCurrent, newestOnly } from '../live.js';

const filters = readFilters({ period: 'month' });
const message = document.getElementById('message');

const siteLink = (site, text = site.name) => element('a', { href: `/chantier?id=${encodeURIComponent(site.id)}`, text });

// The change of the KPI's main figure, or of another of its figures (`key`).
function change(kpi, key) {
  const figure = kKpiFigures[kpi.id];
  const written = writeChange(figure.kind, pick(kpi.change, key ?? figure.key), figure.better);
  return element('span', { class: `evolution ${written.tone}`, text: written.text });
}

// A tile: a title, the figure (with the KPI's raw value for tests and screen readers' context),
// its change, and a line beneath.
function tile(title, figure, { kpi, key, raw, sub }) {
  const value = element('div', { class: 'valeur', text: figure });
  if (raw !== undefined && raw !== null) value.dataset.valeur = String(raw);
  const card = element('div', { class: 'carte tuile' }, element('h2', { text: title }), value);
  if (kpi) {
    card.dataset.kpi = String(kpi.id);
    if (key) card.dataset.figure = key;
    card.append(element('div', { class: 'discret' }, change(kpi, key), ' par rapport à la période précédente'));
  }
  if (sub) card.append(element('div', { class: 'discret', text: sub }));
  return card;
}

function drawTiles(kpis, sites, allTeams) {
  const k = Object.fromEntries(kpis.map((kpi) => [kpi.id, kpi]));
  const open = sites.reduce((sum, s) => sum + s.open_incidents, 0);
  const teams = new Set(sites.filter((s) => s.status === 'active' && s.team_id).map((s) => s.team_id));
  document.getElementById('tuiles').replaceChildren(
    tile('Chantiers actifs', decimal(k[1].value.active, 0), {
      kpi: k[1], raw: k[1].value.active,
      sub: `${decimal(k[1].value.in_progress, 0)} en cours, ${decimal(k[1].value.completed, 0)} terminé(s) sur la période` }),
    tile('Budget consommé', percent(k[2].value.spent_share), {
      kpi: k[2], raw: k[2].value.spent_share,
      sub: `${euros(k[2].value.actual_cost)} sur ${euros(k[2].value.budget_total)} de budget` }),
    tile('Incidents ouverts', decimal(open, 0), {
      raw: open,
      sub: severitySummary(Object.fromEntries(kSeverities.map((s) =>
        [s.value, sites.reduce((n, site) => n + site.open_incidents_by_severity[s.value], 0)])), open) }),
    tile('Utilisation des équipes', percent(k[8].value.utilisation), {
      kpi: k[8], raw: k[8].value.utilisation,
      sub: `${teams.size} équipe(s) sur ${allTeams} à l’œuvre sur des chantiers en cours` }),
    tile('ROI numérique', euros(k[13].value.avoided_cost_eur), {
      kpi: k[13], raw: k[13].value.avoided_cost_eur, sub: 'coûts évités par l’usage de Vigie sur la période' }),
    tile('Satisfaction client', writeValue('score', k[5].value.mean_client_score), {
      kpi: k[5], raw: k[5].value.mean_client_score, sub: `${decimal(k[5].value.sites_at_risk, 0)} chantier(s) sous 6/10` }),
    tile('Satisfaction des équipes', writeValue('score', k[5].value.mean_team_score), {
      kpi: k[5], key: 'mean_team_score', raw: k[5].value.mean_team_score, sub: 'note donnée par les ouvriers des chantiers' }),
  );
}

function drawCharts(budgetByWeek, sites) {
  const rows = budgetByWeek.kpi.breakdown;
  moneyLines(document.getElementById('courbe-budget'), rows.map((r) => r.week), [
    { name: 'Budget des chantiers en cours', values: rows.map((r) => r.value.budget_total) },
    { name: 'Dépensé', values: rows.map((r) => r.value.actual_cost) },
  ]);
  const bars = kSeverities.map((s) => ({
    label: s.label, colour: s.colour,
    value: sites.reduce((n, site) => n + site.open_incidents_by_severity[s.value], 0),
  }));
  const unrated = sites.reduce((n, site) => n + site.open_incidents, 0) - bars.reduce((n, b) => n + b.value, 0);
  if (unrated > 0) bars.push({ label: 'Sans gravité', colour: '#b0b7c3', value: unrated });
  countBars(document.getElementById('barres-incidents'), bars);
}

function emptyItem(text) {
  return element('li', { class: 'discret', text });
}

function drawLate(sites) {
  const late = sites.filter((s) => s.prediction?.predicted_late)
    .sort((a, b) => b.prediction.p_late - a.prediction.p_late || b.prediction.delay_days - a.prediction.delay_days);
  const list = document.getElementById('retards');
  if (!sites.some((s) => s.prediction)) {
    list.replaceChildren(emptyItem('Pas encore de prédiction : le modèle de retard n’est pas entraîné.'));
    return;
  }
  if (late.length === 0) {
    list.replaceChildren(emptyItem('Aucun chantier en retard prévu.'));
    return;
  }
  list.replaceChildren(...late.map((s) => element('li', { 'data-site': s.id },
    siteLink(s),
    element('span', { class: 'pastille rouge', text: `${delayDays(s.prediction.delay_days)} (${percent(s.prediction.p_late)})` }))));
}

function drawOverruns(overruns, sites, alerts) {
  const byId = Object.fromEntries(sites.map((s) => [s.id, s]));
  const rows = overruns.kpi.breakdown.filter((r) => r.value.overrun_eur > 0 && byId[r.site_id])
    .sort((a, b) => b.value.overrun_eur - a.value.overrun_eur);
  const list = document.getElementById('depassements');
  if (rows.length === 0) {
    list.replaceChildren(emptyItem('Aucun chantier en dépassement sur la période.'));
    return;
  }
  list.replaceChildren(...rows.map((r) => {
    const alert = alerts.find((a) => a.site_id === r.site_id && (a.kind === 'budget_overrun' || a.kind === 'cost_jump'));
    const sent = alert ? `Alerte envoyée le ${dayOf(alert.raised_at)}`
      : r.value.alerts_sent > 0 ? 'Alerte envoyée sur la période' : 'Pas d’alerte envoyée';
    return element('li', { 'data-site': r.site_id },
      siteLink(byId[r.site_id]),
      element('span', { class: 'montant', text: `+${euros(r.value.overrun_eur)}`, title: 'dépassement prévu à terminaison' }),
      element('span', { class: `pastille ${alert || r.value.alerts_sent > 0 ? 'orange' : 'gris'}`, text: sent }));
  }));
}

function drawKpiTable(kpis) {
  document.querySelector('#indicateurs tbody').replaceChildren(...kpis.map((kpi) => {
    const figure = kKpiFigures[kpi.id];
    const value = pick(kpi.value, figure.key);
    const cell = element('td', { class: 'nombre valeur', text: writeValue(figure.kind, value) });
    cell.dataset.valeur = String(value);
    return element('tr', { 'data-kpi': String(kpi.id) },
      element('td', { text: String(kpi.id) }),
      element('td', { text: kpi.name }),
      cell,
      element('td', { class: 'nombre', text: writeValue(figure.kind, pick(kpi.previous, figure.key)) }),
      element('td', { class: 'nombre' }, change(kpi)),
      element('td', { class: 'discret', text: figure.detail(kpi.value) }));
  }));
}

const ticket = newestOnly();

async function load() {
  const scope = filterQuery(filters, ['period']);
  const isCurrent = ticket();
  try {
    const [report, budgetByWeek, overruns, { sites }, { alerts }, { teams }] = await Promise.all([
      api(`/api/v1/kpis?${filterQuery(filters)}`),
      api(`/api/v1/kpis/2?by=week&period=year&${scope}`),
      api(`/api/v1/kpis/14?by=site&${filterQuery(filters)}`),
      api(`/api/v1/sites?${scope}`),
      api('/api/v1/alerts'),
      filterValues(),
    ]);
    if (!isCurrent()) return;
    document.getElementById('periode').textContent =
      `Du ${day(report.period.from)} au ${day(report.period.to)}, comparé au ${day(report.previous_period.from)} – ${day(report.previous_period.to)}`;
    drawTiles(report.kpis, sites, teams.length);
    drawCharts(budgetByWeek, sites);
    drawLate(sites);
    drawOverruns(overruns, sites, alerts);
    drawKpiTable(report.kpis);
    message.textContent = '';
    markShown();
  } catch (error) {
    message.textContent = error.message;
  }
}

// The header, the filter lists and the figures are fetched side by side: the first view waits
// for the slowest, not for the three in turn.
await Promise.all([shell('/direction'), filterBar(document.getElementById('filtres'), filters, load), load()]);
keepCurrent(load, ['kpis', 'incidents', 'alerts']);
