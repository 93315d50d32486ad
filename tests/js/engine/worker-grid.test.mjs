// What a 2-D frame carries of the grid (web/engine/worker.js in Node): with gridFrom, the full
// maps of the units from there on only, the neurons' small maps unchanged; the handed-back
// arrays of another length leave the pool, so a paused frame's full grid is not kept for good.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { call as send, restoreFetch } from './node-worker.mjs';

const SID = 3;
const call = (op, args = {}) => send(op, args, SID);
const recycle = (array) => self.onmessage({ data: { op: 'recycle', sid: SID, buffer: array.buffer } });
test.after(restoreFetch);

const N = 20;
const PER = N * N;

test('a frame asked from a unit on carries the maps of that unit on, and the same small maps', async () => {
  const structure = await call('configure', { text: 'dataset=spiral&networkShape=8,8,6&sinX=true&sinY=true&seed=grid' });
  const units = structure.unitCounts.reduce((a, b) => a + b, 0);
  assert.equal(units, 27);
  const full = await call('frame', { epochs: 0, gridSize: N, mapSide: 5 });
  assert.equal(full.gridFrom, 0);
  assert.equal(full.grid.length, units * PER);
  const outputs = await call('frame', { epochs: 0, gridSize: N, mapSide: 5, gridFrom: units - 1 });
  assert.equal(outputs.gridFrom, units - 1);
  assert.equal(outputs.grid.length, PER, 'the output map only');
  assert.deepEqual(Array.from(outputs.grid), Array.from(full.grid.subarray((units - 1) * PER)));
  assert.deepEqual(Array.from(outputs.maps), Array.from(full.maps), 'every neuron\'s small map still');
  const hidden = await call('frame', { epochs: 0, gridSize: N, mapSide: 5, gridFrom: 12 });
  assert.deepEqual(Array.from(hidden.grid), Array.from(full.grid.subarray(12 * PER)));
  const past = await call('frame', { epochs: 0, gridSize: N, mapSide: 0, gridFrom: 99 });
  assert.equal(past.grid.length, 0);
  assert.equal(past.gridFrom, units);
  assert.equal(past.maps, null);

  // Handed back: one full grid and one output grid with their maps. The next output frame reuses
  // the output grid and drops the full one, which a later full frame then does not get back.
  for (const array of [full.grid, full.maps, outputs.grid, outputs.maps]) recycle(array);
  const again = await call('frame', { epochs: 0, gridSize: N, mapSide: 5, gridFrom: units - 1 });
  assert.equal(again.grid.buffer, outputs.grid.buffer, 'the handed-back output grid is reused');
  const fullAgain = await call('frame', { epochs: 0, gridSize: N, mapSide: 5 });
  assert.notEqual(fullAgain.grid.buffer, full.grid.buffer, 'a grid of another length left the pool');
  assert.equal(fullAgain.grid.length, units * PER);
});
