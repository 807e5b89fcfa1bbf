// The planning view in Chromium against the shared `vigie serve --demo` (issue 10): the coming
// week's suggestion as the API gives it, team by team, with no console error; the week kept in
// the URL; "Accepter ce plan" records the plan (read back from its plan.accepted events through
// the API) and shows who accepted it; "Refuser" records the refusal with its reason and keeps the
// current plan; the keyboard reaches every control, each with a name; the design office has no
// say. Screenshots at 1440×900 and 1024×768. Each test decides on a week of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { euros } from '../../../web/src/format.js';
import { addWeeks } from '../../../web/src/iso_week.js';
import { kLaptop, kTablet, newPage, screenshot, signIn } from '../support/browser.mjs';
import { shared } from '../support/shared.mjs';

const kDirection = 'direction@demo.vigie.fr';
const kms = (value) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(value)} km`;

// The coming week (the API's default) and the three after it.
async function weeks() {
  const { week } = await shared.vigie.api('/api/v1/plans/suggested');
  return [week, addWeeks(week, 1), addWeeks(week, 2), addWeeks(week, 3)];
}

async function openPlanning(page, query = '') {
  await signIn(page, shared.vigie.url, kDirection);
  await page.goto(`${shared.vigie.url}/planning${query}`);
  await page.locator('#etat', { hasText: /^Suggestion PL-/ }).waitFor({ timeout: 60000 });
}

const shownId = async (page) => (await page.locator('#etat').textContent()).replace('Suggestion ', '');

test('la vue planning montre la suggestion de la semaine à venir, celle de l’API, équipe par équipe', async () => {
  const plan = await shared.vigie.api('/api/v1/plans/suggested');
  const page = await newPage(shared.browser, kLaptop);
  await openPlanning(page);
  assert.equal(await shownId(page), plan.id);
  assert.equal(await page.getByLabel('Semaine', { exact: true }).inputValue(), plan.week);
  assert.equal(await page.getByRole('link', { name: 'Planning' }).getAttribute('aria-current'), 'page');
  const figure = async (label) => (await page.locator('.chiffre', { hasText: label }).locator('strong').textContent()).replace(/\s/g, ' ');
  assert.equal(await figure(/^Trajets/), kms(plan.savings.km).replace(/\s/g, ' '));
  assert.equal(await figure(/^Coût des trajets/), euros(plan.savings.eur).replace(/\s/g, ' '));
  const busy = plan.teams.filter((t) => plan.assignments.some((a) => a.team_id === t.team_id || a.current_team_id === t.team_id));
  assert.equal(await page.locator('tr[data-equipe]').count(), busy.length);
  for (const team of busy.filter((t) => t.chief_name)) {
    assert.match(await page.locator(`tr[data-equipe="${team.team_id}"] th`).textContent(), new RegExp(`Chef : ${team.chief_name}`));
  }
  // Every planned site shows in the suggestion column of its suggested team.
  for (const a of plan.assignments) {
    const cell = page.locator(`tr[data-equipe="${a.team_id}"] td:nth-child(3) li[data-chantier="${a.site_id}"]`);
    assert.equal(await cell.count(), 1, `${a.site_id} not under ${a.team_id}`);
  }
  await screenshot(page, 'planning');
  assert.deepEqual(page.errors, []);

  const tablet = await newPage(shared.browser, kTablet);
  await openPlanning(tablet);
  await screenshot(tablet, 'planning');
  assert.deepEqual(tablet.errors, []);
});

test("la semaine choisie est gardée dans l'adresse", async () => {
  const [, next] = await weeks();
  const page = await newPage(shared.browser);
  await openPlanning(page);
  await page.getByLabel('Semaine', { exact: true }).selectOption(next);
  assert.equal(new URL(page.url()).searchParams.get('semaine'), next);
  await page.locator('#etat', { hasText: `PL-${next}-` }).waitFor({ timeout: 60000 });
  await page.reload();
  await page.locator('#etat', { hasText: `PL-${next}-` }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByLabel('Semaine', { exact: true }).inputValue(), next);
  assert.deepEqual(page.errors, []);
});

test('« Accepter ce plan » enregistre le plan et montre qui l’a accepté', async () => {
  const [week] = await weeks();
  const page = await newPage(shared.browser);
  await openPlanning(page, `?semaine=${week}`);
  const id = await shownId(page);
  await page.getByRole('button', { name: 'Accepter ce plan' }).click();
  const row = page.locator(`#decisions tr[data-plan="${id}"]`);
  await row.waitFor({ timeout: 60000 });
  assert.match(await row.textContent(), /Accepté.*direction@demo\.vigie\.fr/);
  // Read back from the plan.accepted events the acceptance wrote.
  const after = await shared.vigie.api(`/api/v1/plans/suggested?week=${week}`);
  const decision = after.decisions.find((d) => d.plan_id === id);
  assert.equal(decision?.status, 'accepted');
  assert.equal(decision.by, kDirection);
  if (after.id === id) {
    assert.match(await page.locator('#decision').textContent(), /^Plan accepté par direction@demo\.vigie\.fr, le \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  }
  assert.deepEqual(page.errors, []);
});

test('« Refuser » enregistre le refus et son motif, et le plan actuel reste', async () => {
  const [, next] = await weeks();
  const before = await shared.vigie.api(`/api/v1/plans/suggested?week=${next}`);
  const page = await newPage(shared.browser);
  await openPlanning(page, `?semaine=${next}`);
  const id = await shownId(page);
  await page.getByRole('button', { name: 'Refuser' }).click();
  await page.getByLabel('Motif du refus (facultatif)').fill('Équipes réduites pendant les congés');
  await page.getByRole('button', { name: 'Confirmer le refus' }).click();
  await page.locator('#decision', { hasText: /^Suggestion refusée par direction@demo\.vigie\.fr/ }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('.motif').textContent(), '« Équipes réduites pendant les congés »');
  const after = await shared.vigie.api(`/api/v1/plans/suggested?week=${next}`);
  assert.equal(after.id, id);
  assert.deepEqual({ ...after.decision, at: undefined },
    { status: 'rejected', plan_id: id, by: kDirection, at: undefined, reason: 'Équipes réduites pendant les congés' });
  // Refusing changes nothing in the week's plan.
  assert.equal(after.changes, before.changes);
  assert.deepEqual(after.parts.current, before.parts.current);
  assert.equal(await page.getByRole('button', { name: 'Accepter ce plan' }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('le clavier atteint chaque commande de la vue planning, chacune nommée', async () => {
  const [, , later] = await weeks();
  const page = await newPage(shared.browser, kLaptop);
  await openPlanning(page, `?semaine=${later}`);
  const selector = 'a[href], button, select, textarea, summary';
  const reachAll = async () => {
    const controls = await page.locator(selector).count();
    const reached = new Set();
    for (let i = 0; i < controls + 5; ++i) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate((s) => [...document.querySelectorAll(s)].indexOf(document.activeElement), selector));
    }
    reached.delete(-1);
    assert.equal(reached.size, controls);
    for (const control of await page.locator(selector).all()) {
      const name = (await control.getAttribute('aria-label')) ?? (await control.textContent()) ?? '';
      const labelled = await control.evaluate((el) => el.labels?.length > 0);
      assert.ok(name.trim() !== '' || labelled, await control.evaluate((el) => el.outerHTML));
    }
  };
  await reachAll();
  // The refusal form by the keyboard alone: its reason field takes the focus.
  await page.getByRole('button', { name: 'Refuser' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'motif');
  await reachAll();
  await page.getByRole('button', { name: 'Annuler' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Accepter ce plan' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("le bureau d'études n'a pas la vue planning et n'y décide rien", async () => {
  const [, , , undecided] = await weeks();
  const page = await newPage(shared.browser);
  await signIn(page, shared.vigie.url, 'be@demo.vigie.fr');
  assert.equal(await page.getByRole('link', { name: 'Planning' }).count(), 0);
  await page.goto(`${shared.vigie.url}/planning?semaine=${undecided}`);
  await page.locator('#etat', { hasText: /^Suggestion PL-/ }).waitFor({ timeout: 60000 });
  assert.equal(await page.getByRole('button', { name: 'Accepter ce plan' }).count(), 0);
  assert.match(await page.locator('#resume').textContent(), /revient à la Direction/);
  assert.deepEqual(page.errors, []);
});
