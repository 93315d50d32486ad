// The conductor's settings rules (web/playground/settings.js): the next state after a change,
// which changes rebuild, what an engine-side change brings back, and when a frame halts training.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changesBetween, formatForEngine, haltReason, needsRebuild, nextState, pointRadii, randomSeed, withEngineSettings,
} from '../../../web/playground/settings.js';
import { defaultState, serializeHash } from '../../../web/state/state.js';

test('more than two classes move a two-class data set to gauss, and leave a multi-class one alone', () => {
  const xor = { ...defaultState(), dataset: 'xor' };
  assert.equal(nextState(xor, { numClasses: 3 }).dataset, 'gauss');
  assert.equal(nextState(xor, { numClasses: 2 }).dataset, 'xor');
  assert.equal(nextState({ ...xor, dataset: 'spiral' }, { numClasses: 4 }).dataset, 'spiral');
  assert.equal(nextState({ ...xor, problem: 'regression' }, { numClasses: 3 }).dataset, 'xor', 'regression keeps it');
});

test('a new network shape drops per-layer activations that no longer fit, and keeps ones that do', () => {
  const state = { ...defaultState(), networkShape: [4, 2], activations: ['relu', 'tanh'] };
  assert.deepEqual(nextState(state, { networkShape: [3] }).activations, []);
  assert.deepEqual(nextState(state, { networkShape: [5, 5] }).activations, ['relu', 'tanh']);
  assert.deepEqual(nextState(state, { learningRate: 0.1 }).activations, ['relu', 'tanh']);
  assert.deepEqual(state.activations, ['relu', 'tanh'], 'the previous state is not changed');
});

test('live engine keys apply in place; shape and data keys rebuild; page-only keys do neither', () => {
  assert.equal(needsRebuild(['learningRate']), false);
  assert.equal(needsRebuild(['networkShape']), true);
  assert.equal(needsRebuild(['learningRate', 'dataset']), true);
  assert.equal(needsRebuild(['showTestData']), false);
  assert.equal(formatForEngine([8, 4]), '8,4');
  assert.equal(formatForEngine(0.3), 0.3);
});

test('an engine-side change (CSV, experiment) brings its settings back but keeps the seed', () => {
  const state = { ...defaultState(), seed: 'mine', networkShape: [4, 2] };
  const config = serializeHash({ ...defaultState(), seed: 'theirs', networkShape: [6], learningRate: 0.3 });
  const next = withEngineSettings(state, config);
  assert.deepEqual(next.networkShape, [6]);
  assert.equal(next.learningRate, 0.3);
  assert.equal(next.seed, 'mine');
  assert.deepEqual(state.networkShape, [4, 2], 'the previous state is not changed');
});

test('a whole new state changes only the keys that differ', () => {
  const state = defaultState();
  assert.deepEqual(changesBetween(state, { ...state }), {});
  assert.deepEqual(changesBetween(state, { ...state, networkShape: [1], hidden: ['dataset'] }),
    { networkShape: [1], hidden: ['dataset'] });
});

test('a diverged or auto-stopped frame halts with its message; a healthy one does not', () => {
  const state = { ...defaultState(), learningRate: 3, regularizationRate: 0 };
  const diverged = haltReason({ epoch: 12, diverged: true }, state);
  assert.equal(diverged.event, 'diverged');
  assert.match(diverged.message, /epoch 12.*learning rate \(now 3\)/);
  const stopped = haltReason({ epoch: 40, diverged: false, stopReason: 'test loss rose for 5 epochs' }, state);
  assert.equal(stopped.event, 'stopped');
  assert.match(stopped.message, /Auto-stop at epoch 40: test loss rose for 5 epochs/);
  assert.equal(haltReason({ epoch: 1, diverged: false, stopReason: '' }, state), null);
});

test('point radii grow with the loss from 2 px to at most 9 px; seeds are five digits', () => {
  assert.deepEqual(Array.from(pointRadii([0, 0.25, 1, 100])), [2, 5.5, 9, 9]);
  assert.match(randomSeed(), /^\d{5}$/);
});
