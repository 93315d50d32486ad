// Wide CSV data (x1, ..., xk, label) through the worker (web/engine/worker.js) in Node, driven by
// the messages engine.js sends: the input layer is the k columns, training learns a class that
// hangs on the inputs the default slice leaves out, the slice moves the points and the map, a
// data point is followed with all its inputs, bad files are refused with a message and the
// module keeps working, and a saved experiment resumes exactly. Native and wasm agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { call as send, restoreFetch } from './node-worker.mjs';

const call = (op, args = {}, sid = 1) => send(op, args, sid);
test.after(restoreFetch);

const PROBE = fileURLToPath(new URL('../../../build/native/nncore_probe', import.meta.url));

// 300 rows of four inputs; the class is the sign of c - d: the default slice (a, b) shows noise.
function fourColumns() {
  const rows = ['a,b,c,d,label'];
  for (let i = 0; i < 300; i++) {
    const [a, b, c, d] = [(i * 37) % 101, (i * 53) % 97, (i * 71) % 89, (i * 29) % 83].map((v, k) => v / (9 + k) - 5);
    rows.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(3)},${d.toFixed(3)},${c - d > 0 ? 'up' : 'down'}`);
  }
  return `${rows.join('\n')}\n`;
}
const CONFIG = 'dataset=gauss&networkShape=6&activation=tanh&learningRate=0.03&batchSize=10&seed=wide';

test('a 4-column CSV gives 4 named inputs, learns, and its slice moves the points and the map', async () => {
  await call('configure', { text: CONFIG });
  const structure = await call('importCsv', { text: fourColumns() });
  assert.deepEqual(structure.unitCounts.slice(0, 1), [4]);
  assert.deepEqual(structure.wide, { names: ['a', 'b', 'c', 'd'], slice: [0, 1] });
  const labels = fourColumns().trim().split('\n').slice(1).map((row) => row.split(',')[4]);
  assert.deepEqual(structure.classNames, [...new Set(labels)], 'the class names of the label column, last of five');
  const first = await call('frame', { epochs: 1, gridSize: 20, mapSide: 0 });
  let frame = first;
  for (let i = 0; i < 30; i++) frame = await call('frame', { epochs: 2, gridSize: 20, mapSide: 0 });
  assert.ok(frame.metrics.testAccuracy >= 0.9, `test accuracy ${frame.metrics.testAccuracy}`);
  assert.ok(frame.metrics.testAccuracy > first.metrics.testAccuracy);
  const before = await call('frame', { epochs: 0, gridSize: 20, mapSide: 0 });
  const moved = await call('setSlice', { across: 2, up: 3 });
  assert.deepEqual(moved.wide.slice, [2, 3]);
  assert.notDeepEqual(Array.from(moved.points.slice(0, 2)), Array.from(structure.points.slice(0, 2)));
  const after = await call('frame', { epochs: 0, gridSize: 20, mapSide: 0 });
  const changed = after.grid.filter((v, i) => Math.abs(v - before.grid[i]) > 1e-3).length;
  assert.ok(changed > after.grid.length / 10, `${changed} of ${after.grid.length} grid values changed`);
  assert.equal(after.metrics.testLoss, before.metrics.testLoss, 'the slice does not touch the training');
  await assert.rejects(call('setSlice', { across: 1, up: 1 }), /slice: the inputs must be two different ones of 1 to 4/);
});

test('a followed data point of wide data uses all its inputs, a point of the slice the means', async () => {
  const points = (await call('setSlice', { across: 0, up: 1 })).points;
  const data = await call('trace', { x: points[0], y: points[1], label: points[2], index: 0 });
  const slice = await call('trace', { x: points[0], y: points[1], label: points[2] });
  assert.equal(data.activations.length, slice.activations.length);
  assert.notDeepEqual(Array.from(data.activations.slice(0, 4)), Array.from(slice.activations.slice(0, 4)));
  assert.deepEqual(Array.from(data.activations.slice(0, 2)), Array.from(slice.activations.slice(0, 2)));
});

test('bad wide CSV is refused with its line and column, and the session keeps working', async () => {
  const ragged = 'a,b,c,label\n1,2,3,x\n1,2,x\n';
  await assert.rejects(call('importCsv', { text: ragged }), /^Error: line 3: expected 4 values \(3 inputs, then the label, as line 1 has\), found 3$/);
  const wide = `${Array.from({ length: 20 }, (_, k) => `x${k}`).join(',')},label\n`;
  await assert.rejects(call('importCsv', { text: wide }), /line 1: the header has 21 columns; allowed up to 17/);
  await assert.rejects(call('importCsv', { text: 'a,b,c,label\n1,2,q,x\n' }), /line 2, column 3 \("c"\): "q" is not a number/);
  const frame = await call('frame', { epochs: 1, gridSize: 10, mapSide: 0 });
  assert.ok(Number.isFinite(frame.metrics.trainLoss), 'the session still trains its wide data');
  const structure = await call('configure', { text: 'dataset=xor' });
  assert.equal(structure.wide, null);
  assert.equal(structure.unitCounts[0], 2);
  // A session still on the 2-D engine (nncore.wasm has no wide reader) hears the wide reader's
  // own message, and keeps its points.
  const points = await call('configure', { text: 'dataset=circle' }, 5);
  await assert.rejects(call('importCsv', { text: ragged }, 5), /^Error: line 3: expected 4 values/);
  const after = await call('frame', { epochs: 1, gridSize: 10, mapSide: 0 }, 5);
  assert.ok(Number.isFinite(after.metrics.trainLoss));
  assert.equal((await call('exportCsv', {}, 5)).split('\n').length - 2, points.points.length / 4);
});

test('a saved wide experiment resumes exactly in another session', async () => {
  await call('configure', { text: CONFIG }, 2);
  await call('importCsv', { text: fourColumns() }, 2);
  await call('setSlice', { across: 3, up: 0 }, 2);
  await call('frame', { epochs: 3, gridSize: 10, mapSide: 0 }, 2);
  const json = await call('save', {}, 2);
  const loaded = await call('load', { json }, 3);
  assert.deepEqual(loaded.wide, { names: ['a', 'b', 'c', 'd'], slice: [3, 0] });
  const [a, b] = [await call('frame', { epochs: 4, gridSize: 10, mapSide: 0 }, 2), await call('frame', { epochs: 4, gridSize: 10, mapSide: 0 }, 3)];
  assert.deepEqual(Array.from(b.params), Array.from(a.params));
  assert.equal(b.metrics.testLoss, a.metrics.testLoss);
});

test('native and wasm train the same wide CSV to the same loss', async () => {
  assert.ok(existsSync(PROBE), `native probe missing at ${PROBE}: run npm run build:native first`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nnplay-wide-')), 'four.csv');
  writeFileSync(file, fourColumns());
  const native = JSON.parse(execFileSync(PROBE, [CONFIG, '60'], { encoding: 'utf8', env: { ...process.env, NNPLAY_PROBE_CSV: file } }));
  await call('configure', { text: CONFIG }, 4);
  await call('importCsv', { text: fourColumns() }, 4);
  const { metrics } = await call('stepBatches', { batches: 60 }, 4);
  for (const key of ['trainLoss', 'testLoss']) {
    const rel = Math.abs(metrics[key] - native[key]) / Math.abs(native[key]);
    assert.ok(rel <= 1e-4, `${key}: wasm ${metrics[key]} native ${native[key]} (rel ${rel})`);
  }
});
