// The planning view (surfaces.md, Also): the planner's suggestion for a week beside the current
// plan, team by team (their sites, travel km and hours), with the savings (km, hours, €), the
// score and what the planner says (sites it cannot place, constraints the current plan breaks).
// "Accepter ce plan" records it (POST /api/v1/plans/{id}/accept: the week's plan from then on);
// "Refuser" records the refusal with an optional reason (POST /api/v1/plans/{id}/reject): the
// current plan stays and the suggestion shows as refused, to everyone and after a restart. The
// week is kept in the URL (?semaine=2026-W51); without it, the coming week, as the API chooses.
import '../style.css';
import './planning.css';
import { api } from '../api.js';
import { dateTime, decimal, euros, kNbsp } from '../format.js';
import { addWeeks, isoWeekOf, mondayOf, weekLabel } from '../iso_week.js';
import { element, kRoleNames, markShown, shell } from '../layout.js';
import { keepCurrent } from '../live.js';

const kDeciders = ['admin', 'direction', 'manager'];
const kMaxReasonChars = 500;  // as the API (src/api/plan_routes.cpp)

const params = new URLSearchParams(location.search);
const state = { week: mondayOf(params.get('semaine')) === null ? '' : params.get('semaine'), plan: null,
  user: null, refusing: false, reason: '', busy: false };
let loads = 0;  // a later load wins over an earlier one still under way

const weekSelect = document.getElementById('semaine');
const message = document.getElementById('message');
const progress = document.getElementById('etat');

const km = (value) => `${decimal(value, 0)}${kNbsp}km`;
const hours = (value) => `${decimal(value, 1)}${kNbsp}h`;
const plural = (count, one, many) => `${count} ${count > 1 ? many : one}`;
const mayDecide = () => kDeciders.includes(state.user?.role);

function keepInUrl() {
  const search = state.week ? `?semaine=${state.week}` : '';
  history.replaceState(null, '', location.pathname + search);
}

function fillWeeks() {
  const now = isoWeekOf();
  const weeks = Array.from({ length: 11 }, (_, i) => addWeeks(now, i - 2));
  const shown = state.plan?.week ?? state.week;
  if (shown && !weeks.includes(shown)) weeks.push(shown);
  weeks.sort();
  weekSelect.replaceChildren(...weeks.map((week) => element('option', { value: week, text: weekLabel(week) })));
  weekSelect.value = shown || addWeeks(now, 1);
}

// --- the summary: savings, score, changes, the decision ------------------------------------------

function card(title, ...children) {
  return element('div', { class: 'carte' }, element('h2', { text: title }), ...children);
}

function figure(label, value, note = '') {
  return element('div', { class: 'chiffre' }, element('span', { class: 'discret', text: label }),
    element('strong', { text: value }), note ? element('span', { class: 'discret', text: note }) : '');
}

function savingsCard(plan) {
  const { savings } = plan;
  const longer = savings.km < 0 || savings.eur < 0;
  return card('Économies de la semaine',
    element('div', { class: 'chiffres' },
      figure('Trajets', km(savings.km)), figure('Heures de route', hours(savings.travel_hours)),
      figure('Coût des trajets', euros(savings.eur))),
    longer ? element('p', { class: 'discret', text: 'Négatif : la suggestion allonge des trajets pour respecter les capacités et les compétences des équipes.' }) : '');
}

function scoreCard(plan) {
  // The note measures the saving against the best possible one; a current plan that breaks the
  // teams' capacities or skills cannot be compared on cost alone.
  const proof = plan.current_violations?.length && plan.score === 0
    ? 'le plan actuel ne respecte pas les contraintes (voir ci-dessous) : la suggestion les respecte, même plus chère'
    : plan.proven_optimal ? 'le meilleur plan possible, prouvé par le calcul' : 'le meilleur plan trouvé dans le temps de calcul';
  return card('Qualité du plan', element('div', { class: 'chiffres' },
    figure('Note sur 100', decimal(plan.score, 0), proof),
    figure('Changements', plural(plan.changes, 'chantier', 'chantiers'),
      `sur ${plural(plan.assignments.length, 'chantier planifié', 'chantiers planifiés')}`)));
}

function decisionText(decision) {
  const who = `par ${decision.by}, le ${dateTime(decision.at)}`;
  return decision.status === 'accepted' ? `Plan accepté ${who}` : `Suggestion refusée ${who}`;
}

// A button's action: POST the decision (`body()` read at the click), show it, then reload.
function decide(path, body = () => undefined) {
  return async () => {
    const sent = body();
    state.busy = true;
    draw();
    try {
      const answer = await api(`/api/v1/plans/${state.plan.id}/${path}`, { method: 'POST', body: sent });
      state.plan.decision = answer.decision ??
        { status: 'accepted', plan_id: state.plan.id, by: answer.accepted_by, at: answer.accepted_at, reason: null };
      state.refusing = false;
      state.reason = '';
      message.textContent = '';
    } catch (error) {
      message.textContent = error.status === 409 ? 'Une décision a déjà été prise sur ce plan : la voici.'
        : error.status === 404 ? 'La suggestion a changé depuis son affichage : voici la nouvelle.' : error.message;
    }
    state.busy = false;
    await load();
  };
}

function refusalForm() {
  const reason = element('textarea', { id: 'motif', rows: '3', maxlength: String(kMaxReasonChars) });
  reason.value = state.reason;
  reason.addEventListener('input', () => { state.reason = reason.value; });
  const confirm = element('button', { type: 'button', text: 'Confirmer le refus' });
  confirm.addEventListener('click', decide('reject', () => ({ reason: state.reason })));
  const cancel = element('button', { type: 'button', class: 'secondaire', text: 'Annuler' });
  cancel.addEventListener('click', () => { state.refusing = false; draw(); });
  for (const button of [confirm, cancel]) button.disabled = state.busy;
  return element('div', { class: 'refus' },
    element('label', { for: 'motif', text: 'Motif du refus (facultatif)' }), reason,
    element('div', { class: 'boutons' }, confirm, cancel));
}

function decisionCard(plan) {
  if (plan.decision) {
    const accepted = plan.decision.status === 'accepted';
    return card('Décision',
      element('p', {}, element('span', { class: `pastille ${accepted ? 'vert' : 'rouge'}`, text: accepted ? 'Accepté' : 'Refusé' })),
      element('p', { id: 'decision', text: decisionText(plan.decision) }),
      plan.decision.reason ? element('p', { class: 'motif', text: `« ${plan.decision.reason} »` }) : '',
      element('p', { class: 'discret', text: accepted ? 'C’est le plan de la semaine.' : 'Le plan actuel reste en place.' }));
  }
  if (!plan.found) return card('Décision', element('p', { text: 'Aucun plan ne respecte les contraintes : rien à accepter.' }));
  if (!mayDecide()) {
    return card('Décision', element('p', { class: 'discret', text: `Accepter ou refuser un plan revient à la Direction et aux responsables d'affaire (vous : ${kRoleNames[state.user?.role] ?? '—'}).` }));
  }
  if (state.refusing) return card('Décision', refusalForm());
  const accept = element('button', { type: 'button', text: 'Accepter ce plan' });
  accept.addEventListener('click', decide('accept'));
  const refuse = element('button', { type: 'button', class: 'secondaire', text: 'Refuser' });
  refuse.addEventListener('click', () => {
    state.refusing = true;
    draw();
    document.getElementById('motif').focus();
  });
  for (const button of [accept, refuse]) button.disabled = state.busy;
  return card('Décision', element('p', { class: 'discret', text: `Référence du plan : ${plan.id}` }),
    element('div', { class: 'boutons' }, accept, refuse));
}

// --- what the planner says -------------------------------------------------------------------------

function remarks(plan) {
  const items = [
    ...plan.barriers.map((reason) => ['rouge', 'Aucun plan possible', reason]),
    ...plan.left_out.map((site) => ['orange', 'Non planifiable', site.reason]),
    ...plan.current_violations.map((reason) => ['orange', 'Plan actuel', reason]),
  ];
  const estimated = plan.assignments.filter((a) => a.demand_estimated).length;
  if (estimated > 0) {
    items.push(['gris', 'Heures estimées', `${plural(estimated, 'chantier', 'chantiers')} sans relevé d’heures récent : la moyenne des autres est retenue.`]);
  }
  if (items.length === 0) return [];
  return [element('h2', { text: 'Ce que dit le planificateur' }),
    element('ul', { class: 'remarques carte' }, ...items.map(([colour, kind, text]) =>
      element('li', {}, element('span', { class: `pastille ${colour}`, text: kind }), ' ', text)))];
}

// --- the two plans side by side ---------------------------------------------------------------------

function comparison(plan) {
  const { suggested, current } = plan.parts;
  const withDelay = plan.assignments.some((a) => a.predicted_delay_days !== null);
  const rows = [
    ['Kilomètres de la semaine (un aller-retour par personne et par jour)', km(current.km), km(suggested.km)],
    ['Heures de route de la semaine, toutes personnes', hours(current.travel_hours), hours(suggested.travel_hours)],
    ['Journées de travail à plus d’1 h de route (par personne)', decimal(current.long_trip_days, 1), decimal(suggested.long_trip_days, 1)],
    ['Chantiers changeant d’équipe', decimal(current.changes, 0), decimal(suggested.changes, 0)],
    ['Chantiers hors préférence du chef', decimal(current.off_preference, 0), decimal(suggested.off_preference, 0)],
    ['Heures au-delà de la capacité', hours(current.overload_hours), hours(suggested.overload_hours)],
    ...(withDelay ? [['Jours de retard prédits', decimal(current.predicted_delay_days, 1), decimal(suggested.predicted_delay_days, 1)]] : []),
    ['Coût total estimé (route, dépassements, retards, changements)', euros(current.objective_eur), euros(suggested.objective_eur)],
  ];
  const head = element('tr', {}, element('th', { scope: 'col', text: 'Critère' }),
    element('th', { scope: 'col', class: 'nombre', text: 'Plan actuel' }), element('th', { scope: 'col', class: 'nombre', text: 'Suggestion' }));
  return [element('h2', { text: 'Plan actuel et suggestion' }),
    element('table', { class: 'criteres' }, element('thead', {}, head), element('tbody', {}, ...rows.map(([name, now, next]) =>
      element('tr', {}, element('th', { scope: 'row', text: name }), element('td', { class: 'nombre', text: now }),
        element('td', { class: 'nombre', text: next }))))),
  ];
}

function siteItem(assignment, side) {
  const suggested = side === 'suggested';
  const name = assignment.site_name || assignment.site_id;
  const travel = suggested ? assignment.km : assignment.current_km;
  const item = element('li', { 'data-chantier': assignment.site_id },
    element('span', { class: 'nom', text: name }), ' ',
    element('span', { class: 'discret', text: `${assignment.site_id} · ${hours(assignment.demand_hours)} de travail${assignment.demand_estimated ? ' (estimées)' : ''} · ${km(travel)} de route` }));
  if (assignment.changed) {
    const move = suggested ? `vient de ${assignment.current_team_id}` : `part à ${assignment.team_id}`;
    item.append(' ', element('span', { class: `pastille ${suggested ? 'vert' : 'gris'}`, text: move }));
    if (suggested && assignment.predicted_delay_days !== null) {
      item.append(element('div', { class: 'discret', text: `retard prédit ${decimal(assignment.current_predicted_delay_days, 0)} j → ${decimal(assignment.predicted_delay_days, 0)} j` }));
    }
  }
  return item;
}

function siteList(assignments, side) {
  if (assignments.length === 0) return element('p', { class: 'discret', text: 'Aucun chantier' });
  const total = assignments.reduce((sum, a) => ({
    km: sum.km + (side === 'suggested' ? a.km : a.current_km),
    hours: sum.hours + (side === 'suggested' ? a.travel_hours : a.current_travel_hours),
  }), { km: 0, hours: 0 });
  return element('div', {}, element('ul', { class: 'chantiers' }, ...assignments.map((a) => siteItem(a, side))),
    element('div', { class: 'total', text: `Route : ${km(total.km)}, ${hours(total.hours)}` }));
}

function teams(plan) {
  const rows = [];
  const idle = [];
  for (const team of plan.teams) {
    const current = plan.assignments.filter((a) => a.current_team_id === team.team_id);
    const suggested = plan.assignments.filter((a) => a.team_id === team.team_id);
    if (current.length === 0 && suggested.length === 0) {
      idle.push(team.team_id);
      continue;
    }
    const over = team.load_hours > team.capacity_hours;
    rows.push(element('tr', { 'data-equipe': team.team_id },
      element('th', { scope: 'row' }, element('div', { text: team.team_id }),
        team.chief_name ? element('div', { class: 'chef', text: `Chef : ${team.chief_name}` }) : '',
        element('div', { class: over ? 'erreur' : 'discret', text: `${decimal(team.load_hours, 0)} h prévues sur ${decimal(team.capacity_hours, 0)} h disponibles` })),
      element('td', {}, siteList(current, 'current')),
      element('td', {}, siteList(suggested, 'suggested'))));
  }
  const unplanned = plan.assignments.filter((a) => a.current_team_id === null);
  const head = element('tr', {}, ...['Équipe (charge suggérée)', 'Plan actuel', 'Suggestion'].map(
    (title) => element('th', { scope: 'col', text: title })));
  return [element('h2', { text: 'Équipe par équipe' }),
    element('table', { class: 'equipes' }, element('thead', {}, head), element('tbody', {}, ...rows)),
    unplanned.length ? element('p', { class: 'discret', text: `Sans équipe dans le plan actuel : ${unplanned.map((a) => a.site_name || a.site_id).join(', ')}.` }) : '',
    idle.length ? element('p', { class: 'discret', text: `Sans chantier cette semaine : ${idle.join(', ')}.` }) : ''];
}

// --- the week's decisions ---------------------------------------------------------------------------

function decisions(plan) {
  if (plan.decisions.length === 0) return [];
  const head = element('tr', {}, ...['Décision', 'Plan', 'Par', 'Le', 'Motif'].map((t) => element('th', { scope: 'col', text: t })));
  const rows = [...plan.decisions].reverse().map((d) => element('tr', { 'data-plan': d.plan_id },
    element('td', {}, element('span', { class: `pastille ${d.status === 'accepted' ? 'vert' : 'rouge'}`, text: d.status === 'accepted' ? 'Accepté' : 'Refusé' })),
    element('td', { class: 'site', text: d.plan_id + (d.plan_id === plan.id ? ' (celui-ci)' : '') }),
    element('td', { text: d.by }), element('td', { text: dateTime(d.at) }), element('td', { text: d.reason ?? '—' })));
  return [element('h2', { text: 'Décisions de la semaine' }),
    element('table', {}, element('thead', {}, head), element('tbody', {}, ...rows))];
}

function draw() {
  const plan = state.plan;
  const parts = ['resume', 'remarques', 'comparaison', 'equipes', 'decisions'].map((id) => document.getElementById(id));
  if (!plan) {
    for (const part of parts) part.replaceChildren();
    return;
  }
  const [summary, notes, sides, byTeam, history] = parts;
  summary.replaceChildren(savingsCard(plan), scoreCard(plan), decisionCard(plan));
  notes.replaceChildren(...remarks(plan));
  sides.replaceChildren(...(plan.found ? comparison(plan) : []));
  byTeam.replaceChildren(...(plan.found ? teams(plan) : []));
  history.replaceChildren(...decisions(plan));
}

async function load() {
  const mine = ++loads;
  progress.textContent = 'Calcul de la suggestion…';
  try {
    const plan = await api(`/api/v1/plans/suggested${state.week ? `?week=${state.week}` : ''}`);
    if (mine !== loads) return;
    if (plan.id !== state.plan?.id) state.refusing = false;
    state.plan = plan;
  } catch (error) {
    if (mine !== loads) return;
    state.plan = null;
    message.textContent = error.message;
  }
  progress.textContent = state.plan ? `Suggestion ${state.plan.id}` : '';
  fillWeeks();
  draw();
}

weekSelect.addEventListener('change', () => {
  state.week = weekSelect.value;
  state.refusing = false;
  message.textContent = '';
  keepInUrl();
  load();
});

state.user = await shell('/planning');
fillWeeks();
await load();
markShown();
// A refusal being written is not swept away by someone else's change: the page catches up after.
keepCurrent(() => (state.refusing || state.busy ? Promise.resolve() : load()), ['plans']);
