#!/usr/bin/env node
// The dashboards' first view, measured in the browser (issue 10, "Fast"): for each page, the time
// from the start of navigation to the page showing its data (body[data-charge="oui"], set by
// each page once its figures are drawn), in Debian's Chromium on a running `vigie serve --demo`;
// and the API calls behind the pages from the same browser session: the server's time to answer
// (its Server-Timing header) and the time the browser saw, median and p95.
//
//   node scripts/first-view.mjs [http://localhost:8080] [--runs 10]
//
// Run it against `make run` (the release build and the default demo company).
import { chromium } from 'playwright-core';

const url = process.argv.find((a) => a.startsWith('http')) ?? 'http://localhost:8080';
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 10;
if (!Number.isInteger(runs) || runs < 1) {
  console.error('first-view: --runs takes a whole number of loads (at least 1)');
  process.exit(2);
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (v) => `${(v < 10 ? v.toFixed(1) : v.toFixed(0)).replace(".", ",")} ms`;

async function signedInPage(browser, email) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto(`${url}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
  return page;
}

// The page's first view, `runs` times, each in a fresh load (the assets in the browser's cache,
// as for someone who opens the dashboards every day). The first load is reported apart: the
// first page a session opens loads the assets it shares with the others (the sign-in page
// loaded some already), later pages only their own.
async function firstViews(page, path) {
  const times = [];
  const apiTimes = [];
  const onResponse = (response) => {
    if (!response.url().includes('/api/v1/') || response.url().includes('/api/v1/stream')) return;
    // The timing is complete once the body has arrived.
    // The server's own time from its Server-Timing header (app;dur=…).
    Promise.all([response.finished(), response.headerValue('server-timing')]).then(([, serverTiming]) => {
      const timing = response.request().timing();
      const served = /app;dur=([\d.]+)/.exec(serverTiming ?? '');
      if (timing.responseEnd > 0 && served) {
        apiTimes.push({ path: new URL(response.url()).pathname, ms: timing.responseEnd - timing.requestStart, server: Number(served[1]) });
      }
    }).catch(() => {});
  };
  page.on('response', onResponse);
  for (let i = 0; i <= runs; ++i) {
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    await page.locator('body[data-charge="oui"]').waitFor({ timeout: 30000 });
    times.push(await page.evaluate(() => performance.now()));
  }
  page.off('response', onResponse);
  return { cold: times[0], warm: times.slice(1), apiTimes };
}

const browser = await chromium.launch({
  executablePath: process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const { accounts } = await (await fetch(`${url}/api/v1/session/demo-accounts`)).json();
const manager = accounts.find((a) => a.role === 'manager');
const direction = await signedInPage(browser, 'direction@demo.vigie.fr');
const { sites } = await (await direction.request.get(`${url}/api/v1/sites?sort=urgency`)).json();
const pages = [
  ['direction@demo.vigie.fr', '/direction'],
  ['direction@demo.vigie.fr', '/chantiers'],
  ['direction@demo.vigie.fr', `/chantier?id=${sites[0].id}`],
  ['direction@demo.vigie.fr', '/alertes'],
  ['direction@demo.vigie.fr', '/planning'],
  ['be@demo.vigie.fr', '/bureau-etudes'],
  [manager.email, '/chantiers'],
];
const sessions = { 'direction@demo.vigie.fr': direction };
const allApi = [];
console.log(`Première vue des pages sur ${url} (${runs} chargements chacune, Chromium ${browser.version()})`);
console.log('page                                   compte                    1er chargt  médiane   p95');
for (const [email, path] of pages) {
  sessions[email] ??= await signedInPage(browser, email);
  const { cold, warm, apiTimes } = await firstViews(sessions[email], path);
  allApi.push(...apiTimes);
  console.log(`${path.padEnd(38)} ${email.padEnd(26)} ${ms(cold).padStart(7)} ${ms(quantile(warm, 0.5)).padStart(9)} ${ms(quantile(warm, 0.95)).padStart(7)}`);
}
console.log('\nAppels d’API derrière ces pages : temps du serveur (en-tête Server-Timing) et durée requête → réponse vue du navigateur');
console.log('appel                                  n      serveur médiane / p95   navigateur médiane / p95');
const byPath = new Map();
for (const call of allApi) {
  const route = call.path.replace(/\/sites\/[^/]+$/, '/sites/{id}');
  byPath.set(route, [...(byPath.get(route) ?? []), call]);
}
for (const [path, calls] of [...byPath].sort()) {
  const server = calls.map((c) => c.server);
  const seen = calls.map((c) => c.ms);
  console.log(`${path.padEnd(38)} ${String(calls.length).padEnd(6)} ${ms(quantile(server, 0.5)).padStart(9)} / ${ms(quantile(server, 0.95)).padEnd(11)} ${ms(quantile(seen, 0.5)).padStart(9)} / ${ms(quantile(seen, 0.95))}`);
}
await browser.close();
