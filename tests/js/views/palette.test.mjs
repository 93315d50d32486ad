// The six class colours of each palette stay apart for normal vision and for the three
// dichromacies, simulated with Machado et al.'s matrices, measured in CIEDE2000.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PALETTES, classRgb } from '../../../web/views/colors.js';
import { closestPair, deltaE2000, linearToLab, simulate } from './color-vision.mjs';

const VIEWS = [null, 'protanopia', 'deuteranopia', 'tritanopia'];
// About four times a "clearly different at a glance" step; the old classic palette's blue and
// purple were 0.6 apart for protanopia, the old Okabe-Ito set 10.9 for tritanopia.
const MIN_DELTA = 20;

test('CIEDE2000 matches published pairs (Sharma, Wu and Dalal 2005, table 1)', () => {
  assert.equal(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485]).toFixed(4), '2.0425');
  assert.equal(deltaE2000([50, 2.5, 0], [73, 25, -18]).toFixed(4), '27.1492');
  assert.equal(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387]).toFixed(4), '1.2644');
});

test('the simulations keep greys grey and fold red onto green for protanopes and deuteranopes', () => {
  const grey = linearToLab(simulate([128, 128, 128], 'deuteranopia'));
  assert.ok(Math.hypot(grey[1], grey[2]) < 1, 'a grey stays grey');
  for (const deficiency of ['protanopia', 'deuteranopia']) {
    const red = linearToLab(simulate([200, 60, 40], deficiency));
    const green = linearToLab(simulate([90, 110, 40], deficiency));
    assert.ok(deltaE2000(red, green) < 12, `${deficiency}: a red and an olive look alike`);
  }
});

for (const [name, colors] of Object.entries(PALETTES)) {
  test(`${name}: six distinct class colours under normal vision and each deficiency`, () => {
    assert.equal(colors.length, 6);
    for (const view of VIEWS) {
      const { delta, pair } = closestPair(colors, view);
      assert.ok(delta >= MIN_DELTA, `${name}, ${view ?? 'normal vision'}: classes ${pair} only ${delta.toFixed(1)} apart`);
    }
  });
}

test('classRgb wraps class indices around the palette', () => {
  assert.deepEqual(classRgb(6, 'colorblind'), PALETTES.colorblind[0]);
  assert.deepEqual(classRgb(-1), PALETTES.classic[5]);
});
