// A site's event as its timeline says it ("incident technique résolu"): the type and the few
// data fields a person cares about, in French. Types the timeline does not show have no text.
import { decimal, euros } from './format.js';
import { kCategories, severityLabel } from './labels.js';

const incidentName = (event) => {
  const category = event.incident?.category ? ` ${kCategories[event.incident.category].toLowerCase()}` : '';
  return `Incident${category} ${event.data.incident_id ?? ''}`.trim();
};

const kExpenses = { material: 'matériaux', labour: 'main-d’œuvre', subcontracting: 'sous-traitance', other: 'autre' };
const kRequests = { technical: 'technique', material: 'de matériel', design_office_question: 'au bureau d’études' };
const kReports = { journalier: 'journalier', hebdomadaire: 'hebdomadaire', securite: 'de sécurité', incident: 'd’incident' };
const withWord = (word) => (word ? ` ${word}` : '');

const kTexts = {
  'site.upserted': () => 'Fiche du chantier mise à jour',
  'budget.revised': (e) => `Budget révisé : ${euros(e.data.budget_total)}`,
  'expense.recorded': (e) => `Dépense de ${euros(e.data.amount)}${e.data.category ? ` (${kExpenses[e.data.category] ?? e.data.category})` : ''}`,
  'progress.reported': (e) => `Avancement déclaré : ${decimal(e.data.percent_complete, 1)} %`,
  'report.submitted': (e) => `Rapport${withWord(kReports[e.data.kind] ?? e.data.kind)} déposé${e.data.sent_to_client ? ' et envoyé au client' : ''}`,
  'incident.opened': (e) => `${incidentName(e)} ouvert${e.incident?.severity ? ` (${severityLabel(e.incident.severity).toLowerCase()})` : ''}${e.data.description ? ` : ${e.data.description}` : ''}`,
  'incident.taken': (e) => `${incidentName(e)} pris en charge`,
  'incident.resolved': (e) => `${incidentName(e)} résolu`,
  'incident.relabelled': (e) => `${incidentName(e)} requalifié`,
  'request.opened': (e) => `Demande${withWord(kRequests[e.data.kind])} ouverte${e.data.description ? ` : ${e.data.description}` : ''}`,
  'request.resolved': (e) => `Demande${withWord(e.data.request_id)} traitée`,
  'plan.modified': (e) => `Planning modifié${e.data.note ? ` : ${e.data.note}` : ''}`,
  'plan.accepted': () => 'Plan d’équipes accepté',
  'satisfaction.recorded': (e) => `Satisfaction ${e.data.respondent === 'client' ? 'client' : e.data.respondent === 'chief' ? 'du chef' : 'de l’équipe'} : ${decimal(e.data.score, 0)}/10`,
  'site.completed': () => 'Chantier terminé',
  'absence.recorded': () => 'Absence déclarée',
};

export function timelineText(event) {
  return kTexts[event.type]?.(event) ?? null;
}
