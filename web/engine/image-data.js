// The worker's side of clothing images, loaded (import()) only when a configuration asks for
// them, so a 2-D playground never fetches this code, the image engine or the images. Compiles
// the image engine, fetches each chosen class's asset file (<key>.idx.gz, next to the worker in
// dist/fashion/) once, hands it to the session, and answers the image views' frame fields and
// operations.
import { ENGINE_CAPS, ENGINE_SETTINGS } from '../gen/limits.js';

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

// What the page needs once per build of image data.
export function imageStructure(session) {
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

// Per session: when its metrics were last measured, and those metrics.
const measured = new WeakMap();

// A fresh build: the next frame measures at once.
export function resetImageFrames(session) {
  measured.delete(session);
}

// The frame of image data: metrics (refreshed at most every METRICS_EVERY_MS while `throttled`,
// i.e. training at the 'auto' pace) and the first layer's weights [units of the first layer,
// width * height], row per neuron.
export function imageFrame(session, trained, throttled) {
  const now = performance.now();
  let last = measured.get(session);
  if (!throttled || trained === 0 || !last || now - last.at >= METRICS_EVERY_MS) {
    last = { at: now, metrics: session.metrics(), confusion: Array.from(session.confusion()) };
    measured.set(session, last);
  }
  const counts = session.unitCounts();
  const params = Float32Array.from(session.params());
  return {
    metrics: last.metrics, confusion: last.confusion, params,
    inputWeights: params.slice(0, counts[0] * counts[1]),
  };
}

// Mini-batches for about `budgetMs` (an epoch of images is longer than a frame): returns
// { batches, msPerBatch } with the running estimate updated.
export function trainFor(session, budgetMs, msPerBatch) {
  const batches = msPerBatch === null ? 1 : Math.max(1, Math.min(10000, Math.floor(budgetMs / msPerBatch)));
  const start = performance.now();
  session.step(batches);
  const measured = Math.max((performance.now() - start) / batches, 1e-4);
  return { batches, msPerBatch: msPerBatch === null ? measured : 0.7 * msPerBatch + 0.3 * measured };
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
