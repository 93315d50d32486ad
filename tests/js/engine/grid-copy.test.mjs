// What the worker copies out of the grid each frame (web/engine/grid-copy.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinLayers, sampleMaps, wholeView } from '../../../web/engine/grid-copy.js';

test('joinLayers concatenates the layers, into the spare array when its length fits', () => {
  const views = [Float32Array.of(1, 2), Float32Array.of(3, 4, 5)];
  assert.deepEqual(Array.from(joinLayers(views)), [1, 2, 3, 4, 5]);
  const spare = new Float32Array(5);
  assert.equal(joinLayers(views, spare), spare);
  assert.notEqual(joinLayers(views, new Float32Array(4)).length, 4);
  // From value `skip` on: the units a running frame carries at full size.
  assert.deepEqual(Array.from(joinLayers(views, null, 1)), [2, 3, 4, 5]);
  assert.deepEqual(Array.from(joinLayers(views, null, 3)), [4, 5]);
  assert.deepEqual(Array.from(joinLayers(views, null, 5)), []);
  const small = new Float32Array(2);
  assert.equal(joinLayers(views, small, 3), small);
});

test('wholeView spans layers that lie end to end in one buffer, and only those', () => {
  const memory = Float32Array.of(9, 1, 2, 3, 4, 5, 9);
  const views = [memory.subarray(1, 3), memory.subarray(3, 6)];
  const whole = wholeView(views);
  assert.deepEqual(Array.from(whole), [1, 2, 3, 4, 5]);
  assert.equal(whole.buffer, memory.buffer, 'a view, not a copy');
  assert.equal(wholeView([memory.subarray(1, 3), memory.subarray(4, 6)]), null, 'a gap');
  assert.equal(wholeView([memory.subarray(3, 6), memory.subarray(1, 3)]), null, 'out of order');
  assert.equal(wholeView([memory.subarray(1, 3), Float32Array.of(3, 4, 5)]), null, 'another buffer');
  assert.equal(wholeView([]), null);
});

test('sampleMaps takes, for each pixel of each neuron, the grid value nearest its centre', () => {
  // 3 units of 4 x 4; unit u's value at row r, column c is 100 u + 10 r + c.
  const n = 4;
  const grid = Float32Array.from({ length: 3 * n * n }, (_, i) => {
    const u = Math.floor(i / (n * n));
    const r = Math.floor((i % (n * n)) / n);
    return 100 * u + 10 * r + (i % n);
  });
  // The first unit is an input and is skipped; at side 2 the pixel centres fall on rows and
  // columns 1 and 3 (centres 0.25 and 0.75 of the way across).
  const maps = sampleMaps(grid, n, 1, 2);
  assert.deepEqual(Array.from(maps), [111, 113, 131, 133, 211, 213, 231, 233]);
  // Side equal to n copies each map; a larger side repeats values, never reads past a map.
  assert.deepEqual(Array.from(sampleMaps(grid, n, 2, n)), Array.from(grid.subarray(2 * n * n)));
  const big = sampleMaps(grid, n, 2, 9);
  assert.equal(big.length, 81);
  assert.ok(big.every((v) => v >= 200 && v <= 233));
  assert.equal(big[0], 200);
  assert.equal(big[80], 233);
  const spare = new Float32Array(8);
  assert.equal(sampleMaps(grid, n, 1, 2, spare), spare);
});
