// The Direction view in Chromium (issue 10): its figures are those of GET /api/v1/kpis for the
// period and scope chosen (checked KPI by KPI, on the tiles and in the table of 15), a filter
// is kept in the URL and survives a reload, the late and over-budget sites are those the API
// names, the charts are drawn, the keyboard reaches every control, and no error is logged.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { kTablet, newPage, screenshot, signIn } from '../support/browser.mjs';
import { assertKeyboardReachesEverything } from '../support/keyboard.mjs';
import { shared } from '../support/shared.mjs';

const pick = (object, path) => path.split('.').reduce((o, k) => (o == null ? null : o[k] ?? null), object);

// The key each KPI row shows (web/src/kpi_figures.js).
const kKeys = {
  1: 'active', 2: 'spent_share', 3: 'late', 4: 'incidents_per_site', 5: 'mean_client_score',
  6: 'reports_per_chief_day', 7: 'waiting', 8: 'utilisation', 9: 'photos_per_day', 10: 'traced_rate',
  11: 'response_hours.technical', 12: 'adoption_share', 13: 'avoided_cost_eur', 14: 'overrun_eur', 15: 'savings_eur',
};

async function assertFiguresEqualApi(page, query) {
  const { kpis } = await shared.vigie.api(`/api/v1/kpis?${query}`);
  assert.equal(await page.locator('#indicateurs tbody tr').count(), 15);
  for (const kpi of kpis) {
    const shown = await page.locator(`#indicateurs tr[data-kpi="${kpi.id}"] td.valeur`).getAttribute('data-valeur');
    assert.equal(shown, String(pick(kpi.value, kKeys[kpi.id])), `KPI ${kpi.id} (${query})`);
  }
  const tiles = [[1, 'active'], [2, 'spent_share'], [8, 'utilisation'], [13, 'avoided_cost_eur'], [5, 'mean_client_score'],
    [5, 'mean_team_score']];
  for (const [id, key] of tiles) {
    const main = kKeys[id] === key;
    const tile = page.locator(main ? `.tuile[data-kpi="${id}"]:not([data-figure])` : `.tuile[data-kpi="${id}"][data-figure="${key}"]`);
    const shown = await tile.locator('.valeur').getAttribute('data-valeur');
    const value = kpis.find((k) => k.id === id).value[key];
    assert.equal(shown, value === null ? null : String(value), `tile of KPI ${id}, ${key}`);  // null: no figure
  }
}

test('la vue Direction montre les chiffres de l’API, et garde la période dans l’adresse', async () => {
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, 'direction@demo.vigie.fr');
  assert.equal(new URL(page.url()).pathname, '/direction');
  await page.locator('body[data-charge="oui"]').waitFor();
  await assertFiguresEqualApi(page, 'period=month');
  // The charts are drawn: the two series' names in the line chart's legend, the four severities
  // under the bars.
  for (const name of ['Budget des chantiers en cours', 'Dépensé']) {
    assert.ok(await page.locator('#courbe-budget svg text').filter({ hasText: name }).count() > 0, name);
  }
  // The year week by week, labelled as a site office says it.
  assert.ok(await page.locator('#courbe-budget svg text').filter({ hasText: /^sem\. \d{1,2}$/ }).count() > 3);
  for (const severity of ['Faible', 'Moyenne', 'Élevée', 'Critique']) {
    assert.ok(await page.locator('#barres-incidents svg text').filter({ hasText: severity }).count() > 0, severity);
  }
  await screenshot(page, 'direction');

  await page.getByLabel('Période').selectOption('year');
  assert.equal(new URL(page.url()).searchParams.get('periode'), 'year');
  await page.waitForFunction(() => document.querySelector('#periode').textContent.includes('01/01/'));
  await assertFiguresEqualApi(page, 'period=year');
  await page.reload();
  await page.locator('body[data-charge="oui"]').waitFor();
  assert.equal(await page.getByLabel('Période').inputValue(), 'year');
  await assertFiguresEqualApi(page, 'period=year');

  // The late sites are those the API predicts late; the over-budget ones, KPI 14's.
  const { sites } = await shared.vigie.api('/api/v1/sites');
  const late = sites.filter((s) => s.prediction?.predicted_late).map((s) => s.id).sort();
  assert.ok(late.length > 0, 'the demo has no site predicted late');
  assert.deepEqual((await page.locator('#retards li[data-site]').evaluateAll((li) => li.map((l) => l.dataset.site))).sort(), late);
  const overrun = (await shared.vigie.api('/api/v1/kpis/14?by=site&period=year')).kpi.breakdown
    .filter((r) => r.value.overrun_eur > 0).map((r) => r.site_id).sort();
  assert.deepEqual((await page.locator('#depassements li[data-site]').evaluateAll((li) => li.map((l) => l.dataset.site))).sort(), overrun);
  assert.deepEqual(page.errors, []);

  const tablet = await newPage(shared.browser, kTablet);
  await signIn(tablet, shared.vigie.url, 'direction@demo.vigie.fr');
  await tablet.locator('body[data-charge="oui"]').waitFor();
  await screenshot(tablet, 'direction');
  assert.deepEqual(tablet.errors, []);
});

test('un filtre par responsable limite la vue Direction à ses chantiers', async () => {
  const { managers } = await shared.vigie.api('/api/v1/filters');
  const manager = managers[0];
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, 'direction@demo.vigie.fr');
  await page.locator('body[data-charge="oui"]').waitFor();
  await page.getByLabel("Responsable d'affaire").selectOption(manager.id);
  assert.equal(new URL(page.url()).searchParams.get('responsable'), manager.id);
  const { kpis } = await shared.vigie.api(`/api/v1/kpis?period=month&manager=${manager.id}`);
  await page.waitForFunction((v) => document.querySelector('#indicateurs tr[data-kpi="2"] td.valeur')?.dataset.valeur === v,
    String(kpis[1].value.spent_share));
  await assertFiguresEqualApi(page, `period=month&manager=${manager.id}`);
  assert.deepEqual(page.errors, []);
});

test('le clavier atteint chaque commande de la vue Direction', async () => {
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, 'direction@demo.vigie.fr');
  await page.locator('body[data-charge="oui"]').waitFor();
  await assertKeyboardReachesEverything(page);
});
