// "Tous les chantiers" (surfaces.md, Responsable d'affaire): one row per site — name, budget,
// progress, predicted delay, open incidents, urgency, a link to its 360° view — sortable by
// delay, budget and urgency, filtered by status, risk and team (and manager, region, type),
// everything kept in the URL; exported as CSV or Excel with the rows and order shown. The
// server sorts and filters (GET /api/v1/sites), so the page and the files agree.
import '../style.css';
import { api } from '../api.js';
import { filterBar, filterQuery, filterValues, keepInUrl, readFilters } from '../filters.js';
import { delayDays, euros, percent } from '../format.js';
import { kSiteStatuses, kSiteUrgencies, kSeverities } from '../labels.js';
import { element, markShown, shell } from '../layout.js';
import { keepCurrent, newestOnly } from '../live.js';

const params = new URLSearchParams(location.search);
const filters = readFilters({});
const state = {
  status: params.get('statut') ?? 'active',
  risk: params.get('risque') ?? '',
  team: params.get('equipe') ?? '',
  sort: params.get('tri') ?? 'urgency',
  order: params.get('ordre') ?? 'desc',
};
const message = document.getElementById('message');

// The page's own parameters, kept in the URL beside the shared filters.
const ownParams = () => {
  const query = new URLSearchParams();
  if (state.status !== 'active') query.set('statut', state.status || 'tous');
  if (state.risk) query.set('risque', state.risk);
  if (state.team) query.set('equipe', state.team);
  if (state.sort !== 'urgency') query.set('tri', state.sort);
  if (state.order !== 'desc') query.set('ordre', state.order);
  return query;
};

function apiQuery() {
  const query = new URLSearchParams(filterQuery(filters, ['period']));
  if (state.status && state.status !== 'tous') query.set('status', state.status);
  if (state.risk) query.set('risk', state.risk);
  if (state.team) query.set('team', state.team);
  query.set('sort', state.sort);
  query.set('order', state.order);
  return query;
}

// column: [title, sort key or null, numeric]
const kColumns = [
  ['Chantier', 'name', false], ['Responsable', null, false], ['Budget', 'budget', true],
  ['Consommé', null, true], ['Avancement', null, true], ['Retard prévu', 'delay', true],
  ['Incidents ouverts', null, true], ['Urgence', 'urgency', false], ['Actions', null, false],
];

function header() {
  const row = document.querySelector('#chantiers thead tr');
  // Redrawn after each load: the sort button that had the focus gets it back.
  const focused = row.contains(document.activeElement) ? document.activeElement.dataset.tri : null;
  row.replaceChildren(...kColumns.map(([title, key, numeric]) => {
    const th = element('th', { scope: 'col', class: numeric ? 'nombre' : '' });
    if (!key) {
      th.textContent = title;
      return th;
    }
    const sorted = state.sort === key;
    th.setAttribute('aria-sort', sorted ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
    const button = element('button', { type: 'button', class: 'tri', 'data-tri': key, text: `${title}${sorted ? (state.order === 'asc' ? ' ▲' : ' ▼') : ''}` });
    button.setAttribute('aria-label', `Trier par ${title.toLowerCase()}`);
    button.addEventListener('click', () => {
      state.order = sorted ? (state.order === 'asc' ? 'desc' : 'asc') : key === 'name' ? 'asc' : 'desc';
      state.sort = key;
      changed();
    });
    th.append(button);
    return th;
  }));
  if (focused) row.querySelector(`[data-tri="${focused}"]`)?.focus();
}

function row(site) {
  const delay = site.prediction
    ? element('span', { class: `pastille ${site.risk === 'high' ? 'rouge' : site.risk === 'medium' ? 'orange' : 'vert'}`,
      text: `${delayDays(site.prediction.delay_days)} (${percent(site.prediction.p_late)})` })
    : element('span', { class: 'discret', text: '—' });
  const incidents = site.highest_open_severity === 0 ? String(site.open_incidents)
    : `${site.open_incidents} (max. ${kSeverities[site.highest_open_severity - 1].label.toLowerCase()})`;
  const [tone, text] = kSiteUrgencies[site.urgency];
  const over = site.spent_share > site.progress_percent / 100 + 0.02;
  return element('tr', { 'data-site': site.id },
    element('td', {}, element('a', { href: `/chantier?id=${encodeURIComponent(site.id)}`, text: site.name }),
      element('div', { class: 'discret', text: `${site.id} · ${kSiteStatuses[site.status] ?? site.status}` })),
    element('td', { text: site.manager?.name ?? '—' }),
    element('td', { class: 'nombre', text: euros(site.budget_eur) }),
    element('td', { class: `nombre ${over ? 'erreur' : ''}`, text: percent(site.spent_share) }),
    element('td', { class: 'nombre', text: percent(site.progress_percent / 100) }),
    element('td', { class: 'nombre' }, delay),
    element('td', { class: 'nombre', text: incidents }),
    element('td', {}, element('span', { class: `pastille ${tone}`, text })),
    element('td', { class: 'action' }, element('a', { href: `/chantier?id=${encodeURIComponent(site.id)}`, text: 'Vue 360°', 'aria-label': `Vue 360° : ${site.name}` })));
}

const ticket = newestOnly();

async function load() {
  const isCurrent = ticket();
  try {
    const query = apiQuery();
    const { sites } = await api(`/api/v1/sites?${query}`);
    if (!isCurrent()) return;
    header();
    document.querySelector('#chantiers tbody').replaceChildren(...sites.map(row));
    document.getElementById('compte').textContent = `${sites.length} chantier${sites.length > 1 ? 's' : ''}`;
    document.getElementById('export-csv').href = `/api/v1/sites?${query}&format=csv`;
    document.getElementById('export-excel').href = `/api/v1/sites?${query}&format=xlsx`;
    message.textContent = '';
    markShown();
  } catch (error) {
    message.textContent = error.message;
  }
}

function changed() {
  keepInUrl(filters, ownParams);
  load();
}

async function fillTeams() {
  const { teams } = await filterValues();
  const select = document.getElementById('filtre-equipe');
  select.append(...teams.map((team) => element('option', { value: team, text: team })));
}

for (const [id, field] of [['filtre-statut', 'status'], ['filtre-risque', 'risk'], ['filtre-equipe', 'team']]) {
  const select = document.getElementById(id);
  select.addEventListener('change', () => {
    state[field] = select.value || (field === 'status' ? 'tous' : '');
    changed();
  });
}

document.getElementById('filtre-statut').value = state.status === 'tous' ? '' : state.status;
document.getElementById('filtre-risque').value = state.risk;
// The header, the filter lists and the rows are fetched side by side.
await Promise.all([
  shell('/chantiers'),
  filterBar(document.getElementById('filtres'), filters, load, { withPeriod: false, extra: ownParams }),
  fillTeams().then(() => { document.getElementById('filtre-equipe').value = state.team; }),
  load(),
]);
keepCurrent(load, ['kpis', 'incidents']);
