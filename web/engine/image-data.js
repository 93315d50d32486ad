// The worker's side of clothing images, loaded (import()) only when a configuration asks for
// them, so a 2-D playground never fetches this code, the image engine or the images. Compiles
// the image engine, fetches each chosen class's asset file (<key>.idx.gz, next to the worker in
// dist/fashion/) once, hands it to the session, and answers the image views' frame fields and
// operations.
import { ENGINE_CAPS, ENGINE_SETTINGS } from '../gen/limits.js';
import { EpochPosition } from './epoch-position.js';
import { elapsedSince } from './timing.js';

const ASSET = new URL('../gen/fashion/', import.meta.url);
// The engine with the image code, built from the same core as nncore.wasm (CMakeLists.txt), with
// and without SIMD128 like it.
const IMAGE_WASM = new URL('../gen/nncore-images.wasm', import.meta.url).href;
const IMAGE_SCALAR_WASM = new URL('../gen/nncore-images-scalar.wasm', import.meta.url).href;
let engine = null;
const KEYS = ENGINE_SETTINGS.imageClasses.choices.filter((key) => key !== 'all');
const SIDE = ENGINE_CAPS.imageSide;
const PIXELS = SIDE * SIDE;
// Training images per class in the structure's sample strip.
export const SAMPLES_PER_CLASS = 8;
// Metrics of a large image set cost a pass over thousands of images: at most this often.
const METRICS_EVERY_MS = 250;

async function inflate(bytes) {
  // Stored gzipped; a server that sends .gz with Content-Encoding: gzip has inflated it already.
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function fetchClass(key) {
  const response = await fetch(new URL(`${key}.idx.gz`, ASSET));
  if (!response.ok) throw new Error(`the clothing images of ${key} could not be loaded (HTTP ${response.status})`);
  return inflate(new Uint8Array(await response.arrayBuffer()));
}

// The image engine's module, compiled once per worker through the 2-D engine's glue
// (createNnCore: the two wasm builds import and export the same names; build-dist.mjs checks),
// the SIMD128 build where `simd`. A failed load is tried again at the next image configuration.
export function imageEngine(createNnCore, simd) {
  engine ??= createNnCore({ locateFile: () => (simd ? IMAGE_WASM : IMAGE_SCALAR_WASM) }).catch((error) => {
    engine = null;
    throw error;
  });
  return engine;
}

// Fetches (in parallel) and hands over the classes `keys` (from session.missingImageClasses).
export async function loadClasses(session, keys) {
  const files = await Promise.all(keys.map(fetchClass));
  keys.forEach((key, i) => session.addImageClass(key, files[i]));
}

function setting(session, key) {
  return new URLSearchParams(session.config()).get(key);
}

// The session's training starts over (a reset, new weights): the next frame measures at once.
export function restart(session) {
  paces.delete(session);
}

// What the page needs once per build of image data; the next frame measures at once.
export function imageStructure(session) {
  restart(session);
  const classes = setting(session, 'imageClasses').split(',');
  const side = Number(setting(session, 'imageSize'));
  const k = classes.length;
  const per = Math.min(SAMPLES_PER_CLASS, Math.floor(session.imageCount(false) / k));
  const samples = new Uint8Array(k * per * PIXELS);
  // Training image j * k + c is class c's j-th (the engine interleaves the classes).
  for (let c = 0; c < k; c += 1) {
    for (let j = 0; j < per; j += 1) samples.set(session.imagePixels(false, j * k + c), (c * per + j) * PIXELS);
  }
  return {
    image: {
      width: side, height: side, pixelWidth: SIDE, pixelHeight: SIDE, classes,
      names: classes.map((key) => ENGINE_CAPS.imageClassNames[KEYS.indexOf(key)]),
      trainCount: session.imageCount(false), testCount: session.imageCount(true),
    },
    samples, samplesPerClass: per,
  };
}

// Per session: when its metrics were last measured, those metrics, and its ms per mini-batch
// for 'auto'. A fresh build (imageStructure) starts over.
const paces = new WeakMap();
// How much worker time one frame's training may take at the 'auto' pace.
const BUDGET_MS = 8;

// The frame of image data (worker.js's frame op, whose `train` trains a count of epochs or
// 'batch'): 'auto' trains mini-batches for BUDGET_MS (an epoch of images is longer than a
// frame) and then re-measures the metrics at most every METRICS_EVERY_MS, with how far into its
// epoch training was then (epochFraction, for the loss chart). No grid and no neuron maps: the
// first layer's weights [units of the first layer, width * height], row per neuron.
export function imageFrame(session, epochs, train, { gradients, pointLosses }) {
  const auto = epochs === 'auto';
  const pace = paceOf(session);
  const trained = auto ? trainFor(session, pace) : train(epochs);
  if (auto || epochs === 'batch') stepped(session, trained);
  else if (trained > 0) pace.position.finishEpochs();
  const n = session.imageCount(false);
  const now = performance.now();
  if (!auto || trained === 0 || now - pace.at >= METRICS_EVERY_MS) {
    const metrics = session.metrics();
    Object.assign(pace, { at: now, metrics, confusion: Array.from(session.confusion()),
      epochFraction: pace.position.fraction(metrics.epoch, n) });
  }
  const counts = session.unitCounts();
  const params = Float32Array.from(session.params());
  return {
    trained, metrics: pace.metrics, epochFraction: pace.epochFraction, confusion: pace.confusion, params,
    inputWeights: params.slice(0, counts[0] * counts[1]),
    gradients: gradients ? Float32Array.from(session.lastGradients()) : null,
    pointLosses: pointLosses ? Float32Array.from(session.pointLosses()) : null,
  };
}

function paceOf(session) {
  if (!paces.has(session)) paces.set(session, { at: -Infinity, msPerBatch: null, position: new EpochPosition() });
  return paces.get(session);
}

// `batches` mini-batches were trained (Session::step), here or by the worker's stepBatches.
export function stepped(session, batches) {
  paceOf(session).position.advance(batches, session.imageCount(false), Number(setting(session, 'batchSize')));
}

// Mini-batches for about BUDGET_MS, with the session's running estimate updated; returns how many.
function trainFor(session, pace) {
  const { msPerBatch } = pace;
  const batches = msPerBatch === null ? 1 : Math.max(1, Math.min(10000, Math.floor(BUDGET_MS / msPerBatch)));
  const start = performance.now();
  session.step(batches);
  const measured = elapsedSince(start) / batches;  // the cap was 10000 batches, 26 epochs in a frame
  pace.msPerBatch = msPerBatch === null ? measured : 0.7 * msPerBatch + 0.3 * measured;
  return batches;
}

function pixelsOf(pixels) {
  // A Float32Array from a drawing is 0..1; the engine reads 0..255 like the data set.
  if (pixels instanceof Uint8Array) return pixels;
  return Uint8Array.from(pixels, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));
}

export const IMAGE_OPS = {
  // The forward pass of any 28 x 28 image (a drawing): class probabilities and every unit's
  // sum and activation (tracePoint's layout).
  predictImage(session, { pixels }) {
    const trace = session.traceImage(pixelsOf(pixels), 0);
    const counts = session.unitCounts();
    const outputs = counts[counts.length - 1];
    return { probabilities: trace.activations.slice(trace.activations.length - outputs), sums: trace.sums, activations: trace.activations };
  },
  // A test image (index) or any image (pixels) forward and backward against `label`.
  traceImage(session, { index, pixels, label }) {
    const image = pixels ? pixelsOf(pixels) : session.imagePixels(true, index);
    const target = label ?? session.imageLabel(true, index);
    return { ...session.traceImage(image, target), pixels: image, label: target };
  },
  testImage(session, { index }) {
    return { pixels: session.imagePixels(true, index), label: session.imageLabel(true, index) };
  },
  // Up to `max` test images of class `actual` that the network takes for `predicted`.
  imagesInCell(session, { actual, predicted, max = 32 }) {
    const guesses = Int32Array.from(session.testPredictions());
    const indices = [];
    for (let i = 0; i < guesses.length && indices.length < max; i += 1) {
      if (guesses[i] === predicted && session.imageLabel(true, i) === actual) indices.push(i);
    }
    const pixels = new Uint8Array(indices.length * PIXELS);
    indices.forEach((index, j) => pixels.set(session.imagePixels(true, index), j * PIXELS));
    return { indices: Int32Array.from(indices), pixels };
  },
};
