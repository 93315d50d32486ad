// Which units' full maps a frame asks for (web/playground/frame-views.js gridFrom): a running
// playground asks for the outputs, a hovered unit and the ReLU layers the teacher checks; a
// paused one for every unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridFrom } from '../../../web/playground/frame-views.js';

// 2 inputs, layers of 4 and 3, one output: units 0-1, 2-5, 6-8, 9.
const model = { unitCounts: [2, 4, 3, 1] };
const tanh = { networkShape: [4, 3], activation: 'tanh', activations: [] };

test('running: the outputs only, or from the hovered unit', () => {
  assert.equal(gridFrom(model, null, tanh, true), 9);
  assert.equal(gridFrom({ unitCounts: [2, 4, 3] }, null, { ...tanh, networkShape: [4] }, true), 6, 'three outputs');
  assert.equal(gridFrom(model, 3, tanh, true), 3);
  assert.equal(gridFrom(model, 0, tanh, true), 0, 'an input');
  assert.equal(gridFrom(model, 9, tanh, true), 9);
});

test('running with a ReLU layer: from its first unit, which the dead-layer warning reads', () => {
  assert.equal(gridFrom(model, null, { ...tanh, activations: ['tanh', 'relu'] }, true), 6);
  assert.equal(gridFrom(model, null, { ...tanh, activation: 'relu' }, true), 2);
  assert.equal(gridFrom(model, 4, { ...tanh, activations: ['tanh', 'relu'] }, true), 4);
});

test('paused, or before the network is known: every unit', () => {
  assert.equal(gridFrom(model, null, tanh, false), 0);
  assert.equal(gridFrom({ unitCounts: [] }, null, tanh, true), 0);
});
