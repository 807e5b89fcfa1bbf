// Keeps a page current (surfaces.md: refresh at least every 5 minutes): `refresh` runs every
// 5 minutes and when the tab comes back into view after being hidden.
const kRefreshMs = 5 * 60 * 1000;

export function keepCurrent(refresh) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await refresh();
    } finally {
      running = false;
    }
  };
  setInterval(run, kRefreshMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') run();
  });
  return run;
}
