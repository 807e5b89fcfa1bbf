// The filters every overview shares (surfaces.md: period, manager, region and site type), kept in
// the URL so that a view can be bookmarked and sent: ?periode=month&responsable=P-…&region=…&type=….
// The lists offer only what the signed-in person sees (GET /api/v1/filters).
import { api } from './api.js';
import { element } from './layout.js';

export const kPeriods = { day: 'Jour', week: 'Semaine', month: 'Mois', year: 'Année' };
export const kSiteTypes = {
  residentiel: 'Résidentiel', tertiaire: 'Tertiaire', industriel: 'Industriel', commercial: 'Commercial',
};

// URL parameter → API query parameter.
const kNames = { periode: 'period', responsable: 'manager', region: 'region', type: 'type' };

// The values the filters offer (GET /api/v1/filters), fetched once per page.
let values = null;
export function filterValues() {
  values ??= api('/api/v1/filters');
  return values;
}

// Reads the filters from the URL: { period, manager, region, type } (empty: all).
export function readFilters(defaults = { period: 'month' }) {
  const params = new URLSearchParams(location.search);
  const filters = { ...defaults };
  for (const [url, field] of Object.entries(kNames)) {
    if (params.get(url)) filters[field] = params.get(url);
  }
  return filters;
}

// The API query for `filters` ("period=month&manager=P-…"), leaving out `skip` fields.
export function filterQuery(filters, skip = []) {
  const query = new URLSearchParams();
  for (const field of Object.values(kNames)) {
    if (filters[field] && !skip.includes(field)) query.set(field, filters[field]);
  }
  return query.toString();
}

function keepInUrl(filters, extra) {
  const query = new URLSearchParams(extra ? extra() : '');
  for (const [url, field] of Object.entries(kNames)) {
    if (filters[field]) query.set(url, filters[field]);
  }
  const search = query.toString();
  history.replaceState(null, '', location.pathname + (search ? `?${search}` : ''));
}

function select(id, label, options, value) {
  const control = element('select', { id });
  control.append(...options.map(([v, text]) => element('option', { value: v, text })));
  control.value = value ?? '';
  return [element('div', {}, element('label', { for: id, text: label }), control), control];
}

// Draws the filter bar into `container` and calls `changed()` after each change.
// `withPeriod`: offer the period (overviews of figures; a list of sites has none).
// `extra()`: the page's own URL parameters to keep beside the filters.
export async function filterBar(container, filters, changed, { withPeriod = true, extra } = {}) {
  const { managers, regions, types } = await filterValues();
  const fields = [];
  if (withPeriod) fields.push(['period', 'filtre-periode', 'Période', Object.entries(kPeriods)]);
  if (managers.length > 1) {
    fields.push(['manager', 'filtre-responsable', "Responsable d'affaire",
      [['', 'Tous'], ...managers.map((m) => [m.id, m.name])]]);
  }
  fields.push(['region', 'filtre-region', 'Région', [['', 'Toutes'], ...regions.map((r) => [r, r])]]);
  fields.push(['type', 'filtre-type-chantier', 'Type de chantier',
    [['', 'Tous'], ...types.map((t) => [t, kSiteTypes[t] ?? t])]]);
  const parts = [];
  for (const [field, id, label, options] of fields) {
    const [wrapper, control] = select(id, label, options, filters[field]);
    control.addEventListener('change', () => {
      filters[field] = control.value;
      keepInUrl(filters, extra);
      changed();
    });
    parts.push(wrapper);
  }
  container.replaceChildren(...parts);
}

export { keepInUrl };
