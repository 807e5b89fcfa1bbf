// Every dashboard page in Debian's Chromium against one real `vigie serve --demo`
// (support/shared.mjs); each page's tests are in pages/, and how pages write figures in
// pages/format.mjs.
import './support/shared.mjs';
import './pages/alertes.mjs';
import './pages/direction.mjs';
import './pages/chantiers.mjs';
import './pages/bureau-etudes.mjs';
import './pages/planning.mjs';
import './pages/format.mjs';
