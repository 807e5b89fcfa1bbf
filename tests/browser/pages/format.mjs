// How the pages write figures (web/src/format.js), checked by hand: French digits and units, a
// no-break space before every unit so that none starts a line alone, lengths of time as people
// say them.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { delayDays, euros, hoursSpan, percent, week } from '../../../web/src/format.js';

const kNbsp = '\u00a0';
const kNarrow = '\u202f';  // Intl's thousands separator in French

test('les montants, parts et retards gardent leur unité sur la même ligne', () => {
  assert.equal(euros(12_500_000), `12,5${kNbsp}M€`);
  assert.equal(euros(879_400), `879${kNbsp}k€`);
  assert.equal(euros(2_807), `2${kNarrow}807${kNbsp}€`);
  assert.equal(percent(0.734), `73${kNbsp}%`);
  assert.equal(percent(0.734, 1), `73,4${kNbsp}%`);
  assert.equal(delayDays(5.4), `+5${kNbsp}j`);
  assert.equal(delayDays(-2.6), `−3${kNbsp}j`);
  assert.equal(delayDays(0.2), `0${kNbsp}j`);
});

test('une durée en heures se lit comme on la dit', () => {
  assert.equal(hoursSpan(0.75), `45${kNbsp}min`);
  assert.equal(hoursSpan(4 / 3), `1${kNbsp}h${kNbsp}20`);
  assert.equal(hoursSpan(2), `2${kNbsp}h`);
  assert.equal(hoursSpan(47.9), `47${kNbsp}h${kNbsp}54`);
  assert.equal(hoursSpan(157.3), `6${kNbsp}j 13${kNbsp}h`);
  assert.equal(hoursSpan(null), '—');
});

test('une semaine ISO se lit « sem. 48 »', () => {
  assert.equal(week('2026-W48'), 'sem. 48');
  assert.equal(week('2027-W01', true), 'sem. 1 2027');
});
