// The run history's bounds and order (web/runs/run-log.js), its table's sorting
// (web/runs/runs-table.js) and what storage gives back (web/runs/run-store.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DownsampledHistory } from '../../../web/views/chart.js';
import { CURVE_POINTS, MAX_RUNS, MAX_WEIGHT_CHARS, RunLog, WEIGHTS_KEPT } from '../../../web/runs/run-log.js';
import { epochsToTarget, sortRuns } from '../../../web/runs/runs-table.js';
import { adoptRuns, readRuns, storageKey, writeRuns } from '../../../web/runs/run-store.js';
import { wireRuns } from '../../../web/playground/runs-wiring.js';
import { defaultState, serializeHash } from '../../../web/state/state.js';

// A chart history of `epochs` epochs whose test loss falls as 1 / (epoch + slope).
function history(epochs, slope = 1) {
  const h = new DownsampledHistory(400);
  for (let e = 0; e <= epochs; e++) h.push(e, 1 / (e + slope), 1 / (e + slope), e / (e + 10), e / (e + 20));
  return h;
}

// What the wiring hands the log at a run's end.
const end = (log, h, hash, save) => log.record({ points: h.points(), hash, ms: 0, save: save?.() });

class MemoryStorage {
  constructor() { this.items = new Map(); this.writes = 0; }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) { this.writes++; this.items.set(key, String(value)); }
  removeItem(key) { this.writes++; this.items.delete(key); }
}

test('the log keeps the newest MAX_RUNS runs in the order they ended, with rising ids', () => {
  const log = new RunLog();
  for (let i = 1; i <= MAX_RUNS + 5; i++) end(log, history(i), `learningRate=${i}`);
  assert.equal(log.runs.length, MAX_RUNS);
  assert.deepEqual(log.runs.map((r) => r.hash), Array.from({ length: MAX_RUNS }, (_, i) => `learningRate=${i + 6}`));
  assert.deepEqual(log.runs.map((r) => r.id), Array.from({ length: MAX_RUNS }, (_, i) => i + 6));
  assert.deepEqual(log.runs.map((r) => r.curve.epochs.at(-1)), Array.from({ length: MAX_RUNS }, (_, i) => i + 6));
});

test('a run that trained nothing is not kept', () => {
  const log = new RunLog();
  assert.equal(end(log, new DownsampledHistory(400), 'a'), null);
  assert.equal(end(log, history(0), 'a'), null, 'epoch 0 alone is no run');
  assert.ok(end(log, history(3), 'b'));
  assert.equal(log.runs.length, 1);
});

// The conductor's side (playground/runs-wiring.js) over a fake chart and engine: it keeps the
// clock, takes the chart's points once, and hands the run to the log it fetches on first use.
function wiring() {
  const chart = { history: history(0) };
  const saves = [];
  const host = { ui: { output: { chart } }, storeRuns: null, showError: (e) => { throw e; },
    engine: () => ({ save: () => { saves.push(1); return Promise.resolve('weights'); } }) };
  return { wired: wireRuns(host), chart, saves, runs: () => import('../../../web/runs/run-log.js') };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

test('the wiring keeps a run once though it ends twice, with its weights asked for at once', async () => {
  const { wired, chart, saves } = wiring();
  chart.history = history(30);
  wired.end(defaultState());
  wired.end(defaultState());
  assert.equal(saves.length, 1, 'the second end finds the chart cleared');
  assert.equal(chart.history.length, 0);
  await settle();
});

test('the clock counts only the time played, and the run is kept under the settings it trained with', async () => {
  const { wired, chart } = wiring();
  const trainedWith = { ...defaultState(), learningRate: 0.1 };
  wired.play();
  await new Promise((r) => setTimeout(r, 60));
  wired.trained(trainedWith);
  wired.pause();
  await new Promise((r) => setTimeout(r, 80));
  chart.history = history(5);
  wired.end({ ...defaultState(), learningRate: 0.3 });
  chart.history = history(5);
  wired.end(defaultState());
  await settle();
  const [first, second] = wired.runs.log.runs;
  assert.ok(first.ms >= 55 && first.ms < 120, `ms ${first.ms}`);
  assert.equal(first.hash, serializeHash(trainedWith), 'the learning rate it trained with, not the one set before Reset');
  assert.equal(second.ms, 0, 'the next run starts from zero');
  assert.equal(second.hash, serializeHash(defaultState()), 'no frame trained: the settings it ended with');
  assert.equal(first.weights, 'weights');
});

test('curves are downsampled to CURVE_POINTS, both ends kept, accuracies only when there were some', () => {
  const log = new RunLog();
  const long = new DownsampledHistory(400);
  for (let e = 1; e <= 100000; e++) long.push(e, 1 / e, 2 / e, 0.5, 0.5);
  const run = end(log, long, 'x');
  for (const key of ['epochs', 'trainLosses', 'testLosses', 'trainAccuracies', 'testAccuracies']) assert.equal(run.curve[key].length, CURVE_POINTS);
  assert.equal(run.curve.epochs[0], 1);
  assert.equal(run.curve.epochs.at(-1), 100000);
  assert.equal(run.curve.testLosses.at(-1), 2 / 100000);
  const regression = new DownsampledHistory(400);
  for (let e = 1; e <= 10; e++) regression.push(e, 1, 1);
  assert.deepEqual(Object.keys(end(log, regression, 'r').curve), ['epochs', 'trainLosses', 'testLosses']);
});

test('weights stay on the newest WEIGHTS_KEPT runs only, and are refused over the size cap', async () => {
  const log = new RunLog();
  for (let i = 1; i <= 6; i++) end(log, history(i), `h${i}`, () => Promise.resolve(`weights ${i}`));
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(log.runs.map((r) => r.weights), [null, null, null, 'weights 4', 'weights 5', 'weights 6'].slice(-6));
  assert.equal(log.runs.filter((r) => r.weights).length, WEIGHTS_KEPT);
  end(log, history(7), 'big', () => Promise.resolve('x'.repeat(MAX_WEIGHT_CHARS + 1)));
  await new Promise((r) => setTimeout(r, 0));
  assert.equal(log.runs.at(-1).weights, null);
});

test('the table sorts by test loss, accuracy, epochs to a target and time, newest first by default', () => {
  const log = new RunLog();
  const slow = end(log, history(200, 50), 'slow');    // ends at test loss 1/250, accuracy 200/220
  const fast = end(log, history(100, 1), 'fast');     // ends at 1/101 (under 0.05 from epoch 19), accuracy 100/120
  const plain = new DownsampledHistory(400);          // regression: no accuracy
  for (let e = 0; e <= 10; e++) plain.push(e, 1 / (e + 1), 1 / (e + 1));
  const short = end(log, plain, 'short');             // ends at 1/11
  Object.assign(slow, { ms: 300 });
  Object.assign(fast, { ms: 100 });
  Object.assign(short, { ms: 200 });
  const names = (key, target = 0.05) => sortRuns(log.runs, key, target).map((r) => r.hash);
  assert.deepEqual(names('id'), ['short', 'fast', 'slow']);
  assert.deepEqual(names('testLoss'), ['slow', 'fast', 'short']);
  assert.deepEqual(names('testAccuracy'), ['slow', 'fast', 'short'], 'a missing accuracy goes last');
  assert.deepEqual(names('ms'), ['fast', 'short', 'slow']);
  assert.equal(epochsToTarget(fast, 0.05), 19);
  assert.equal(epochsToTarget(slow, 0.05), 0);
  assert.equal(epochsToTarget(slow, 0.01), 50);
  assert.equal(epochsToTarget(short, 0.05), Infinity);
  assert.deepEqual(names('toTarget'), ['slow', 'fast', 'short'], 'a target never reached goes last');
  assert.deepEqual(names('toTarget', 0.1), ['slow', 'short', 'fast'], 'ties (epoch 0 and 9 vs 9): newest first');
});

test('storage round trip: runs come back in order with curves to 5 digits; bad entries are dropped', () => {
  const storage = new MemoryStorage();
  const log = new RunLog();
  for (let i = 1; i <= 3; i++) end(log, history(10 * i), `seed=s${i}`);
  log.runs[2].weights = '{"format":"nnplay-experiment"}';
  assert.equal(writeRuns(storage, storageKey(''), log.runs), null);
  const back = readRuns(storage, 'nnplay-runs');
  assert.deepEqual(back.map((r) => r.hash), ['seed=s1', 'seed=s2', 'seed=s3']);
  assert.deepEqual(back[1].curve.epochs, log.runs[1].curve.epochs);
  back[1].curve.testLosses.forEach((v, i) => assert.ok(Math.abs(v - log.runs[1].curve.testLosses[i]) <= 1e-4 * v));
  assert.equal(back[2].weights, log.runs[2].weights);
  const data = JSON.parse(storage.getItem('nnplay-runs'));
  data.runs[0].curve.epochs.push(99);          // lengths no longer agree
  data.runs[1].hash = 42;                      // not text
  storage.setItem('nnplay-runs', JSON.stringify(data));
  assert.deepEqual(readRuns(storage, 'nnplay-runs').map((r) => r.hash), ['seed=s3']);
  storage.setItem('nnplay-runs', '{not json');
  assert.deepEqual(readRuns(storage, 'nnplay-runs'), []);
  assert.equal(storageKey('lesson 1/x'), 'nnplay-runs/lesson1x');
});

test('stored runs go before this page\'s runs, and the bound still holds', () => {
  const older = new RunLog();
  for (let i = 1; i <= 15; i++) end(older, history(i), `old${i}`);
  const log = new RunLog();
  for (let i = 1; i <= 10; i++) end(log, history(i), `new${i}`);
  adoptRuns(log, older.runs.map((r) => ({ ...r })));
  assert.equal(log.runs.length, MAX_RUNS);
  assert.equal(log.runs[0].hash, 'old6');
  assert.equal(log.runs.at(-1).hash, 'new10');
  const ids = log.runs.map((r) => r.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
});
