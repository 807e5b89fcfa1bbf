// The 360° view of one site (surfaces.md, Responsable d'affaire): budget and spent (€, %),
// duration and elapsed (days, %), the predicted delay with its probability, factors and the
// suggested actions with their predicted effect, the team (chief and workers), the open
// incidents by severity, the counts of photos and reports, and a timeline of recent events
// ("il y a 2 h : incident technique résolu"). Live.
import '../style.css';
import { api } from '../api.js';
import { countBars } from '../charts.js';
import { ago, dateTime, day, decimal, delayDays, euros, kNbsp, percent } from '../format.js';
import { kCategories, kSeverities, kSiteStatuses, kUrgencies, severityLabel, severitySummary } from '../labels.js';
import { element, markShown, shell } from '../layout.js';
import { keepCurrent } from '../live.js';
import { timelineText } from '../timeline_text.js';

const id = new URLSearchParams(location.search).get('id') ?? '';
const message = document.getElementById('message');

function tile(title, figure, sub, raw) {
  const value = element('div', { class: 'valeur', text: figure });
  if (raw !== undefined) value.dataset.valeur = String(raw);
  return element('div', { class: 'carte tuile' }, element('h2', { text: title }), value,
    element('div', { class: 'discret', text: sub }));
}

// "fin prévue le 05/12/2026", and by how many days it is past when the site is still under way.
function plannedEnd(site) {
  const said = `fin prévue le ${day(site.planned_end)}`;
  const past = Math.floor((Date.parse(site.as_of) - Date.parse(`${site.planned_end}T23:59:59+01:00`)) / 86400000) + 1;
  const underWay = site.status === 'active' || site.status === 'suspended';
  return underWay && past > 0 ? `${said}, dépassée de ${past}${kNbsp}j` : said;
}

function drawTiles(site) {
  const elapsedShare = site.duration_days > 0 ? site.elapsed_days / site.duration_days : 0;
  document.getElementById('tuiles').replaceChildren(
    tile('Budget consommé', percent(site.spent_share), `${euros(site.actual_cost_eur)} sur ${euros(site.budget_eur)}`, site.spent_share),
    tile('Avancement', percent(site.progress_percent / 100), `déclaré par le chef de chantier`, site.progress_percent),
    tile('Temps écoulé', percent(elapsedShare), `${site.elapsed_days}${kNbsp}j sur ${site.duration_days}${kNbsp}j (${plannedEnd(site)})`, site.elapsed_days),
    tile('Incidents ouverts', String(site.open_incidents), severitySummary(site.open_incidents_by_severity, site.open_incidents), site.open_incidents),
    tile('Photos', decimal(site.photos, 0), 'déposées depuis le début', site.photos),
    tile('Rapports', decimal(site.reports, 0), 'déposés depuis le début', site.reports),
  );
}

function drawPrediction(site) {
  const box = document.getElementById('prediction');
  const p = site.prediction;
  if (!p) {
    box.replaceChildren(element('p', { class: 'discret', text: site.status === 'active' || site.status === 'suspended'
      ? 'Pas encore de prédiction : le modèle de retard n’est pas entraîné.' : 'Chantier hors période de prédiction (non commencé ou terminé).' }));
    return;
  }
  const late = p.predicted_late;
  const headline = element('p', { class: 'prevision' },
    element('span', { class: `pastille ${late ? 'rouge' : 'vert'}`, text: late ? 'Retard probable' : 'Dans les temps' }), ' ',
    element('strong', { text: delayDays(p.delay_days) }),
    ` (entre ${decimal(p.delay_days_range[0], 0)} et ${decimal(p.delay_days_range[1], 0)} j), probabilité de retard ${percent(p.p_late)}`);
  const parts = [headline];
  if (p.coverage?.level !== 'ok' && p.coverage?.reasons?.length) {
    parts.push(element('p', { class: 'discret', text: `Prévision moins sûre : ${p.coverage.reasons.join(' ; ')}` }));
  }
  parts.push(element('h3', { text: 'Principaux facteurs' }),
    element('ul', {}, ...p.factors.map((f) => element('li', { text: `${f.raises_risk ? '↑' : '↓'} ${f.text}` }))));
  parts.push(element('h3', { text: 'Actions suggérées' }));
  parts.push(p.actions.length
    ? element('ul', {}, ...p.actions.map((a) => element('li', {
      text: `${a.text} — probabilité de retard ${percent(p.p_late)} → ${percent(a.p_late_after)}` })))
    : element('p', { class: 'discret', text: 'Aucune action que le modèle juge utile pour ce chantier.' }));
  parts.push(element('p', { class: 'discret', text: `Modèle de retard, version ${p.model_version}, calculé ${ago(p.as_of)}.` }));
  box.replaceChildren(...parts);
}

function drawTeam(site) {
  const members = site.team.members.map((m) => element('li', { text: m.name }));
  document.getElementById('equipe').replaceChildren(
    element('p', {}, element('strong', { text: 'Responsable d’affaire : ' }), site.manager?.name ?? '—'),
    element('p', {}, element('strong', { text: 'Chef de chantier : ' }), site.chief?.name ?? '—'),
    element('p', {}, element('strong', { text: `Équipe ${site.team.id || '—'} : ` }), `${members.length} compagnon(s)`),
    element('ul', { class: 'colonnes' }, ...members));
}

function drawIncidents(site) {
  countBars(document.getElementById('incidents-gravite'), kSeverities.map((s) => ({
    label: s.label, colour: s.colour, value: site.open_incidents_by_severity[s.value],
  })));
  const list = document.getElementById('incidents');
  if (site.incidents.length === 0) {
    list.replaceChildren(element('li', { class: 'discret', text: 'Aucun incident ouvert.' }));
    return;
  }
  list.replaceChildren(...site.incidents.map((incident) => element('li', { 'data-incident': incident.id },
    element('span', { text: `${incident.id} · ${kCategories[incident.category] ?? 'Non classé'} · urgence ${kUrgencies[incident.urgency] ?? '—'}` }),
    element('span', { class: 'discret', text: incident.taken_at ? `pris en charge ${ago(incident.taken_at)}` : `ouvert ${ago(incident.opened_at)}` }),
    element('span', { class: `pastille ${incident.severity === 'critical' ? 'rouge' : incident.severity === 'high' ? 'orange' : 'gris'}`,
      text: severityLabel(incident.severity) }))));
}

function drawTimeline(site) {
  const items = site.timeline.map((event) => [event, timelineText(event)]).filter(([, text]) => text);
  document.getElementById('journal').replaceChildren(...(items.length ? items.map(([event, text]) =>
    element('li', {}, element('span', { text }),
      element('time', { class: 'discret', datetime: event.occurred_at, title: dateTime(event.occurred_at), text: ago(event.occurred_at) })))
    : [element('li', { class: 'discret', text: 'Aucun événement récent.' })]));
}

async function load() {
  try {
    const site = await api(`/api/v1/sites/${encodeURIComponent(id)}`);
    document.title = `${site.name} — Vigie`;
    document.getElementById('nom').textContent = site.name;
    document.getElementById('resume').textContent =
      `${site.id} · ${site.client} · ${site.city} (${site.region}) · ${kSiteStatuses[site.status] ?? site.status} · du ${day(site.planned_start)} au ${day(site.planned_end)}`;
    drawTiles(site);
    drawPrediction(site);
    drawTeam(site);
    drawIncidents(site);
    drawTimeline(site);
    message.textContent = '';
    markShown();
  } catch (error) {
    message.textContent = error.status === 404 ? `Le chantier « ${id} » n’existe pas ou n’est pas dans votre périmètre.` : error.message;
  }
}

await Promise.all([shell('/chantiers'), load()]);
keepCurrent(load, ['kpis', 'incidents']);
