// The teacher's warnings: when a loss counts as stuck, what counts as chance, which ReLU layers
// are dead, and what the message suggests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LossWatch, chanceAccuracy, deadLayers, hiddenActivations, teacherWarning, trainingCells, CHANCE_MARGIN,
} from '../../../web/explain/warnings.js';

// [x, y, label, isTest] records.
const points = (...rows) => Float32Array.from(rows.flat());

test('chance is the share of the commonest training class; test points do not count', () => {
  assert.equal(chanceAccuracy(points([0, 0, 1, 0], [1, 1, -1, 0], [2, 2, 1, 0], [3, 3, -1, 1], [4, 4, -1, 1]), 2), 2 / 3);
  assert.equal(chanceAccuracy(points([0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 2, 0]), 3), 1 / 3);
  assert.equal(chanceAccuracy(new Float32Array(0), 4), 1 / 4);
});

test('a loss that stays put for the window at chance accuracy is stalled; a falling one is not', () => {
  const flat = new LossWatch({ epochs: 100 });
  for (let e = 0; e <= 99; e++) flat.add(e, 0.984, 0.51);
  assert.equal(flat.stalled(0.5), false, 'not yet a whole window');
  flat.add(100, 0.984, 0.51);
  assert.equal(flat.stalled(0.5), true);

  const falling = new LossWatch({ epochs: 100 });
  for (let e = 0; e <= 300; e++) falling.add(e, 0.5 * Math.exp(-e / 200), 0.5);
  assert.equal(falling.stalled(0.5), false, 'the loss moves even while the accuracy is low');

  const learned = new LossWatch({ epochs: 100 });
  for (let e = 0; e <= 300; e++) learned.add(e, 0.001, 1);
  assert.equal(learned.stalled(0.5), false, 'a flat loss at high accuracy has converged');

  const above = new LossWatch({ epochs: 100 });
  for (let e = 0; e <= 300; e++) above.add(e, 0.8, 0.5 + CHANCE_MARGIN + 0.04);
  assert.equal(above.stalled(0.5), false, 'an accuracy clearly above chance is not a stall');
});

test('frames of many epochs each still cover the window; a reset starts a new history', () => {
  const watch = new LossWatch({ epochs: 200 });
  watch.add(0, 1, 0.5);
  watch.add(1000, 1, 0.5);
  assert.equal(watch.stalled(0.5), true);
  watch.add(3, 1, 0.5);  // epoch went back: a reset
  assert.equal(watch.history.length, 1);
  assert.equal(watch.stalled(0.5), false);
  watch.add(3, 1, 0.5);
  assert.equal(watch.history.length, 1, 'a paused frame of the same epoch adds nothing');
});

test('deadLayers finds ReLU layers that output 0 over the training points, not live ones or other activations', () => {
  const n = 2;
  const per = n * n;
  const unitCounts = [2, 2, 1, 1];
  const grid = new Float32Array((2 + 2 + 1 + 1) * per).fill(0.3);
  // Layer 1 (units 2, 3) all zero; layer 2 (unit 4) zero except one cell.
  grid.fill(0, 2 * per, 4 * per);
  grid.fill(0, 4 * per, 5 * per);
  grid[4 * per + 3] = 0.5;
  assert.deepEqual(deadLayers(grid, n, unitCounts, ['relu', 'relu']), [1]);
  assert.deepEqual(deadLayers(grid, n, unitCounts, ['tanh', 'relu']), [], 'only ReLU outputs a flat 0');
  assert.deepEqual(deadLayers(grid, n, unitCounts, ['relu', 'relu'], Int32Array.from([0, 1])), [1, 2],
    'a unit positive only away from the data is dead for it');
  assert.deepEqual(deadLayers(grid, n, unitCounts, ['relu', 'relu'], new Int32Array(0)), [1], 'no cells: the whole grid');
  // A grid from unit 2 on (as a running frame carries it) is read from unit 2 on; from unit 4 on
  // layer 1 is not there to judge.
  assert.deepEqual(deadLayers(grid.subarray(2 * per), n, unitCounts, ['relu', 'relu'], null, 2), [1]);
  assert.deepEqual(deadLayers(grid.subarray(4 * per), n, unitCounts, ['relu', 'relu'], Int32Array.from([0, 1]), 4), [2]);
});

test('trainingCells puts a point in the grid cell the worker evaluates there (row 0 at y = 6)', () => {
  const cells = trainingCells(points([-5.9, 5.9, 1, 0], [5.9, -5.9, 1, 0], [0.1, 0.1, 1, 1], [3, 0.1, 1, 0]), 10);
  assert.deepEqual(Array.from(cells), [0, 99, 4 * 10 + 7]);
});

test('hiddenActivations: the per-layer list when it fits the shape, else the global activation', () => {
  assert.deepEqual(hiddenActivations({ networkShape: [4, 2], activation: 'relu', activations: [] }), ['relu', 'relu']);
  assert.deepEqual(hiddenActivations({ networkShape: [4, 2], activation: 'relu', activations: ['tanh', 'relu'] }), ['tanh', 'relu']);
});

test('the message names what happened and what to try for the settings at hand', () => {
  const dead = teacherWarning({ dead: [2], state: { learningRate: 10 } });
  assert.equal(dead.kind, 'dead');
  assert.match(dead.text, /hidden layer 2 outputs 0/);
  assert.match(dead.tips.join(' '), /Lower the learning rate \(now 10\)/);
  assert.match(dead.tips.join(' '), /another activation/);
  assert.match(dead.tips.join(' '), /New weights/);
  const slow = teacherWarning({ stalled: true, state: { learningRate: 0.0001 }, loss: 0.5, accuracy: 0.5, chance: 0.5 });
  assert.equal(slow.kind, 'stalled');
  assert.match(slow.text, /0\.500 for the last 200 epochs/);
  assert.match(slow.text, /no better than always guessing the commonest class \(50 %\)/);
  assert.match(slow.tips.join(' '), /Raise the learning rate \(now 0.0001\)/);
  assert.equal(teacherWarning({ state: { learningRate: 10 }, loss: 0.1, accuracy: 0.9, chance: 0.5 }), null);
});
