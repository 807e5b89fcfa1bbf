// The design office's queue in Debian's Chromium against the shared `vigie serve --demo`
// (issue 10): the design office lands on it with the API's counts and no console error;
// "Prendre en charge" moves the card to "En cours" and records incident.taken by that person;
// the SLA time left counts down; a label correction is recorded as incident.relabelled; a
// predicted label reads "prédit (87 %)" only where Vigie predicted one; the keyboard reaches
// every control and each has a name. Screenshots at 1440×900 and 1024×768. Two incidents of its
// own are opened first (the demo's may all be taken), waiting, neither critical: no alert storm.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { hoursSpan } from '../../../web/src/format.js';
import { kLaptop, kTablet, newPage, screenshot, signIn } from '../support/browser.mjs';
import { shared } from '../support/shared.mjs';

const kOffice = 'be@demo.vigie.fr';
const kToTake = 'INC-NAV-PRISE';
const kToRelabel = 'INC-NAV-CORRECTION';

// Opens the two incidents once, on a site of the demo, urgency < 4 h.
let opened = null;
function openTestIncidents() {
  opened ??= (async () => {
    const { kpi } = await shared.vigie.api('/api/v1/kpis/1?by=site&period=year');
    const site = kpi.breakdown[0].site_id;
    const at = new Date().toISOString();
    const events = [
      [kToTake, 'Plan de ferraillage du voile R+1 incohérent avec la note de calcul'],
      [kToRelabel, 'Garde-corps manquant en bordure de dalle au R+2'],
    ].map(([id, description]) => ({
      id: `navigateur-${id}`, type: 'incident.opened', site_id: site, occurred_at: at, source: 'web',
      data: { incident_id: id, description, category: 'technical', severity: 'medium', urgency: '4h' },
    }));
    await shared.vigie.api('/api/v1/events', { method: 'POST', body: events });
  })();
  return opened;
}

async function officePage(viewport = kLaptop) {
  await openTestIncidents();
  const page = await newPage(shared.browser, viewport);
  await signIn(page, shared.vigie.url, kOffice);
  await page.locator(`[data-incident="${kToRelabel}"]`).waitFor();
  return page;
}

async function apiIncident(id) {
  const { incidents } = await shared.vigie.api('/api/v1/incidents?state=open');
  return incidents.find((i) => i.id === id);
}

test("le bureau d'études arrive sur sa file, avec les compteurs de l'API et sans erreur", async () => {
  const page = await officePage();
  assert.equal(new URL(page.url()).pathname, '/bureau-etudes');
  const { counts, incidents, today } = await shared.vigie.api('/api/v1/incidents?state=open');
  assert.equal(await page.locator('#nb-attente').textContent(), String(counts.waiting));
  assert.equal(await page.locator('#nb-en-cours').textContent(), String(counts.in_progress));
  assert.equal(await page.locator('#nb-resolus').textContent(), String(counts.resolved_today));
  assert.equal(await page.locator('#file-attente .incident').count(), incidents.filter((i) => i.state === 'waiting').length);
  // The day's mean resolution time as people read it ("1 h 20", "6 j 13 h"), against 2 h.
  const resolution = today.mean_resolution_hours === null ? 'Aucun incident résolu' : hoursSpan(today.mean_resolution_hours);
  assert.equal(await page.locator('#stat-resolution').textContent(), `${resolution} (objectif 2\u00a0h)`);
  // "prédit (87 %)" on a card exactly where the API has a label Vigie predicted.
  const predicted = (i) => ['category', 'severity', 'urgency'].some((f) => i.labels[f]?.source === 'predicted' && i.labels[f].probability !== null);
  const cards = page.locator('.incident');
  for (let n = 0; n < await cards.count(); ++n) {
    const card = cards.nth(n);
    const id = await card.getAttribute('data-incident');
    const shown = /prédit \d+\u00a0%/.test(await card.textContent());
    assert.equal(shown, predicted(incidents.find((i) => i.id === id)), id);
  }
  await screenshot(page, 'bureau-etudes');
  assert.deepEqual(page.errors, []);

  const tablet = await officePage(kTablet);
  await screenshot(tablet, 'bureau-etudes');
  assert.deepEqual(tablet.errors, []);
});

test('le délai SLA restant décompte chaque seconde', async () => {
  const page = await officePage();
  const sla = page.locator(`[data-incident="${kToRelabel}"] .sla`);
  const before = await sla.textContent();
  assert.match(before, /^SLA : reste [0-3] h \d\d min \d\d s$/);
  await page.waitForFunction((text) => document.querySelector(`[data-incident="INC-NAV-CORRECTION"] .sla`).textContent !== text, before, { timeout: 3000 });
  assert.deepEqual(page.errors, []);
});

test('« Prendre en charge » déplace la carte et enregistre incident.taken', async () => {
  const page = await officePage();
  const { accounts } = await (await fetch(`${shared.vigie.url}/api/v1/session/demo-accounts`)).json();
  const office = accounts.find((a) => a.email === kOffice);
  const waiting = Number(await page.locator('#nb-attente').textContent());
  await page.locator(`#file-attente [data-incident="${kToTake}"]`).getByRole('button', { name: /^Prendre en charge/ }).click();
  const moved = page.locator(`#file-en-cours [data-incident="${kToTake}"]`);
  await moved.waitFor();
  assert.equal(await page.locator(`#file-attente [data-incident="${kToTake}"]`).count(), 0);
  assert.match(await moved.textContent(), /Pris en charge par/);
  assert.equal(Number(await page.locator('#nb-attente').textContent()), waiting - 1);
  const incident = await apiIncident(kToTake);
  assert.equal(incident.state, 'in_progress');
  assert.equal(incident.taken_by, office.person_id);
  assert.deepEqual(page.errors, []);
});

test("une correction d'étiquette est enregistrée (incident.relabelled)", async () => {
  const page = await officePage();
  const card = page.locator(`[data-incident="${kToRelabel}"]`);
  await card.getByRole('button', { name: /^Voir détails/ }).click();
  await card.getByLabel('Type').selectOption('safety');
  await card.getByRole('button', { name: /^Enregistrer la correction/ }).click();
  await page.locator(`[data-incident="${kToRelabel}"] .type`).filter({ hasText: 'Sécurité (corrigé)' }).waitFor();
  const incident = await apiIncident(kToRelabel);
  assert.equal(incident.labels.category.value, 'safety');
  assert.equal(incident.labels.category.source, 'corrected');
  assert.equal(incident.labels.severity.source, 'given');  // the others are left as they were
  assert.deepEqual(page.errors, []);
});

test("le clavier atteint chaque commande de la file du bureau d'études, chacune nommée", async () => {
  const page = await officePage();
  await page.locator(`[data-incident="${kToRelabel}"]`).getByRole('button', { name: /^Voir détails/ }).click();
  const selector = 'a[href], button, select';
  const visible = () => page.evaluate((s) => [...document.querySelectorAll(s)].filter((el) => el.offsetParent !== null).length, selector);
  const controls = await visible();
  const reached = new Set();
  for (let i = 0; i < controls + 5; ++i) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate((s) => [...document.querySelectorAll(s)].filter((el) => el.offsetParent !== null).indexOf(document.activeElement), selector));
  }
  reached.delete(-1);
  assert.equal(reached.size, controls);
  for (const control of await page.locator(selector).all()) {
    if (!(await control.isVisible())) continue;
    const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '';
    const labelled = await control.evaluate((el) => el.labels?.length > 0);
    assert.ok(name.trim() !== '' || labelled, await control.evaluate((el) => el.outerHTML));
  }
  assert.deepEqual(page.errors, []);
});
