// The wasm module through its real JS API, and its figures against the native build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNnCore } from './load-wasm.mjs';

const nn = await loadNnCore();
const scalar = await loadNnCore('nncore-scalar.wasm');
// The image engine: the same core plus the image code, through the same glue (as in the worker).
const images = await loadNnCore('nncore-images.wasm');
const imagesScalar = await loadNnCore('nncore-images-scalar.wasm');
const PROBE = fileURLToPath(new URL('../../build/native/nncore_probe', import.meta.url));

function withSession(fn, module = nn) {
  const session = new module.Session();
  try {
    return fn(session);
  } finally {
    session.delete();
  }
}

test('a session configures, trains and reports metrics', () => withSession((s) => {
  s.configure('dataset=xor&seed=9');
  const before = s.metrics();
  assert.equal(before.epoch, 0);
  s.trainEpochs(100);
  const after = s.metrics();
  assert.equal(after.epoch, 100);
  assert.ok(after.testLoss < before.testLoss, `${after.testLoss} < ${before.testLoss}`);
  assert.ok(after.testAccuracy >= 0.9 && after.testAccuracy <= 1, `accuracy ${after.testAccuracy}`);
  assert.equal(after.diverged, false);
}));

test('the grid is one buffer holding every unit map, read through a memory view', () => withSession((s) => {
  s.configure('networkShape=4,2&seed=1');
  const view = s.evaluateGrid(100);
  const counts = Array.from(s.unitCounts());
  assert.deepEqual(counts, [2, 4, 2, 1]);
  assert.ok(view instanceof Float32Array);
  assert.equal(view.length, 9 * 100 * 100);
  const output = view.slice(8 * 10000);
  assert.ok(output.every((v) => v >= -1 && v <= 1), 'tanh output stays in [-1, 1]');
  assert.equal(view[0], -6);  // x map, top-left corner
  assert.equal(view[10000], 6);  // y map, top row is y = +6
}));

test('points are [x, y, label, isTest] records, training points first', () => withSession((s) => {
  s.configure('dataset=gauss&percTrainData=70');
  const p = s.points();
  assert.equal(p.length, 500 * 4);
  assert.equal(p[3], 0);
  assert.equal(p[p.length - 1], 1);
  let tests = 0;
  for (let i = 3; i < p.length; i += 4) tests += p[i];
  assert.equal(tests, 150);
}));

test('bad input throws a JS Error naming the field, and the session keeps working', () => withSession((s) => {
  s.configure('seed=3');
  assert.throws(() => s.configure('batchSize=0'), (e) => e instanceof Error &&
    e.message === 'batchSize: "0" is out of range; allowed 1 to 2000');
  assert.throws(() => s.set('learningRate', 'fast'), /learningRate: "fast" is not a number/);
  assert.throws(() => s.evaluateGrid(100000), /grid size/);
  assert.throws(() => s.setParam(99999, 1), /parameter index/);
  s.step(5);
  assert.ok(Number.isFinite(s.metrics().trainLoss));
}));

test('validateConfig lists every problem without throwing', () => {
  assert.deepEqual(nn.validateConfig('batchSize=3&noise=5'), []);
  const errors = nn.validateConfig('batchSize=x&activation=swish&unknown=1');
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^batchSize:/);
  assert.match(errors[1], /^activation: "swish" is not one of/);
});

test('live settings keep the weights; reset restores the initial ones', () => withSession((s) => {
  s.configure('seed=4');
  const initial = Float32Array.from(s.params());
  s.step(40);
  const trained = Float32Array.from(s.params());
  s.set('learningRate', '0.1');
  assert.deepEqual(Float32Array.from(s.params()), trained);
  s.reset();
  assert.deepEqual(Float32Array.from(s.params()), initial);
}));

// The weights as well as the losses: two builds can reach one loss with different weights (a
// bias update skipped, a layer's gradients swapped). paramSum is a sum of signed weights that
// can cancel, so its tolerance is relative to the sum of their magnitudes, sum |p|: 1e-5 of it,
// the most a drift of 1e-5 relative in every weight could move it. Measured: at most 4.7e-9
// over these configs and both builds (float rounding differences only).
const PARAM_SUM_TOLERANCE = 1e-5;

// A trained session's metrics with the sum of its parameters and of their magnitudes.
function trainedSummary(s) {
  let paramSum = 0;
  let magnitude = 0;
  for (const p of s.params()) {
    paramSum += p;
    magnitude += Math.abs(p);
  }
  return { ...s.metrics(), paramSum, magnitude };
}

// The wasm run's losses within 1e-4 (relative) of the native probe's, its weights' sum within
// PARAM_SUM_TOLERANCE of their magnitude.
function assertAgrees(what, wasm, native) {
  for (const key of ['trainLoss', 'testLoss']) {
    const rel = Math.abs(wasm[key] - native[key]) / Math.abs(native[key]);
    assert.ok(rel <= 1e-4, `${what} ${key}: wasm ${wasm[key]} native ${native[key]} (rel ${rel})`);
  }
  assert.equal(typeof native.paramSum, 'number', 'the probe prints paramSum');
  const drift = Math.abs(wasm.paramSum - native.paramSum) / wasm.magnitude;
  assert.ok(drift <= PARAM_SUM_TOLERANCE,
    `${what} paramSum: wasm ${wasm.paramSum} native ${native.paramSum} (${drift} of sum |p| ${wasm.magnitude})`);
}

test('the same config and seed give the same loss (1e-4 relative) and weights (1e-5 of sum |p|) natively and in both wasm builds', () => {
  assert.ok(existsSync(PROBE), `native probe missing at ${PROBE}: run npm run build:native first`);
  const configs = [
    'dataset=spiral&seed=11&networkShape=8,8&sinX=true&sinY=true',
    'dataset=xor&seed=9',  // caught LLVM 14's SLP vectoriser reordering the generator's draws
    // Batches of 16+ columns and layers of 4+ units take the hand-written SIMD128 kernels.
    'dataset=spiral&seed=3&networkShape=16,8,5&batchSize=250&learningRate=0.1',
    'dataset=circle&seed=2&activation=relu&networkShape=6,3&noise=20',
    'problem=regression&regDataset=reg-gauss&seed=5&activation=sigmoid&regularization=L2&regularizationRate=0.001',
  ];
  for (const config of configs) {
    const native = JSON.parse(execFileSync(PROBE, [config, '100'], { encoding: 'utf8' }));
    for (const [build, module] of [['simd128', nn], ['scalar', scalar]]) {
      const wasm = withSession((s) => {
        s.configure(config);
        s.step(100);
        return trainedSummary(s);
      }, module);
      assertAgrees(`${config} (${build})`, wasm, native);
      assert.equal(wasm.epoch, native.epoch);
    }
  }
});

test('the scalar build has no SIMD128 code and shares the SIMD build\'s glue', () => {
  // 0xfd prefixes every SIMD128 opcode; the scalar module must validate without SIMD128, so
  // it must not be the SIMD module under another name.
  const bytes = (file) => readFileSync(new URL(`../../web/gen/${file}`, import.meta.url));
  assert.notDeepEqual(bytes('nncore-scalar.wasm'), bytes('nncore.wasm'));
  // The worker loads nncore-scalar.wasm through nncore.mjs: the glue emcc wrote for the scalar
  // module must be that same file but for the module's name.
  const scalarGlue = fileURLToPath(new URL('../../build/wasm/scalar/nncore-scalar.mjs', import.meta.url));
  assert.ok(existsSync(scalarGlue), `missing ${scalarGlue}: run npm run build:wasm`);
  assert.equal(readFileSync(scalarGlue, 'utf8').replaceAll('nncore-scalar.wasm', 'nncore.wasm'),
    readFileSync(new URL('../../web/gen/nncore.mjs', import.meta.url), 'utf8'));
});

test('the scalar build trains, draws its grid and reports errors like the SIMD build', () => {
  const run = (module) => withSession((s) => {
    s.configure('dataset=xor&seed=4&networkShape=4,2');
    s.trainEpochs(200);
    const grid = Float32Array.from(s.evaluateGridOutput(50));
    let message = '';
    try { s.set('learningRate', 'fast'); } catch (error) { message = error.message; }
    return { metrics: s.metrics(), grid, message };
  }, module);
  const [simd, plain] = [run(nn), run(scalar)];
  assert.ok(plain.metrics.testAccuracy > 0.9, `scalar build learned xor: ${plain.metrics.testAccuracy}`);
  let worst = 0;
  for (let i = 0; i < simd.grid.length; i++) worst = Math.max(worst, Math.abs(simd.grid[i] - plain.grid[i]));
  assert.ok(worst < 1e-3, `grids agree within 1e-3 (worst ${worst})`);
  assert.ok(plain.message.length > 0);
  assert.equal(plain.message, simd.message);
});

test('the grid read layer by layer equals the gathered grid', () => withSession((s) => {
  s.configure('networkShape=5,3&seed=2&sinX=true');
  s.step(30);
  const gathered = Float32Array.from(s.evaluateGrid(40));
  const layers = s.evaluateGridLayers(40).map((v) => Float32Array.from(v));
  assert.deepEqual(layers.map((l) => l.length / 1600), [3, 5, 3, 1]);
  let offset = 0;
  for (const layer of layers) {
    assert.deepEqual(layer, gathered.subarray(offset, offset + layer.length));
    offset += layer.length;
  }
}));

test('the SIMD tanh of the grid pass is within 1e-6 of Math.tanh from -18 to 18', () => withSession((s) => {
  // One hidden tanh unit with z = 3x: the grid's x runs -6..6, so z runs -18..18.
  s.configure('networkShape=1&seed=1');
  const params = new Float32Array(s.params().length);  // [w_hidden_x, w_hidden_y, w_out, b_hidden, b_out]
  params[0] = 3;
  s.setParams(params);
  const [inputs, hidden] = s.evaluateGridLayers(100).map((v) => Float32Array.from(v));
  let worst = 0;
  for (let i = 0; i < hidden.length; i++) worst = Math.max(worst, Math.abs(hidden[i] - Math.tanh(3 * inputs[i])));
  assert.ok(worst < 1e-6, `worst error ${worst}`);
}));

test('every grid map starts on a 16-byte boundary (the output on a 64-byte line) whatever was allocated before', () => {
  // wasm's malloc promises 8 bytes; bench's order of sessions (shapes made and deleted, then a
  // 2-64-64-1 grid) is one that put the maps 8 bytes off and cost W6 5-9 %.
  for (const module of [nn, scalar]) {
    const kept = [];
    for (const shape of ['8,8,8', '8,8,8', '64,64', '64,64', '5', '3,3', '64,64']) {
      for (const batch of [10, 1]) withSession((s) => { s.configure(`networkShape=${shape}&batchSize=${batch}`); s.step(1); }, module);
      const s = new module.Session();
      kept.push(s);
      s.configure(`networkShape=${shape}&seed=4`);
      s.step(2);
      const layers = s.evaluateGridLayers(100);
      assert.equal(layers[0].byteOffset % 64, 0, `${shape}: maps at ${layers[0].byteOffset}`);
      for (const v of layers) assert.equal(v.byteOffset % 16, 0, `${shape}: a layer at ${v.byteOffset}`);
      assert.equal(s.evaluateGridOutput(100).byteOffset % 16, 0, `${shape}: output`);
      assert.equal(s.evaluateGridOutput(256).byteOffset % 64, 0, `${shape}: tiled output`);
    }
    for (const s of kept) s.delete();
  }
});

test('an image network (784-16-3 on the clothing asset) agrees natively and in both wasm builds', async () => {
  assert.ok(existsSync(PROBE), `native probe missing at ${PROBE}: run npm run build:native first`);
  const { gunzipSync } = await import('node:zlib');
  const ASSET = fileURLToPath(new URL('../../dist/fashion/', import.meta.url));
  for (const config of ['dataset=fashion&imageSize=28&networkShape=16&learningRate=0.1&batchSize=32&seed=4',
    'dataset=fashion&imageClasses=coat,shirt,bag&imageSize=14&networkShape=20,8&optimizer=adam&learningRate=0.003&batchSize=16']) {
    const native = JSON.parse(execFileSync(PROBE, [config, '60', ASSET], { encoding: 'utf8' }));
    for (const [build, module] of [['simd128', images], ['scalar', imagesScalar]]) {
      const wasm = withSession((s) => {
        for (const key of s.missingImageClasses(config)) s.addImageClass(key, gunzipSync(readFileSync(`${ASSET}${key}.idx.gz`)));
        s.configure(config);
        s.step(60);
        return trainedSummary(s);
      }, module);
      assertAgrees(`${config} (${build})`, wasm, native);
      assert.ok(Math.abs(wasm.testAccuracy - native.testAccuracy) <= 1e-6, `${config} accuracy ${build}`);
    }
  }
});

test('the 2-D engine holds no image code and refuses image data; the image engine has it and trains points alike', () => {
  // Messages of idx.cpp, images.cpp and session_images.cpp: in a module's data only if their code is.
  const MESSAGES = ['not an idx file', 'expected images of 28 x 28', 'are not loaded'];
  for (const [file, holds] of [['nncore.wasm', false], ['nncore-scalar.wasm', false], ['nncore-images.wasm', true], ['nncore-images-scalar.wasm', true]]) {
    const bytes = readFileSync(new URL(`../../web/gen/${file}`, import.meta.url));
    for (const message of MESSAGES) assert.equal(bytes.includes(message), holds, `${file} ${holds ? 'holds' : 'lacks'} "${message}"`);
  }
  for (const module of [nn, scalar]) {
    assert.equal(module.Session.prototype.addImageClass, undefined);
    withSession((s) => assert.throws(() => s.configure('dataset=fashion'), /image engine/), module);
    withSession((s) => s.configure('dataset=fashion&problem=regression'), module);
  }
  assert.equal(typeof images.Session.prototype.addImageClass, 'function');
  const run = (module) => withSession((s) => {
    s.configure('dataset=spiral&networkShape=8,4&seed=3&optimizer=adam');
    s.trainEpochs(20);
    return { params: Float32Array.from(s.params()), metrics: s.metrics() };
  }, module);
  for (const [points, picture] of [[nn, images], [scalar, imagesScalar]]) {
    const [a, b] = [run(points), run(picture)];
    assert.deepEqual(b.metrics, a.metrics);
    assert.deepEqual(b.params, a.params);
  }
});

test('numbers are read as strtod reads them (JavaScript\'s Number in wasm): settings text keeps the shortest digits that read back', () => withSession((s) => {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 300; i++) {
    const value = Math.fround(1e-5 * 10 ** (random() * 6));
    s.configure(`learningRate=${value}`);
    const text = new URLSearchParams(s.config()).get('learningRate');
    assert.equal(Math.fround(Number(text)), value, `${value} reads back from "${text}"`);
    // format_float takes the fewest of 6 to 9 significant digits that read back to the same float.
    let digits = 6;
    while (digits < 9 && Math.fround(Number(value.toPrecision(digits))) !== value) digits++;
    const significant = text.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').length;
    assert.ok(significant <= digits, `"${text}" for ${value}: ${significant} digits where ${digits} read back`);
  }
  const refused = (literal) => nn.validateConfig(`learningRate=${literal}`).some((m) => m.includes('is not a number'));
  for (const literal of ['.5', '5.', '+.5e-3', '1E-3', '0.00001', '10']) assert.equal(refused(literal), false, literal);
  for (const literal of ['1e', '1e+', '--1', '+-1', '1.5.5', '.', 'e5', '1e400', '1e-400', '1e-320', '0x10', 'nan', 'inf']) {
    assert.equal(refused(literal), true, literal);
  }
}));
