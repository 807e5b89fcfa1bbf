// Debian's Chromium, headless, driven by playwright-core (no browser download: the machine has
// no route to one). The flags keep Chromium from reaching for Google's services, which this
// machine's closed network refuses.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const kLaptop = { width: 1440, height: 900 };
export const kTablet = { width: 1024, height: 768 };

const screenshots = process.env.VIGIE_SCREENSHOTS ?? join(process.cwd(), 'screenshots');

export function launch() {
  return chromium.launch({
    executablePath: process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// A page in a fresh context (its own cookies), at `viewport`, whose console errors and page
// errors are collected in page.errors.
export async function newPage(browser, viewport = kLaptop) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(message.text());
  });
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

export async function signIn(page, url, email, password = 'demo') {
  await page.goto(`${url}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
}

// Signs in, then opens `path` (a page other than the role's first one).
export async function signInTo(page, url, email, path) {
  await signIn(page, url, email);
  await page.goto(`${url}${path}`);
}

// Saves the page as <name>-<width>x<height>.png in the screenshots folder.
export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  const { width, height } = page.viewportSize();
  await page.screenshot({ path: join(screenshots, `${name}-${width}x${height}.png`), fullPage: false });
}
