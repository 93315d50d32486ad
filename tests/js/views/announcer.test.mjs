// The spoken metrics: read at most once per interval, only when they moved, at once on a stop;
// and the map described region by region.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// Just enough of a DOM for shared/dom.js's h(): elements with attributes and text.
globalThis.document = {
  createElement: (tag) => ({ tag, attrs: {}, children: [], dataset: {}, textContent: '', hidden: false,
    setAttribute(name, value) { this.attrs[name] = value; }, append(...c) { this.children.push(...c); } }),
  createTextNode: (text) => ({ text }),
};
globalThis.Node = class {};
const { Announcer, changedMeaningfully, describeMetrics, MIN_INTERVAL_MS } = await import('../../../web/views/announcer.js');
const { describeRegions, cellText } = await import('../../../web/views/map-description.js');

const at = (epoch, testLoss, testAccuracy = 0.5, trainLoss = testLoss) => ({ epoch, testLoss, trainLoss, testAccuracy });

test('a loss that moved by 2 % and 0.005, or accuracy by a point, is news; less is not', () => {
  assert.equal(changedMeaningfully(at(1, 0.5), at(2, 0.495)), false, '1 % less loss');
  assert.equal(changedMeaningfully(at(1, 0.5), at(2, 0.48)), true, '4 % less loss');
  assert.equal(changedMeaningfully(at(1, 0.1), at(2, 0.097)), false, '3 % but only 0.003');
  assert.equal(changedMeaningfully(at(1, 0.5, 0.80), at(2, 0.5, 0.805)), false);
  assert.equal(changedMeaningfully(at(1, 0.5, 0.80), at(2, 0.5, 0.82)), true);
  assert.equal(changedMeaningfully(at(1, 0.5), at(2, NaN)), true, 'a loss that became NaN');
});

test('the sentence names epoch, both losses and accuracy (not for regression)', () => {
  assert.equal(describeMetrics(at(120, 0.25, 0.875, 0.2)), 'Epoch 120. Test loss 0.250, training loss 0.200. Test accuracy 87.5 %.');
  assert.equal(describeMetrics(at(3, 0.25), { regression: true }), 'Epoch 3. Test loss 0.250, training loss 0.250.');
});

test('the announcer speaks at most once per interval, only on news, and at once when training stops', () => {
  let clock = 0;
  const container = document.createElement('div');
  const announcer = new Announcer(container, { now: () => clock });
  const region = container.children[0];
  assert.equal(region.attrs['aria-live'], 'polite');
  const spoken = [];
  // Sixty frames a second for 20 s with a loss falling steadily, then a stop.
  for (let frame = 0; frame < 1200; frame++) {
    clock = frame * (1000 / 60);
    if (announcer.update(at(frame * 10, 0.7 * Math.exp(-frame / 400)), { running: true })) spoken.push(clock);
  }
  assert.equal(spoken.length, 3, `spoke at ${spoken.map((t) => Math.round(t))} ms`);
  for (let i = 1; i < spoken.length; i++) assert.ok(spoken[i] - spoken[i - 1] >= MIN_INTERVAL_MS);
  assert.match(region.textContent, /^Epoch \d+\. Test loss 0\.\d{3}/);
  clock += 100;
  assert.equal(announcer.update(at(12000, 0.1), { running: false }), true, 'a stop with news is read at once');
  assert.equal(region.textContent.startsWith('Epoch 12000.'), true);
  // Nothing moves: nothing more is said, however long it stays.
  clock += 60000;
  assert.equal(announcer.update(at(12000, 0.1), { running: false }), false);
  // The first values after a rebuild are a starting point, not news.
  announcer.forget();
  assert.equal(announcer.update(at(0, 0.69), { running: false }), false);
});

test('the map is described as the class most of each of 3 x 3 regions is predicted to be', () => {
  const n = 30;
  // One tanh output: positive (class 1) right of x = 0.4 n, negative left of it.
  const outputMap = Float32Array.from({ length: n * n }, (_, i) => ((i % n) >= 0.4 * n ? 0.3 : -0.8));
  const grid = new Float32Array(3 * n * n);
  grid.set(outputMap, 2 * n * n);
  const d = describeRegions({ grid, gridSize: n }, { unitCounts: [1, 1, 1], state: { problem: 'classification', loss: 'squared' } });
  assert.equal(d.kind, 'classes');
  assert.deepEqual(d.cells.map((row) => row.map((c) => c.label)), [[0, 1, 1], [0, 1, 1], [0, 1, 1]]);
  assert.equal(cellText(d.cells[0][1], d.kind), 'class 1, 80 %', 'the middle third is 8 of 10 columns right of 0.4 n');
  assert.equal(cellText(d.cells[2][2], d.kind), 'class 1, 100 %');

  // Three softmax outputs: class 2 wins in the bottom row of regions, class 0 elsewhere.
  const three = new Float32Array(3 * n * n);
  for (let i = 0; i < n * n; i++) {
    const bottom = Math.floor(i / n) >= (2 * n) / 3;
    three[i] = bottom ? 0.1 : 0.7;
    three[n * n + i] = 0.2;
    three[2 * n * n + i] = bottom ? 0.7 : 0.1;
  }
  const many = describeRegions({ grid: three, gridSize: n }, { unitCounts: [3], state: { problem: 'classification', loss: 'softmaxCrossEntropy' } });
  assert.deepEqual(many.cells.map((row) => row.map((c) => c.label)), [[0, 0, 0], [0, 0, 0], [2, 2, 2]]);

  const values = describeRegions({ grid: Float32Array.from({ length: n * n }, (_, i) => (i % n) / n), gridSize: n },
    { unitCounts: [1], state: { problem: 'regression', loss: 'squared' } });
  assert.equal(cellText(values.cells[1][0], values.kind), 'mean 0.15');
});
