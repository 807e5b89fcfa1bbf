// One `vigie serve --demo` and one Chromium for every page's tests: starting the sanitizer
// build's server on a demo company takes most of a minute, so the pages share it
// (tests/browser/dashboards.test.mjs imports each page's tests). A test that changes the
// company (takes an incident, accepts a plan, moves a rule) leaves it so that the others hold.
import { after, before } from 'node:test';

import { launch } from './browser.mjs';
import { startVigie } from './vigie.mjs';

// Filled by the hook below before the first test runs: { vigie, browser }.
export const shared = {};

before(async () => {
  shared.vigie = await startVigie();
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  await shared.vigie?.stop();
});
