// The sign-in page and the alerts centre in Debian's Chromium against a real `vigie serve
// --demo` (issue 10): the demo accounts are listed, a wrong password is refused in French,
// Direction lands on the alerts the API has, a filter is kept in the URL, "Marquer comme vue"
// records who saw it, a manager sees only their own sites' alerts, the keyboard reaches every
// control, an alert raised while the page is open appears without a reload (server-sent events),
// and no page logs an error. Screenshots of each page at 1440×900 and 1024×768.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { kLaptop, kTablet, newPage, screenshot, signIn, signInTo } from '../support/browser.mjs';
import { assertKeyboardReachesEverything } from '../support/keyboard.mjs';
import { shared } from '../support/shared.mjs';

// The open alerts once the server's first evaluation is done (the same count twice, 1 s apart).
async function settledOpenAlerts() {
  let previous = -1;
  for (let tries = 0; tries < 60; ++tries) {
    const { alerts } = await shared.vigie.api('/api/v1/alerts');
    if (alerts.length > 0 && alerts.length === previous) return alerts;
    previous = alerts.length;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the open alerts did not settle');
}

test('la page de connexion liste les comptes de démonstration et refuse un mauvais mot de passe', async () => {
  const page = await newPage(shared.browser);
  await page.goto(`${shared.vigie.url}/`);
  assert.equal(new URL(page.url()).pathname, '/connexion');
  const accounts = page.locator('#comptes li');
  await accounts.first().waitFor();
  const listed = await accounts.allTextContents();
  assert.ok(listed.some((text) => text.includes('direction@demo.vigie.fr')), listed.join('\n'));
  assert.ok(listed.some((text) => text.includes('be@demo.vigie.fr')));
  assert.ok(listed.some((text) => text.includes("Responsable d'affaire")));
  await screenshot(page, 'connexion');

  await page.getByLabel('Adresse e-mail').fill('direction@demo.vigie.fr');
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/connexion');
  // The one console error is the browser's note of the 401 itself.
  assert.deepEqual(page.errors.filter((e) => !e.includes('401')), []);

  const tablet = await newPage(shared.browser, kTablet);
  await tablet.goto(`${shared.vigie.url}/connexion`);
  await tablet.locator('#comptes li').first().waitFor();
  await screenshot(tablet, 'connexion');
});

test("Direction arrive sur les alertes ouvertes, celles de l'API, et garde un filtre dans l'adresse", async () => {
  const open = await settledOpenAlerts();
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, 'direction@demo.vigie.fr');
  assert.equal(new URL(page.url()).pathname, '/direction');
  await page.goto(`${shared.vigie.url}/alertes`);
  await page.locator('tbody tr').first().waitFor();
  assert.equal(await page.locator('tbody tr').count(), open.length);
  assert.equal(await page.getByRole('tab', { name: /^Ouvertes/ }).textContent(), `Ouvertes (${open.length})`);
  await screenshot(page, 'alertes');

  const forDirection = open.filter((a) => a.audience === 'Direction').length;
  await page.getByLabel('Destinataire').selectOption('Direction');
  assert.equal(new URL(page.url()).searchParams.get('pour'), 'Direction');
  assert.equal(await page.locator('tbody tr').count(), forDirection);
  await page.reload();
  await page.getByLabel('Destinataire').waitFor();
  await page.waitForFunction(() => document.querySelector('#compte').textContent !== '');
  assert.equal(await page.getByLabel('Destinataire').inputValue(), 'Direction');
  assert.equal(await page.locator('tbody tr').count(), forDirection);
  assert.deepEqual(page.errors, []);

  const tablet = await newPage(shared.browser, kTablet);
  await signInTo(tablet, shared.vigie.url, 'direction@demo.vigie.fr', '/alertes');
  await tablet.locator('tbody tr').first().waitFor();
  await screenshot(tablet, 'alertes');
});

test('« Marquer comme vue » enregistre qui a vu l’alerte', async () => {
  const [first] = await settledOpenAlerts();
  const page = await newPage(shared.browser);
  await signInTo(page, shared.vigie.url, 'direction@demo.vigie.fr', '/alertes');
  const row = page.locator(`tr[data-alerte="${first.id}"]`);
  await row.getByRole('button', { name: /^Marquer comme vue/ }).click();
  await row.getByText(/^Vue par direction@demo\.vigie\.fr/).waitFor();
  const { alerts } = await shared.vigie.api('/api/v1/alerts');
  assert.equal(alerts.find((a) => a.id === first.id).acknowledged_by, 'direction@demo.vigie.fr');
  assert.deepEqual(page.errors, []);
});

test("un responsable d'affaire ne voit que les alertes de ses chantiers", async () => {
  const open = await settledOpenAlerts();
  const { accounts } = await (await fetch(`${shared.vigie.url}/api/v1/session/demo-accounts`)).json();
  // The manager with the most alerts, and their sites (KPI 1 split by site within their scope).
  const managers = accounts.filter((a) => a.role === 'manager');
  const sitesOf = async (person) =>
    new Set((await shared.vigie.api(`/api/v1/kpis/1?by=site&period=year&manager=${person}`)).kpi.breakdown.map((r) => r.site_id));
  let chosen = null;
  for (const manager of managers) {
    const sites = await sitesOf(manager.person_id);
    const theirs = open.filter((a) => sites.has(a.site_id));
    if (theirs.length > 0 && theirs.length < open.length && (!chosen || theirs.length > chosen.theirs.length)) {
      chosen = { manager, sites, theirs };
    }
  }
  assert.ok(chosen, 'no manager has some but not all of the open alerts');
  const page = await newPage(shared.browser);
  await signInTo(page, shared.vigie.url, chosen.manager.email, '/alertes');
  await page.locator('tbody tr').first().waitFor();
  const shownSites = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.equal(shownSites.length, chosen.theirs.length);
  for (const site of shownSites) assert.ok(chosen.sites.has(site), `${site} is not theirs`);
  assert.deepEqual(page.errors, []);
});

test('le clavier atteint chaque commande de la page des alertes', async () => {
  await settledOpenAlerts();
  const page = await newPage(shared.browser, kLaptop);
  await signInTo(page, shared.vigie.url, 'direction@demo.vigie.fr', '/alertes');
  await page.locator('tbody tr').first().waitFor();
  await assertKeyboardReachesEverything(page);
});

test("une alerte levée pendant que la page est ouverte y apparaît sans la recharger", async () => {
  await settledOpenAlerts();
  const page = await newPage(shared.browser);
  await signInTo(page, shared.vigie.url, 'direction@demo.vigie.fr', '/alertes');
  await page.locator('tbody tr').first().waitFor();
  await page.locator('body[data-direct="oui"]').waitFor();  // the event stream is open
  const shown = await page.locator('tbody tr').count();
  // An admin moves the overrun threshold far down: every site with figures is over it.
  await shared.vigie.api('/api/v1/alerts/rules/budget_overrun', { method: 'PUT', body: { threshold: -50 } });
  try {
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, shown, { timeout: 30000 });
    const { alerts } = await shared.vigie.api('/api/v1/alerts');
    await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, alerts.length, { timeout: 30000 });
  } finally {
    await shared.vigie.api('/api/v1/alerts/rules/budget_overrun', { method: 'DELETE' });
  }
  assert.deepEqual(page.errors, []);
});
