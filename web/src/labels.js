// Incident labels as the events name them (data.md) and as people read them.
export const kSeverities = [
  { value: 'low', label: 'Faible', colour: '#7d8796' },
  { value: 'medium', label: 'Moyenne', colour: '#e0a800' },
  { value: 'high', label: 'Élevée', colour: '#e07a00' },
  { value: 'critical', label: 'Critique', colour: '#c62828' },
];
export const kCategories = {
  safety: 'Sécurité', technical: 'Technique', material: 'Matériel', administrative: 'Administratif',
};
export const kUrgencies = { '1h': '< 1 h', '4h': '< 4 h', '1d': '< 1 j', '3d': '< 3 j' };
export const kSiteStatuses = {
  planned: 'Planifié', active: 'En cours', suspended: 'Suspendu', completed: 'Terminé', cancelled: 'Annulé',
};
export const severityLabel = (value) => kSeverities.find((s) => s.value === value)?.label ?? '—';

// "Critique : 1 · Élevée : 0 · Moyenne : 2 · Faible : 3" from { low, medium, high, critical };
// with the total, the incidents no one gave a severity yet: "· sans gravité : 1".
export function severitySummary(bySeverity, total) {
  const parts = kSeverities.slice().reverse().map((s) => `${s.label} : ${bySeverity[s.value] ?? 0}`);
  const unrated = total === undefined ? 0 : total - kSeverities.reduce((n, s) => n + (bySeverity[s.value] ?? 0), 0);
  if (unrated > 0) parts.push(`sans gravité : ${unrated}`);
  return parts.join(' · ');
}

// The urgency a site's row shows (GET /api/v1/sites `urgency`, 0 to 3): [colour, words].
export const kSiteUrgencies = [['vert', 'Normale'], ['orange', 'À surveiller'], ['rouge', 'Retard probable'], ['rouge', 'Incident critique']];
