// The worker (web/engine/worker.js) in Node, driven by the messages engine.js sends, on the
// clothing images: it fetches only the chosen classes' files, trains, and its answers carry the
// fields of the image views (FASHION-API.md at the worktree root's ../ describes them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { call, restoreFetch, wasmRead, withFrozenClock } from './node-worker.mjs';

const fetched = [];
await call('params');
// From here on the glue fetches a wasm module as in a browser (the image engine, streamed).
globalThis.fetch = async (url) => {
  const name = String(url).split('/').pop();
  fetched.push(name);
  const bytes = await readFile(fileURLToPath(url)).catch(() => null);
  const type = name.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
  return new Response(bytes, { status: bytes ? 200 : 404, headers: { 'content-type': type } });
};
const assets = () => fetched.filter((name) => name.endsWith('.idx.gz'));
test.after(restoreFetch);

const IMAGE = 'dataset=fashion&imageSize=28&networkShape=16&learningRate=0.1&batchSize=16&seed=w';

test('a 2-D configuration fetches no images and its frames keep the grid', async () => {
  const structure = await call('configure', { text: 'dataset=circle' });
  assert.equal(structure.image, undefined);
  const frame = await call('frame', { epochs: 1, gridSize: 10 });
  assert.ok(frame.grid instanceof Float32Array);
  assert.equal(frame.inputWeights, undefined);
  assert.deepEqual(fetched, []);
  assert.deepEqual(wasmRead, ['nncore.wasm'], 'points run on the 2-D engine alone');
});

test('dataset=fashion fetches the three default classes once and describes the images', async () => {
  const structure = await call('configure', { text: IMAGE });
  assert.deepEqual(assets().sort(), ['sneaker.idx.gz', 'trouser.idx.gz', 'tshirt.idx.gz']);
  assert.deepEqual(structure.image.classes, ['tshirt', 'trouser', 'sneaker']);
  assert.deepEqual(structure.image.names, ['T-shirt/top', 'Trouser', 'Sneaker']);
  assert.equal(structure.image.width, 28);
  assert.deepEqual(structure.unitCounts, [784, 16, 3]);
  assert.equal(structure.classes, 3);
  assert.equal(structure.points.length, 0);
  assert.ok(structure.samples instanceof Uint8Array);
  assert.equal(structure.samples.length, 3 * structure.samplesPerClass * 784);
  await call('configure', { text: `${IMAGE}&networkShape=8` });
  assert.equal(assets().length, 3, 'a rebuild fetches nothing more');
  assert.deepEqual(fetched.filter((name) => name.endsWith('.wasm')), ['nncore-images.wasm'], 'images run on the image engine, fetched once');
  assert.deepEqual(wasmRead, ['nncore.wasm']);
});

test('a refused image configuration leaves the 2-D session as it was', async () => {
  const sid = 'refused';
  await call('configure', { sid, text: 'dataset=xor&networkShape=3&seed=r' });
  const before = await call('params', { sid });
  await assert.rejects(call('configure', { sid, text: 'dataset=fashion&imageClasses=coat' }), /imageClasses/);
  assert.deepEqual(Array.from(await call('params', { sid })), Array.from(before));
  assert.equal((await call('frame', { sid, epochs: 1, gridSize: 10 })).grid.length > 0, true);
});

test('image frames train and carry the first layer as inputWeights, and no grid', async () => {
  const { image } = await call('configure', { text: IMAGE });
  const first = await call('frame', { epochs: 0, gridSize: 50 });
  assert.equal(first.grid, undefined);
  assert.ok(first.inputWeights instanceof Float32Array);
  assert.equal(first.inputWeights.length, 16 * 784);
  assert.deepEqual(Array.from(first.inputWeights), Array.from(first.params.subarray(0, 16 * 784)));
  let frame = first;
  for (let i = 0; i < 3; i += 1) frame = await call('frame', { epochs: 1, gridSize: 50 });
  assert.equal(frame.metrics.epoch, 3);
  assert.ok(frame.metrics.testAccuracy > 0.9, `test accuracy ${frame.metrics.testAccuracy}`);
  assert.notDeepEqual(Array.from(frame.inputWeights), Array.from(first.inputWeights));
  assert.equal(frame.confusion.length, 9);
  assert.equal(frame.confusion.reduce((a, b) => a + b, 0), image.testCount);
});

test('auto trains mini-batches within a frame, not whole epochs', async () => {
  await call('configure', { text: IMAGE });
  const a = await call('frame', { epochs: 'auto', gridSize: 50 });
  const b = await call('frame', { epochs: 'auto', gridSize: 50 });
  assert.equal(a.trained, 1);
  assert.ok(b.trained >= 1);
  assert.equal(b.metrics.epoch, 0, 'a few batches are less than an epoch of 3750 images');
});

// Firefox's worker clock ticks in whole milliseconds, so a few fast batches read as 0 ms: the
// 'auto' pace must not take that for "free" and train thousands of batches in the next frame.
test('auto on a clock that does not move within a frame grows the batches by the budget, not to the cap', async () => {
  await call('configure', { text: IMAGE });
  await withFrozenClock(async () => {
    const trained = [];
    for (let i = 0; i < 3; i += 1) trained.push((await call('frame', { epochs: 'auto', gridSize: 50 })).trained);
    assert.equal(trained[0], 1);
    assert.ok(trained[1] <= 8 && trained[2] <= 8 * trained[1] + 1, `batches per frame ${trained.join(', ')}`);
  });
});

// The loss chart places a measurement at epoch + epochFraction: the fraction must wrap exactly
// when the engine counts an epoch (whose last mini-batch is the short one, 150 = 9 x 16 + 6).
test('image frames say how far into its epoch training is, wrapping as the engine counts epochs', async () => {
  const { image } = await call('configure', { text: `${IMAGE}&numSamples=300&percTrainData=50` });
  const n = image.trainCount;
  const perEpoch = Math.ceil(n / 16);
  assert.ok(n % 16 !== 0, `${n} training images: the last batch is a short one`);
  for (let b = 1; b <= 2 * perEpoch + 3; b += 1) {
    const frame = await call('frame', { epochs: 'batch', gridSize: 50 });
    assert.equal(frame.metrics.epoch, Math.floor(b / perEpoch), `after ${b} mini-batches`);
    assert.equal(frame.epochFraction, (b % perEpoch) * 16 / n, `after ${b} mini-batches`);
  }
  const at = (frame) => frame.metrics.epoch + frame.epochFraction;
  const before = 2 + 3 * 16 / n;
  await new Promise((resolve) => { setTimeout(resolve, 300); });  // auto measures at most every 250 ms
  const auto = await call('frame', { epochs: 'auto', gridSize: 50 });
  assert.ok(at(auto) > before, `auto: ${at(auto)} after ${before}`);
  const whole = await call('frame', { epochs: 1, gridSize: 50 });
  assert.equal(whole.epochFraction, 0, 'whole epochs end at an epoch\'s end');
  assert.ok(whole.metrics.epoch >= 3);
  await call('reset');
  const restarted = await call('frame', { epochs: 'batch', gridSize: 50 });
  assert.deepEqual([restarted.metrics.epoch, restarted.epochFraction], [0, 16 / n], 'after a reset');
});

test('the image operations answer for test images and drawings', async () => {
  await call('configure', { text: IMAGE });
  const { pixels, label } = await call('testImage', { index: 4 });
  assert.equal(pixels.length, 784);
  assert.equal(label, 4 % 3);
  const drawn = await call('predictImage', { pixels });
  assert.equal(drawn.probabilities.length, 3);
  assert.ok(Math.abs(drawn.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  const blank = await call('predictImage', { pixels: new Float32Array(784) });
  assert.notDeepEqual(Array.from(blank.probabilities), Array.from(drawn.probabilities));
  const trace = await call('traceImage', { index: 4 });
  assert.equal(trace.label, label);
  assert.equal(trace.gradients.length, (await call('params')).length);
  await call('frame', { epochs: 1, gridSize: 50 });
  const cell = await call('imagesInCell', { actual: 1, predicted: 1, max: 5 });
  assert.equal(cell.indices.length, 5);
  assert.ok(Array.from(cell.indices).every((i) => i % 3 === 1));
  assert.equal(cell.pixels.length, 5 * 784);
  await assert.rejects(call('testImage', { index: 100000 }), /image index/);
  await call('configure', { text: 'dataset=circle' });
  await assert.rejects(call('testImage', { index: 0 }), /not images/);
});

test('a new session loads an image checkpoint (as after a crash) onto the image engine and continues exactly', async () => {
  await call('configure', { text: IMAGE });
  await call('frame', { epochs: 1, gridSize: 50 });
  const json = await call('save');
  const expected = await call('frame', { epochs: 1, gridSize: 50 });
  const opened = await call('load', { sid: 'recovered', json });
  assert.deepEqual(opened.image.classes, ['tshirt', 'trouser', 'sneaker']);
  const resumed = await call('frame', { sid: 'recovered', epochs: 1, gridSize: 50 });
  assert.deepEqual(Array.from(resumed.params), Array.from(expected.params));
  assert.equal((await call('testImage', { sid: 'recovered', index: 0 })).pixels.length, 784);
  await call('close', { sid: 'recovered' });
});

test('a saved image experiment opens and continues exactly', async () => {
  await call('configure', { text: IMAGE });
  await call('frame', { epochs: 1, gridSize: 50 });
  const json = await call('save');
  await call('configure', { text: 'dataset=xor' });
  const opened = await call('load', { json });
  assert.deepEqual(opened.image.classes, ['tshirt', 'trouser', 'sneaker']);
  const a = await call('frame', { epochs: 1, gridSize: 50 });
  await call('load', { json });
  const b = await call('frame', { epochs: 1, gridSize: 50 });
  assert.deepEqual(Array.from(a.params), Array.from(b.params));
  assert.equal(a.metrics.epoch, 2);
});
