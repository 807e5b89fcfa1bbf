// The alerts centre (surfaces.md, Also): the open alerts and the history, filtered by who they
// are for and their kind (kept in the URL), each with its figures' message; "Marquer comme vue"
// records who saw it (POST /api/v1/alerts/{id}/ack). The alert stays open until its condition
// clears.
import '../style.css';
import { api } from '../api.js';
import { ago, dateTime } from '../format.js';
import { element, markShown, shell } from '../layout.js';
import { keepCurrent } from '../live.js';

const kKinds = {
  budget_overrun: 'Dépassement de budget',
  cost_jump: 'Hausse du coût à terminaison',
  satisfaction_low: 'Satisfaction client basse',
  satisfaction_drop: 'Baisse de satisfaction',
  no_report: 'Aucun rapport',
  utilisation_low: 'Faible part facturable',
  late_risk: 'Risque de retard',
  predicted_delay: 'Retard prévu',
  sla_at_risk: 'SLA menacé',
  incident_critical: 'Incident critique',
  job_failed: 'Tâche planifiée en échec',
  model_drift: 'Dérive du modèle',
};
const kindName = (kind) => kKinds[kind] ?? kind;

const params = new URLSearchParams(location.search);
const state = {
  history: params.get('vue') === 'historique',
  audience: params.get('pour') ?? '',
  kind: params.get('type') ?? '',
  alerts: [],
};

const tabs = { open: document.getElementById('onglet-ouvertes'), history: document.getElementById('onglet-historique') };
const audienceFilter = document.getElementById('filtre-pour');
const kindFilter = document.getElementById('filtre-type');
const message = document.getElementById('message');

function keepInUrl() {
  const query = new URLSearchParams();
  if (state.history) query.set('vue', 'historique');
  if (state.audience) query.set('pour', state.audience);
  if (state.kind) query.set('type', state.kind);
  const search = query.toString();
  history.replaceState(null, '', location.pathname + (search ? `?${search}` : ''));
}

function acknowledgement(alert) {
  if (alert.acknowledged_at) {
    return element('span', { class: 'discret', text: `Vue par ${alert.acknowledged_by}, ${dateTime(alert.acknowledged_at)}` });
  }
  const button = element('button', { type: 'button', class: 'secondaire', text: 'Marquer comme vue' });
  button.setAttribute('aria-label', `Marquer comme vue : ${alert.title}`);
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const updated = await api(`/api/v1/alerts/${alert.id}/ack`, { method: 'POST' });
      Object.assign(alert, updated);
      draw();
    } catch (error) {
      message.textContent = error.message;
      button.disabled = false;
    }
  });
  return button;
}

function row(alert) {
  const status = alert.cleared_at
    ? element('span', { class: 'pastille gris', text: `Levée le ${dateTime(alert.cleared_at)}` })
    : element('span', { class: `pastille ${alert.audience === 'Direction' ? 'rouge' : 'orange'}`, text: 'Ouverte' });
  // What, where, why and what to do: the message under its title, unfolded on a click.
  const details = element('details', {}, element('summary', { text: alert.title }), element('p', { text: alert.message }));
  return element('tr', { 'data-alerte': String(alert.id) },
    element('td', {}, element('div', { class: 'discret', text: kindName(alert.kind) }), details),
    element('td', { class: 'site', text: alert.site_id || '—' }),
    element('td', { text: alert.audience }),
    element('td', {}, element('div', { text: dateTime(alert.raised_at) }),
      element('div', { class: 'discret', text: ago(alert.raised_at) })),
    element('td', {}, status),
    element('td', {}, acknowledgement(alert)));
}

function draw() {
  tabs.open.setAttribute('aria-selected', String(!state.history));
  tabs.history.setAttribute('aria-selected', String(state.history));
  const shown = state.alerts.filter((a) =>
    (!state.audience || a.audience === state.audience) && (!state.kind || a.kind === state.kind));
  const open = state.alerts.filter((a) => !a.cleared_at).length;
  tabs.open.textContent = state.history ? 'Ouvertes' : `Ouvertes (${open})`;
  document.getElementById('compte').textContent =
    `${shown.length} alerte${shown.length > 1 ? 's' : ''} affichée${shown.length > 1 ? 's' : ''}`;
  const list = document.getElementById('liste');
  if (shown.length === 0) {
    list.replaceChildren(element('p', { class: 'carte', text: state.history ? 'Aucune alerte dans l’historique.' : 'Aucune alerte ouverte.' }));
    return;
  }
  const head = element('tr', {}, ...['Alerte', 'Chantier', 'Destinataire', 'Déclenchée le', 'État', 'Prise en compte'].map(
    (title) => element('th', { scope: 'col', text: title })));
  list.replaceChildren(element('table', {}, element('thead', {}, head), element('tbody', {}, ...shown.map(row))));
}

function fillKinds() {
  const kinds = [...new Set(state.alerts.map((a) => a.kind))].sort((a, b) => kindName(a).localeCompare(kindName(b), 'fr'));
  if (state.kind && !kinds.includes(state.kind)) kinds.push(state.kind);
  kindFilter.replaceChildren(element('option', { value: '', text: 'Tous' }),
    ...kinds.map((kind) => element('option', { value: kind, text: kindName(kind) })));
  kindFilter.value = state.kind;
}

async function load() {
  try {
    const answer = await api(`/api/v1/alerts?status=${state.history ? 'all' : 'open'}`);
    state.alerts = answer.alerts;
    message.textContent = '';
  } catch (error) {
    message.textContent = error.message;
  }
  fillKinds();
  draw();
}

for (const [history, tab] of [[false, tabs.open], [true, tabs.history]]) {
  tab.addEventListener('click', () => {
    state.history = history;
    keepInUrl();
    load();
  });
}
audienceFilter.value = state.audience;
audienceFilter.addEventListener('change', () => { state.audience = audienceFilter.value; keepInUrl(); draw(); });
kindFilter.addEventListener('change', () => { state.kind = kindFilter.value; keepInUrl(); draw(); });

await shell('/alertes');
await load();
markShown();
keepCurrent(load, ['alerts', 'incidents']);
