// Keeps a page current (surfaces.md: pushed on change, and refreshed at least every 5 minutes):
// `refresh` runs a second after the server says one of `topics` changed (GET /api/v1/stream,
// server-sent events: a burst of changes makes one refresh), every 5 minutes, and when the tab
// comes back into view. The browser reconnects a lost stream by itself.
const kRefreshMs = 5 * 60 * 1000;
const kSettleMs = 1000;

export function keepCurrent(refresh, topics) {
  let running = false;
  let pending = null;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await refresh();
    } finally {
      running = false;
    }
  };
  const soon = () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      run();
    }, kSettleMs);
  };
  const stream = new EventSource('/api/v1/stream');
  stream.addEventListener('change', (event) => {
    const changed = JSON.parse(event.data).topics;
    if (changed.some((topic) => topics.includes(topic))) soon();
  });
  stream.addEventListener('open', () => document.body.setAttribute('data-direct', 'oui'));
  setInterval(run, kRefreshMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') run();
  });
  return run;
}

// For a page whose loads can overlap (a filter changed while a refresh runs): `ticket()` at the
// start of a load returns `isCurrent()`, false once a newer load has started, so that an older,
// slower reply is not drawn over the newer one.
export function newestOnly() {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
