// Every model format the export offers (web/export/formats.js), run in its real runtime: the wasm
// engine trains a small network of each output kind (two-class tanh and sigmoid, multi-class
// softmax, regression) with every activation and input feature it has, the network is exported
// from the engine's own save(), and NumPy (Debian's python3-numpy), PyTorch (Debian's
// python3-torch) and ONNX Runtime (onnxruntime-node) must give the engine's outputs back within
// 1e-5 on a 50x50 grid and on every data point. The largest difference per format and network
// is printed as a diagnostic: `node --test tests/js/export/` shows the table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { loadNnCore } from '../load-wasm.mjs';
import { FEATURE_MATH, describeModel } from '../../../web/export/model.js';
import { MODEL_FORMATS } from '../../../web/export/formats.js';
import { FEATURES } from '../../../web/state/features.js';
import { ENGINE_CAPS, ENGINE_SETTINGS } from '../../../web/gen/limits.js';

const TOLERANCE = 1e-5;
const GRID = 50;
// Debian's interpreter, where apt puts numpy and torch (a python3 earlier on PATH may lack them).
const PYTHON = '/usr/bin/python3';
const DRIVER = fileURLToPath(new URL('./run-python.py', import.meta.url));

// One network per output kind; between them every hidden activation and every feature, and
// per-layer activations. Short training keeps the test quick and the weights far from their start.
const NETWORKS = [
  { name: 'two-class tanh', epochs: 30,
    config: 'dataset=circle&seed=e1&networkShape=5,4,3&activations=relu,tanh,sigmoid&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true' },
  { name: 'two-class sigmoid', epochs: 30,
    config: 'dataset=xor&seed=e2&loss=crossEntropy&networkShape=6,4&activations=leakyRelu,elu&xTimesY=true&learningRate=0.1' },
  { name: 'multi-class softmax', epochs: 30,
    config: 'dataset=gauss&numClasses=4&seed=e3&networkShape=6,5,4&activations=gelu,silu,softplus&xSquared=true&ySquared=true' },
  { name: 'regression', epochs: 30,
    config: 'problem=regression&regDataset=reg-gauss&seed=e4&networkShape=5,3&activations=sine,linear&sinX=true&sinY=true' },
  { name: 'regression, no hidden layer', epochs: 10,
    config: 'problem=regression&regDataset=reg-plane&seed=e5&networkShape=&loss=huber' },
];

const nn = await loadNnCore();

// The grid's points as the engine makes them (core/session_eval.cpp, run_grid), in float32.
function gridPoints(n) {
  const extent = Math.fround(ENGINE_CAPS.plotExtent);
  const x = [], y = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      x.push(Math.fround(-extent + Math.fround(Math.fround(2 * extent * j) / (n - 1))));
      y.push(Math.fround(extent - Math.fround(Math.fround(2 * extent * i) / (n - 1))));
    }
  }
  return { x, y };
}

// The engine's outputs at the grid and at every data point, as rows [point][output].
function engineCase({ name, config, epochs }) {
  const s = new nn.Session();
  try {
    s.configure(config);
    s.trainEpochs(epochs);
    const experiment = s.save();
    const model = describeModel(experiment);
    const units = model.output.units;
    const grid = gridPoints(GRID);
    const flat = s.evaluateGridOutput(GRID);   // [outputs, points]
    const count = GRID * GRID;
    const gridRows = Array.from({ length: count }, (_, p) => Array.from({ length: units }, (_, u) => flat[u * count + p]));
    const points = Array.from(s.points());
    const x = [], y = [], pointRows = [];
    for (let i = 0; i < points.length; i += 4) {
      x.push(points[i]);
      y.push(points[i + 1]);
      const { activations } = s.tracePoint(points[i], points[i + 1], points[i + 2]);
      pointRows.push(Array.from(activations.slice(activations.length - units)));
    }
    return { name, model, x: [...grid.x, ...x], y: [...grid.y, ...y], expected: [...gridRows, ...pointRows],
      gridCount: count, epochs: s.metrics().epoch };
  } finally {
    s.delete();
  }
}

const cases = NETWORKS.map(engineCase);

function maxDifference(expected, actual, label) {
  assert.equal(actual.length, expected.length, `${label}: one row per point`);
  let worst = 0;
  expected.forEach((row, p) => {
    assert.equal(actual[p].length, row.length, `${label}: outputs of point ${p}`);
    row.forEach((v, u) => { worst = Math.max(worst, Math.abs(actual[p][u] - v)); });
  });
  return worst;
}

// What each problem's predict() must say for outputs `row`.
function expectedLabel(model, row) {
  if (model.output.kind === 'multi-class') return row.indexOf(Math.max(...row));
  if (model.output.kind === 'regression') return row[0];
  return row[0] > (model.output.activation === 'sigmoid' ? 0.5 : 0) ? 1 : -1;
}

// Outputs this close to a class boundary may fall either way in another runtime's rounding.
function nearTie(model, row) {
  if (model.output.kind === 'regression') return false;
  if (model.output.kind === 'two-class') return Math.abs(row[0] - (model.output.activation === 'sigmoid' ? 0.5 : 0)) < 1e-4;
  const sorted = [...row].sort((a, b) => b - a);
  return sorted[0] - sorted[1] < 1e-4;
}

function checkPredicted(c, predicted, label) {
  c.expected.forEach((row, p) => {
    if (nearTie(c.model, row)) return;
    const want = expectedLabel(c.model, row);
    assert.ok(Math.abs(predicted[p] - want) <= TOLERANCE, `${label}: predict() at point ${p} is ${predicted[p]}, expected ${want}`);
  });
}

function runPython(kind, dir) {
  const jobs = cases.map((c, i) => {
    const format = MODEL_FORMATS.find((f) => f.id === kind);
    const file = path.join(dir, `${kind}_${i}.py`);
    writeFileSync(file, format.make(c.model));
    return { kind, path: file, x: c.x, y: c.y };
  });
  const run = spawnSync(PYTHON, [DRIVER], { input: JSON.stringify({ jobs }), encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(run.status, 0, `${PYTHON} ${kind} failed (npm run setup installs python3-numpy and python3-torch):\n${run.stderr}`);
  return JSON.parse(run.stdout).results;
}

async function runOnnx() {
  const results = [];
  for (const c of cases) {
    const bytes = MODEL_FORMATS.find((f) => f.id === 'onnx').make(c.model);
    const session = await ort.InferenceSession.create(bytes);
    const xy = new Float32Array(c.x.length * 2);
    c.x.forEach((v, i) => { xy[2 * i] = v; xy[2 * i + 1] = c.y[i]; });
    const { output } = await session.run({ xy: new ort.Tensor('float32', xy, [c.x.length, 2]) });
    const units = c.model.output.units;
    assert.deepEqual(output.dims, [c.x.length, units]);
    results.push({ outputs: Array.from({ length: c.x.length }, (_, p) => Array.from(output.data.slice(p * units, (p + 1) * units))) });
  }
  return results;
}

const RUNTIMES = {
  numpy: (dir) => runPython('numpy', dir),
  pytorch: (dir) => runPython('pytorch', dir),
  onnx: () => runOnnx(),
};

test('the networks cover every output kind, every hidden activation and every input feature', () => {
  const activations = new Set(cases.flatMap((c) => c.model.layers.map((layer) => layer.activation)));
  for (const name of [...ENGINE_SETTINGS.activation.choices, 'softmax']) assert.ok(activations.has(name), `no network uses ${name}`);
  for (const output of ['tanh', 'sigmoid', 'softmax', 'linear']) {
    assert.ok(cases.some((c) => c.model.output.activation === output), `no network has a ${output} output`);
  }
  const features = new Set(cases.flatMap((c) => c.model.features));
  for (const f of FEATURES) assert.ok(features.has(f.key), `no network uses the feature ${f.key}`);
  for (const c of cases) assert.equal(c.epochs, NETWORKS.find((n) => n.name === c.name).epochs, `${c.name} trained`);
});

test("the export knows the page's input features, in the engine's order", () => {
  assert.deepEqual(Object.keys(FEATURE_MATH), FEATURES.map((f) => f.key));
});

test('every offered format has a runtime check here, and only those are offered', () => {
  assert.deepEqual(MODEL_FORMATS.map((f) => f.id).sort(), Object.keys(RUNTIMES).sort());
});

for (const format of MODEL_FORMATS) {
  test(`${format.label}: the exported model gives the engine's outputs within ${TOLERANCE} on a ${GRID}x${GRID} grid and the data points`, async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), `nnplay-export-${format.id}-`));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const results = await RUNTIMES[format.id](dir);
    cases.forEach((c, i) => {
      const label = `${format.label}, ${c.name}`;
      const grid = maxDifference(c.expected.slice(0, c.gridCount), results[i].outputs.slice(0, c.gridCount), `${label} (grid)`);
      const points = maxDifference(c.expected.slice(c.gridCount), results[i].outputs.slice(c.gridCount), `${label} (points)`);
      t.diagnostic(`${format.label.padEnd(8)} ${c.name.padEnd(28)} max |difference|: grid ${grid.toExponential(2)}, points ${points.toExponential(2)} (${c.x.length - c.gridCount} points)`);
      assert.ok(grid <= TOLERANCE, `${label}: grid differs by ${grid}`);
      assert.ok(points <= TOLERANCE, `${label}: data points differ by ${points}`);
      if (results[i].predicted) checkPredicted(c, results[i].predicted, label);
      if ('main' in results[i]) assert.match(results[i].main, /predicted:/, `${label}: the file runs as a script`);
    });
  });
}
