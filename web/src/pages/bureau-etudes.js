// The design office's incident queue (surfaces.md, Bureau d'études): waiting / in progress /
// resolved today, the day's figures, and one card per open incident in its column, its left edge
// the urgency's colour and its SLA time left counting down each second. "Prendre en charge"
// records incident.taken (POST /api/v1/incidents/{id}/take) and the card moves to "En cours";
// "Voir détails" shows the whole text and, for those who may, the form that corrects a label
// (POST /api/v1/incidents/{id}/labels records incident.relabelled).
import '../style.css';
import './bureau-etudes.css';
import { api } from '../api.js';
import { ago, countdown, dateTime, decimal, hoursSpan, percent } from '../format.js';
import { element, markShown, shell } from '../layout.js';
import { keepCurrent } from '../live.js';

// The event catalogue's values and their French names (models.md).
const kLabels = {
  category: { name: 'Type', values: { safety: 'Sécurité', technical: 'Technique', material: 'Matériel', administrative: 'Administratif' } },
  severity: { name: 'Gravité', values: { low: 'Faible', medium: 'Moyen', high: 'Élevé', critical: 'Critique' } },
  urgency: { name: 'Urgence', values: { '1h': '< 1 h', '4h': '< 4 h', '1d': '< 1 j', '3d': '< 3 j' } },
};
const kUrgencyColour = { '1h': 'rouge', '4h': 'orange', '1d': 'jaune', '3d': 'vert' };
// Who may take an incident in charge or correct its labels (api/auth.hpp).
const kChangers = ['admin', 'design_office', 'manager'];

const state = { user: null, queue: null, open: new Set() };
const message = document.getElementById('message');

// "Technique", "Technique (prédit 87 %)", "Sécurité (corrigé)".
function labelText(label) {
  if (!label) return 'non renseigné';
  if (label.source === 'predicted' && label.probability !== null) return `${label.label} (prédit ${percent(label.probability)})`;
  if (label.source === 'corrected') return `${label.label} (corrigé)`;
  return label.label;
}

// The SLA's time left, or how late: updated each second by tick().
function slaText(incident, now = Date.now()) {
  if (!incident.sla_due_at) return { text: 'Sans SLA', late: false };
  const left = (new Date(incident.sla_due_at).getTime() - now) / 1000;
  return left >= 0 ? { text: `SLA : reste ${countdown(left)}`, late: false }
    : { text: `SLA dépassé de ${countdown(-left)}`, late: true };
}

function tick() {
  for (const node of document.querySelectorAll('.incident .sla[data-echeance]')) {
    const { text, late } = slaText({ sla_due_at: node.dataset.echeance });
    node.textContent = text;
    node.classList.toggle('depasse', late);
  }
}

async function change(incident, path, body, button) {
  button.disabled = true;
  try {
    await api(`/api/v1/incidents/${encodeURIComponent(incident.id)}/${path}`, { method: 'POST', body });
    message.textContent = '';
  } catch (error) {
    message.textContent = error.status === 409
      ? `L'incident ${incident.id} est déjà pris en charge ou résolu : la file est mise à jour.`
      : `${error.message}${error.field ? ` (${error.field})` : ''}`;
  }
  await load();
}

function correctionForm(incident) {
  const form = element('form', { class: 'correction', 'aria-label': `Corriger les étiquettes de ${incident.id}` });
  const selects = {};
  for (const [field, { name, values }] of Object.entries(kLabels)) {
    const id = `${field}-${incident.id}`;
    const select = element('select', { id }, element('option', { value: '', text: 'non renseigné' }),
      ...Object.entries(values).map(([value, text]) => element('option', { value, text })));
    select.value = incident.labels[field]?.value ?? '';
    selects[field] = select;
    form.append(element('div', {}, element('label', { for: id, text: name }), select));
  }
  const save = element('button', { type: 'submit', class: 'secondaire', text: 'Enregistrer la correction' });
  save.setAttribute('aria-label', `Enregistrer la correction : ${incident.id}`);
  form.append(save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    for (const [field, select] of Object.entries(selects)) {
      if (select.value && select.value !== incident.labels[field]?.value) body[field] = select.value;
    }
    if (Object.keys(body).length === 0) {
      message.textContent = 'Aucune étiquette modifiée.';
      return;
    }
    change(incident, 'labels', body, save);
  });
  return form;
}

function details(incident) {
  const taken = incident.taken_at
    ? `Pris en charge par ${incident.taken_by_name ?? incident.taken_by} le ${dateTime(incident.taken_at)}`
    : 'Pas encore pris en charge';
  const panel = element('div', { class: 'details', id: `details-${incident.id}` },
    element('p', { text: incident.description }),
    element('p', { class: 'discret', text: `Ouvert le ${dateTime(incident.opened_at)} · échéance SLA ${dateTime(incident.sla_due_at)}` }),
    element('p', { class: 'discret', text: taken }),
    ...Object.entries(kLabels).map(([field, { name }]) => element('p', { text: `${name} : ${labelText(incident.labels[field])}` })));
  if (kChangers.includes(state.user.role)) panel.append(correctionForm(incident));
  panel.hidden = !state.open.has(incident.id);
  return panel;
}

function card(incident) {
  const urgency = incident.labels.urgency?.value;
  const sla = slaText(incident);
  const slaNode = element('span', { class: `sla${sla.late ? ' depasse' : ''}`, text: sla.text });
  if (incident.sla_due_at) slaNode.dataset.echeance = incident.sla_due_at;
  const panel = details(incident);
  const more = element('button', { type: 'button', class: 'secondaire', text: 'Voir détails',
    'aria-controls': panel.id, 'aria-expanded': String(!panel.hidden), 'aria-label': `Voir détails : ${incident.id}` });
  more.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    more.setAttribute('aria-expanded', String(!panel.hidden));
    if (panel.hidden) state.open.delete(incident.id);
    else state.open.add(incident.id);
  });
  const actions = element('div', { class: 'actions' }, more);
  if (incident.state === 'waiting' && kChangers.includes(state.user.role)) {
    const take = element('button', { type: 'button', text: 'Prendre en charge', 'aria-label': `Prendre en charge : ${incident.id}` });
    take.addEventListener('click', () => change(incident, 'take', undefined, take));
    actions.append(take);
  } else if (incident.taken_at) {
    actions.append(element('span', { class: 'discret', text: `Pris en charge par ${incident.taken_by_name ?? incident.taken_by}` }));
  }
  const type = [incident.labels.category, incident.labels.severity].map(labelText).join(' · ');
  return element('article', { class: `incident urgence-${urgency ?? 'aucune'}`, 'data-incident': incident.id, 'aria-label': `Incident ${incident.id}` },
    element('div', { class: 'ligne' },
      element('span', { class: 'numero', text: incident.id }),
      element('span', { class: `pastille ${kUrgencyColour[urgency] ?? 'gris'}`, text: labelText(incident.labels.urgency) }),
      slaNode),
    element('div', { class: 'ligne discret' },
      element('span', { text: incident.site_name ?? incident.site_id }),
      element('span', { text: `Chef : ${incident.chief_name ?? incident.chief_id ?? '—'}` }),
      element('span', { text: `Ouvert ${ago(incident.opened_at)}` })),
    element('div', { class: 'type', text: type }),
    element('p', { class: 'resume', text: incident.description }),
    actions, panel);
}

function column(id, incidents, empty) {
  const node = document.getElementById(id);
  node.replaceChildren(...(incidents.length ? incidents.map(card) : [element('p', { class: 'carte discret', text: empty })]));
}

function draw() {
  const { counts, today, incidents } = state.queue;
  document.getElementById('nb-attente').textContent = String(counts.waiting);
  document.getElementById('nb-en-cours').textContent = String(counts.in_progress);
  document.getElementById('nb-resolus').textContent = String(counts.resolved_today);
  document.getElementById('titre-attente').textContent = `En attente (${counts.waiting})`;
  document.getElementById('titre-en-cours').textContent = `En cours (${counts.in_progress})`;
  const mean = today.mean_resolution_hours;
  document.getElementById('stat-resolution').textContent = mean === null
    ? `Aucun incident résolu (objectif ${hoursSpan(today.resolution_target_hours)})`
    : `${hoursSpan(mean)} (objectif ${hoursSpan(today.resolution_target_hours)})`;
  document.getElementById('stat-sla').textContent = today.sla_met_share === null ? '—'
    : `${percent(today.sla_met_share)} (${today.resolved_within_sla} sur ${today.resolved_with_sla})`;
  document.getElementById('stat-satisfaction').textContent = today.chief_satisfaction === null
    ? `Aucune réponse sur ${today.chief_satisfaction_days} jours`
    : `${decimal(today.chief_satisfaction)} / 10 (${today.chief_responses} réponse${today.chief_responses > 1 ? 's' : ''} sur ${today.chief_satisfaction_days} jours)`;
  column('file-attente', incidents.filter((i) => i.state === 'waiting'), 'Aucun incident en attente.');
  column('file-en-cours', incidents.filter((i) => i.state === 'in_progress'), 'Aucun incident en cours.');
}

async function load() {
  try {
    state.queue = await api('/api/v1/incidents?state=open');
  } catch (error) {
    message.textContent = error.message;
    return;
  }
  draw();
}

state.user = await shell('/bureau-etudes');
await load();
markShown();
setInterval(tick, 1000);
keepCurrent(load, ['incidents']);
