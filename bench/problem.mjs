// The shared race: one nnplay Session defines the data, the network shape and its initial
// weights, and every engine is handed exactly those numbers, so differences in speed are
// differences in engines, not in setups.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

// Fixed epoch order (shuffle=false): every engine visits the training points in the order
// points() lists them, in consecutive batches, the last partial batch included. Loss, optimizer
// and regularisation are spelled out so the race stays defined if the core's defaults change.
const BASE_CONFIG = 'dataset=spiral&activation=tanh&learningRate=0.03&shuffle=false' +
  '&loss=squared&optimizer=sgd&regularization=none';
export const LEARNING_RATE = 0.03;
export const SEED = 'bench';
export const GRID_SIZE = 100;
// Grid coordinates span [-GRID_EXTENT, GRID_EXTENT]^2, as the engine's evaluate_grid does.
const GRID_EXTENT = 6;

// The image workloads (W7): all ten clothing classes at 28 x 28 (784 inputs), 50 training
// images per class in the session's fixed order (classes interleaved), softmax cross-entropy.
const IMAGE_CONFIG = 'dataset=fashion&imageClasses=all&imageSize=28&numSamples=500&activation=tanh' +
  '&learningRate=0.03&shuffle=false&optimizer=sgd&regularization=none';
const IMAGE_ASSET = new URL('../dist/fashion/', import.meta.url);

export function configText({ hidden, batchSize, seed = SEED, images = false }) {
  return `${images ? IMAGE_CONFIG : BASE_CONFIG}&seed=${seed}&networkShape=${hidden.join(',')}&batchSize=${batchSize}`;
}

// Hands a session the asset's classes (dist/fashion/<key>.idx.gz, written by npm run build:dist)
// that `config` needs; the bytes are read once per process.
const imageBytes = new Map();
export function loadImages(session, config) {
  for (const key of session.missingImageClasses(config)) {
    if (!imageBytes.has(key)) {
      const file = fileURLToPath(new URL(`${key}.idx.gz`, IMAGE_ASSET));
      if (!existsSync(file)) throw new Error(`${file} is missing: npm run build:dist writes the clothing asset`);
      imageBytes.set(key, gunzipSync(readFileSync(file)));
    }
    session.addImageClass(key, imageBytes.get(key));
  }
}

// Data and initial weights of an image network: the session's training images as it feeds them
// to its input layer (pixel / 255, as core/images.cpp's image_inputs rounds it), feature-major
// [inputs, count], and their class labels.
export function makeImageProblem(nn, hidden) {
  const session = new nn.Session();
  try {
    const config = configText({ hidden, batchSize: 1, images: true });
    loadImages(session, config);
    session.configure(config);
    const count = session.imageCount(false);
    const unitCounts = Array.from(session.unitCounts());
    const inputs = unitCounts[0], classes = unitCounts.at(-1);
    const x = new Float32Array(inputs * count), labels = new Int32Array(count);
    const scale = Math.fround(1 / 255);
    for (let i = 0; i < count; i++) {
      const pixels = session.imagePixels(false, i);
      for (let p = 0; p < inputs; p++) x[p * count + i] = Math.fround(pixels[p] * scale);
      labels[i] = session.imageLabel(false, i);
    }
    return { hidden, images: true, sizes: [inputs, ...hidden, classes], params: session.params().slice(), unitCounts,
      train: { x, labels, count, classes } };
  } finally {
    session.delete();
  }
}

// The largest batch size this nncore build accepts, read from its own validation message
// ("batchSize: ... allowed 1 to 30"), so the benchmark follows the core when the cap moves.
export function nnplayBatchLimit(nn) {
  const errors = nn.validateConfig('batchSize=1000000');
  if (errors.length === 0) return Infinity;
  const match = /allowed \d+ to (\d+)/.exec(errors[0]);
  if (!match) throw new Error(`cannot read nnplay's batch size limit from "${errors[0]}"`);
  return Number(match[1]);
}

// Data and initial weights for one network shape. Neither depends on the batch size.
export function makeProblem(nn, hidden) {
  const session = new nn.Session();
  try {
    session.configure(configText({ hidden, batchSize: 1 }));
    if (!/shuffle=false/.test(session.config())) {
      throw new Error('this nncore build ignores shuffle=false, so epochs would differ between ' +
        'engines; rebuild it with `npm run build:wasm`');
    }
    const points = session.points().slice();
    const params = session.params().slice();
    const unitCounts = Array.from(session.unitCounts());
    const records = points.length / 4;
    let count = 0;
    while (count < records && points[count * 4 + 3] === 0) count++;
    const x = new Float32Array(count), y = new Float32Array(count), t = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      x[i] = points[i * 4];
      y[i] = points[i * 4 + 1];
      t[i] = points[i * 4 + 2];
    }
    return { hidden, sizes: [2, ...hidden, 1], params, unitCounts, train: { x, y, t, count } };
  } finally {
    session.delete();
  }
}

// Each layer's W [out, in] (row-major) and b [out] as views of the flat parameter buffer,
// whose layout is all weights layer by layer, then all biases layer by layer.
export function layerParams(problem) {
  const { sizes, params } = problem;
  const layers = [];
  let w = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    layers.push({ in: sizes[l], out: sizes[l + 1], W: params.subarray(w, w + sizes[l] * sizes[l + 1]) });
    w += sizes[l] * sizes[l + 1];
  }
  for (const layer of layers) {
    layer.b = params.subarray(w, w + layer.out);
    w += layer.out;
  }
  return layers;
}

// The grid's input coordinates, point p = row * n + column; row 0 is y = +6 and column 0 is
// x = -6, rounded to float32 in the same order of operations as the C++ engine.
export function gridInputs(n) {
  const x = new Float32Array(n * n), y = new Float32Array(n * n);
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      x[i * n + j] = f(-GRID_EXTENT + f(f(2 * GRID_EXTENT * j) / (n - 1)));
      y[i * n + j] = f(GRID_EXTENT - f(f(2 * GRID_EXTENT * i) / (n - 1)));
    }
  }
  return { x, y };
}
