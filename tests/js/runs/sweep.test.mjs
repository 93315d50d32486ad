// A sweep (web/runs/sweep.js) trains each member as a separate run with the same settings
// would: same losses at every chunk and at the end, from the settings the history keeps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNnCore } from '../load-wasm.mjs';
import { defaultState, engineConfigText, parseHash } from '../../../web/state/state.js';
import { memberStates, parseBudget, parseValues, runSweep } from '../../../web/runs/sweep.js';

const nn = await loadNnCore();

// The Engine API of web/engine/engine.js over a Session in this thread, answering as the
// worker's ops do (configure, frame, save, terminate), each call a promise.
class SessionEngine {
  constructor() { this.session = new nn.Session(); }
  async configure(text) {
    this.session.configure(text);
    return { unitCounts: Array.from(this.session.unitCounts()) };
  }
  async frame(epochs, gridSize) {
    const before = this.session.metrics().epoch;
    this.session.trainEpochs(epochs);
    const metrics = this.session.metrics();
    const grid = Float32Array.from(this.session.evaluateGridLayers(gridSize).flatMap((view) => Array.from(view)));
    return { trained: metrics.epoch - before, metrics, grid };
  }
  async save() { return this.session.save(); }
  terminate() { this.session.delete(); }
}

const base = { ...defaultState(), seed: 'sweep-test' };

test('each member of a 4-way learning-rate sweep ends with the losses of a separate run of its recorded settings', async () => {
  const values = [0.003, 0.03, 0.3, 1];
  const frames = values.map(() => 0);
  const runs = await runSweep({ base, key: 'learningRate', values, epochs: 120, createEngine: () => new SessionEngine(),
    onFrame: (i) => { frames[i]++; } });
  assert.equal(runs.length, 4);
  assert.deepEqual(frames, [12, 12, 12, 12], 'one frame per 10 epochs');
  const finals = new Set();
  for (const [i, run] of runs.entries()) {
    assert.equal(run.value, values[i]);
    assert.equal(run.metrics.epoch, 120);
    assert.equal(run.complete, true);
    // The settings as the history keeps them (URL-hash text), trained straight through.
    const { state, errors } = parseHash(run.hash);
    assert.deepEqual(errors, []);
    assert.equal(state.learningRate, values[i]);
    const alone = new nn.Session();
    alone.configure(engineConfigText(state));
    alone.trainEpochs(1000);   // the recorded auto-stop ends it at the budget
    const m = alone.metrics();
    assert.equal(m.epoch, 120);
    assert.equal(run.metrics.trainLoss, m.trainLoss, `member ${values[i]}: train loss`);
    assert.equal(run.metrics.testLoss, m.testLoss, `member ${values[i]}: test loss`);
    assert.equal(run.curve.testLosses.at(-1), m.testLoss);
    finals.add(m.testLoss);
    alone.delete();
  }
  assert.equal(finals.size, 4, 'the learning rates give four different runs');
});

test('the curve of a member equals a separate run stopped at the same epochs', async () => {
  const [run] = (await runSweep({ base, key: 'activation', values: ['relu', 'sigmoid'], epochs: 50, createEngine: () => new SessionEngine() }));
  const alone = new nn.Session();
  alone.configure(engineConfigText({ ...base, activation: 'relu' }));
  const losses = [];
  for (const epoch of run.curve.epochs) {
    alone.trainEpochs(epoch - alone.metrics().epoch);
    losses.push(alone.metrics().testLoss);
  }
  assert.deepEqual(run.curve.testLosses, losses);
  assert.deepEqual(run.curve.epochs, [10, 20, 30, 40, 50]);
  alone.delete();
});

test('values and budgets are checked as the controls check them', () => {
  assert.deepEqual(parseValues('learningRate', '0.01 0.1; 0.01').values, [0.01, 0.1]);
  assert.deepEqual(parseValues('networkShape', '4,2 none 8').values, [[4, 2], [], [8]]);
  assert.match(parseValues('learningRate', '0.1').error, /1 different value; a sweep takes 2 to 6/);
  assert.match(parseValues('learningRate', '1 2 3 4 5 6 7').error, /7 different values/);
  assert.match(parseValues('learningRate', '0.1 fast').error, /learningRate: "fast" is not a number/);
  assert.match(parseValues('activation', 'tanh swish').error, /not a choice/);
  assert.match(parseValues('seed', 'a b').error, /not a setting a sweep can vary/);
  assert.equal(parseBudget('500').value, 500);
  assert.match(parseBudget('0').error, /at least 1 epoch/);
  assert.match(parseBudget('ten').error, /^epochs: "ten"/);
  const [member] = memberStates({ ...base, regularization: 'none' }, 'regularizationRate', [0.01], 100);
  assert.equal(member.regularization, 'L2', 'a rate sweep switches a regularisation on');
  assert.equal(member.stopEpochs, 100);
});
