// "Tous les chantiers" and the 360° view in Chromium (issue 10): the table sorts (by budget,
// by predicted delay) and filters (risk, status), keeping both in the URL; the Excel export is
// a real workbook (read back with ExcelJS) holding the rows shown, in their order; a manager
// sees only their own sites, and another's 360° view is refused; the 360° view shows the API's
// figures; the keyboard reaches every control; no error is logged.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import ExcelJS from 'exceljs';

import { kTablet, newPage, screenshot, signIn, signInTo } from '../support/browser.mjs';
import { assertKeyboardReachesEverything } from '../support/keyboard.mjs';
import { shared } from '../support/shared.mjs';

const shownSites = (page) => page.locator('#chantiers tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.site));

async function openTable(page, email = 'direction@demo.vigie.fr', query = '') {
  await signInTo(page, shared.vigie.url, email, `/chantiers${query}`);
  await page.locator('body[data-charge="oui"]').waitFor();
}

test('le tableau des chantiers trie et filtre, et l’adresse le garde', async () => {
  const page = await newPage(shared.browser);
  await openTable(page);
  const { sites: active } = await shared.vigie.api('/api/v1/sites?status=active');
  // The default view: the active sites, the most urgent first (the API's order).
  assert.deepEqual(await shownSites(page), (await shared.vigie.api('/api/v1/sites?status=active&sort=urgency')).sites.map((s) => s.id));
  await screenshot(page, 'chantiers');

  await page.getByRole('button', { name: 'Trier par budget' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tri') === 'budget');
  await page.locator('th[aria-sort="descending"]').filter({ hasText: 'Budget' }).waitFor();
  const byBudget = [...active].sort((a, b) => b.budget_eur - a.budget_eur).map((s) => s.id);
  assert.deepEqual(await shownSites(page), byBudget);

  await page.getByRole('button', { name: 'Trier par retard prévu' }).click();
  await page.locator('th[aria-sort="descending"]').filter({ hasText: 'Retard prévu' }).waitFor();
  const delays = await Promise.all((await shownSites(page)).map((id) => active.find((s) => s.id === id).prediction?.delay_days ?? -Infinity));
  for (let i = 1; i < delays.length; ++i) assert.ok(delays[i - 1] >= delays[i], `not sorted by delay at row ${i}`);

  await page.getByLabel('Risque de retard').selectOption('high');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('risque') === 'high');
  const high = active.filter((s) => s.risk === 'high').map((s) => s.id).sort();
  assert.ok(high.length > 0 && high.length < active.length, 'the demo has no high-risk site to filter');
  await page.waitForFunction((n) => document.querySelectorAll('#chantiers tbody tr').length === n, high.length);
  assert.deepEqual((await shownSites(page)).sort(), high);
  await page.reload();
  await page.locator('body[data-charge="oui"]').waitFor();
  assert.equal(await page.getByLabel('Risque de retard').inputValue(), 'high');
  assert.deepEqual((await shownSites(page)).sort(), high);
  assert.deepEqual(page.errors, []);

  const tablet = await newPage(shared.browser, kTablet);
  await openTable(tablet);
  await screenshot(tablet, 'chantiers');
});

test('l’export Excel est un vrai classeur avec les lignes affichées', async () => {
  const page = await newPage(shared.browser);
  await openTable(page, 'direction@demo.vigie.fr', '?tri=budget');
  const shown = await shownSites(page);
  const href = await page.locator('#export-excel').getAttribute('href');
  const response = await page.request.get(shared.vigie.url + href);  // with the session's cookie
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-disposition'], /chantiers-\d{4}-\d{2}-\d{2}\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.body());
  const sheet = workbook.getWorksheet('Chantiers');
  assert.equal(sheet.getRow(1).getCell(1).value, 'Code');
  assert.equal(sheet.getRow(1).getCell(9).value, 'Budget (€)');
  const codes = [];
  sheet.eachRow((row, n) => { if (n > 1) codes.push(row.getCell(1).value); });
  assert.deepEqual(codes, shown);
  const { sites } = await shared.vigie.api('/api/v1/sites?status=active&sort=budget');
  assert.equal(sheet.getRow(2).getCell(9).value, sites[0].budget_eur);

  const csv = await page.request.get(shared.vigie.url + (await page.locator('#export-csv').getAttribute('href')));
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, shown.length + 1);
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), shown);
});

test("un responsable d'affaire ne voit que ses chantiers, et pas la vue 360° d'un autre", async () => {
  const { accounts } = await (await fetch(`${shared.vigie.url}/api/v1/session/demo-accounts`)).json();
  const manager = accounts.find((a) => a.role === 'manager');
  const { sites: all } = await shared.vigie.api('/api/v1/sites?status=active');
  const theirs = all.filter((s) => s.manager.id === manager.person_id).map((s) => s.id).sort();
  assert.ok(theirs.length > 0 && theirs.length < all.length);
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, manager.email);
  assert.equal(new URL(page.url()).pathname, '/chantiers');
  await page.locator('body[data-charge="oui"]').waitFor();
  assert.deepEqual((await shownSites(page)).sort(), theirs);
  const other = all.find((s) => s.manager.id !== manager.person_id);
  await page.goto(`${shared.vigie.url}/chantier?id=${other.id}`);
  await page.getByRole('alert').filter({ hasText: 'n’est pas dans votre périmètre' }).waitFor();
  assert.deepEqual(page.errors.filter((e) => !e.includes('404')), []);
});

test('la vue 360° montre les chiffres du chantier, sa prévision et ses derniers événements', async () => {
  const { sites } = await shared.vigie.api('/api/v1/sites?status=active&sort=urgency');
  const site = await shared.vigie.api(`/api/v1/sites/${sites[0].id}`);
  const page = await newPage(shared.browser);
  await openTable(page);
  await page.locator(`tr[data-site="${site.id}"] a`).first().click();
  await page.locator('body[data-charge="oui"]').waitFor();
  assert.equal(await page.locator('h1').textContent(), site.name);
  const tile = (title) => page.locator('.tuile').filter({ hasText: title }).locator('.valeur').getAttribute('data-valeur');
  assert.equal(await tile('Budget consommé'), String(site.spent_share));
  assert.equal(await tile('Temps écoulé'), String(site.elapsed_days));
  assert.equal(await tile('Incidents ouverts'), String(site.open_incidents));
  assert.equal(await tile('Photos'), String(site.photos));
  assert.equal(await page.locator('#incidents li[data-incident]').count(), site.incidents.length);
  assert.ok(await page.locator('#journal li time').count() > 0, 'the timeline is empty');
  assert.ok(site.prediction, 'the most urgent site has no prediction');
  const days = Math.round(site.prediction.delay_days);
  const headline = await page.locator('#prediction .prevision').textContent();
  assert.ok(headline.includes(`${days > 0 ? '+' : days < 0 ? '−' : ''}${Math.abs(days)}\u00a0j`), headline);  // units never alone on a line
  assert.ok(headline.includes(`probabilité de retard ${Math.round(site.prediction.p_late * 100)}\u00a0%`), headline);
  assert.equal(await page.locator('#prediction h3 + ul').first().locator('li').count(), site.prediction.factors.length);
  assert.equal(await page.locator('#equipe li').count(), site.team.members.length);
  await screenshot(page, 'chantier');
  assert.deepEqual(page.errors, []);
  await assertKeyboardReachesEverything(page);

  const tablet = await newPage(shared.browser, kTablet);
  await signInTo(tablet, shared.vigie.url, 'direction@demo.vigie.fr', `/chantier?id=${site.id}`);
  await tablet.locator('body[data-charge="oui"]').waitFor();
  await screenshot(tablet, 'chantier');
});

test('le clavier atteint chaque commande du tableau des chantiers', async () => {
  const page = await newPage(shared.browser);
  await openTable(page);
  await assertKeyboardReachesEverything(page);
});
