import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DownsampledHistory } from '../../../web/views/chart.js';

test('100,000 pushes stay within capacity 400 and keep both ends of the run', () => {
  const history = new DownsampledHistory(400);
  for (let epoch = 1; epoch <= 100000; epoch++) {
    history.push(epoch, 1 / epoch, 2 / epoch);
    assert.ok(history.length <= 400, `length ${history.length} after ${epoch}`);
    assert.equal(history.epochs[0], 1);
    assert.equal(history.epochs[history.length - 1], epoch);
  }
  const points = history.points();
  assert.equal(points.length, history.length);
  assert.ok(points.length >= 200, 'halving leaves at least half the capacity');
  assert.deepEqual(points[0], { epoch: 1, trainLoss: 1, testLoss: 2 });
  assert.deepEqual(points.at(-1), { epoch: 100000, trainLoss: 1 / 100000, testLoss: 2 / 100000 });
});

test('kept points are in order and evenly spaced apart from the newest', () => {
  const history = new DownsampledHistory(400);
  for (let epoch = 0; epoch < 100000; epoch++) history.push(epoch, 1, 1);
  const epochs = history.points().map((p) => p.epoch);
  const gaps = new Set();
  for (let i = 1; i < epochs.length - 1; i++) gaps.add(epochs[i] - epochs[i - 1]);
  assert.equal(gaps.size, 1);
  assert.ok(epochs.at(-1) > epochs.at(-2));
});

test('non-finite losses are skipped', () => {
  const history = new DownsampledHistory(400);
  assert.equal(history.push(1, 0.5, 0.6), true);
  assert.equal(history.push(2, NaN, 0.6), false);
  assert.equal(history.push(3, 0.5, Infinity), false);
  assert.equal(history.push(4, 0.4, 0.5), true);
  assert.deepEqual(history.points().map((p) => p.epoch), [1, 4]);
});

test('a short run keeps every point, and clear empties the history', () => {
  const history = new DownsampledHistory(400);
  for (let epoch = 0; epoch < 400; epoch++) history.push(epoch, epoch, epoch);
  assert.equal(history.length, 400);
  history.push(400, 0, 0);
  assert.equal(history.length, 201);
  history.clear();
  assert.equal(history.length, 0);
  assert.deepEqual(history.points(), []);
  history.push(7, 1, 1);
  assert.deepEqual(history.points(), [{ epoch: 7, trainLoss: 1, testLoss: 1 }]);
});
