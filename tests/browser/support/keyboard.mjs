// Keyboard use (issue 10: "usable with the keyboard, with accessible names on controls"):
// pressing Tab from the top reaches every link, button, select and summary of the page, and
// each has an accessible name (its text, aria-label or a <label>).
import assert from 'node:assert/strict';

const kControls = 'a[href], button, select, summary, input';

export async function assertKeyboardReachesEverything(page) {
  const controls = await page.locator(kControls).count();
  const reached = new Set();
  for (let i = 0; i < controls + 5; ++i) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate((selector) => {
      const all = [...document.querySelectorAll(selector)];
      return all.indexOf(document.activeElement);
    }, kControls));
  }
  reached.delete(-1);
  assert.equal(reached.size, controls, 'some controls are not reached by Tab');
  for (const control of await page.locator(kControls).all()) {
    // A select's or an input's text is not its name: it needs a <label> or an aria-label.
    const named = await control.evaluate((el) => {
      if (el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby')) return true;
      if (el.labels?.length > 0) return true;
      return !['SELECT', 'INPUT'].includes(el.tagName) && el.textContent.trim() !== '';
    });
    assert.ok(named, await control.evaluate((el) => el.outerHTML));
  }
}
