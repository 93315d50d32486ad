// TensorFlow.js 4.22 on its wasm backend: the SIMD build, one thread. Variables hold the
// weights, the data is uploaded once, and each step is optimizer.minimize inside tf.tidy.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { layerParams, gridInputs, LEARNING_RATE } from '../problem.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../build/bench/', import.meta.url));
const WASM_DIR = `${ROOT}node_modules/@tensorflow/tfjs-backend-wasm/dist/`;
const require = createRequire(import.meta.url);

// tfjs-core's Node entry registers no gradients (the @tensorflow/tfjs umbrella package does
// that), and its ES module files use extensionless imports that Node cannot load. Bundling
// core, its gradients and the wasm backend into one CommonJS file, once, gives a single copy of
// each with everything registered, which is how applications ship TF.js anyway.
async function bundle() {
  const version = require('@tensorflow/tfjs-core/package.json').version;
  const wasmVersion = require('@tensorflow/tfjs-backend-wasm/package.json').version;
  const file = `${OUT_DIR}tfjs-${version}-wasm-${wasmVersion}.cjs`;
  if (existsSync(file)) return file;
  mkdirSync(OUT_DIR, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    stdin: {
      contents: `export * from '@tensorflow/tfjs-core';
        import '@tensorflow/tfjs-core/dist/register_all_gradients';
        export { setWasmPaths, setThreadsCount, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],  // the ES builds, so core's gradients and backend share one core
    outfile: file,
    logLevel: 'error',
  });
  return file;
}

// Loads TF.js and selects the wasm backend: SIMD on, threads off. In Node TF.js already reports
// no thread support; setting the flag and the thread count makes that explicit, so the
// threaded binary is never picked. Returns what the backend reports about itself.
export async function loadTfjs() {
  const tf = require(await bundle());
  tf.enableProdMode();  // a deployed page's settings
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.setThreadsCount(1);
  tf.setWasmPaths(WASM_DIR);
  if (!(await tf.setBackend('wasm'))) throw new Error('TF.js could not start its wasm backend');
  await tf.ready();
  const info = {
    version: tf.version_core,
    backend: tf.getBackend(),
    simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    threadCount: tf.getThreadsCount(),
  };
  if (!info.simd) throw new Error('TF.js reports no WASM SIMD support; the race needs its SIMD build');
  if (info.threads || info.threadCount !== 1) throw new Error('TF.js would run threaded; the race needs one thread');
  return { tf, info };
}

// What both engines share: an epoch is one minimize() per batch, and the loss is over all the
// data. TF.js counts no epochs and never stops by itself: the count is of trainEpoch() calls, and
// whether the weights moved shows in the loss (see checkWork in bench/checks.mjs).
function trainingLoop(tf, { batches, optimizer, variables, loss, inputs, targets, batchSize }) {
  let epochs = 0;
  const fullLoss = () => {
    const value = tf.tidy(() => loss({ x: inputs, t: targets }));
    const result = value.dataSync()[0];
    value.dispose();
    return result;
  };
  return {
    batchSize,
    progress: () => ({ epochs, loss: fullLoss(), stopped: '' }),
    trainEpoch() {
      epochs++;
      for (const batch of batches) tf.tidy(() => { optimizer.minimize(() => loss(batch), false, variables); });
    },
    loss: fullLoss,
  };
}

// Activations are feature-major, A [units, batch], like nnplay's: Z = W A + b needs no
// transposes with W [out, in], and each unit's grid map is one contiguous row.
export function tfjsEngine(tf, problem, batchSize) {
  if (problem.images) return tfjsImageEngine(tf, problem, batchSize);
  const layers = layerParams(problem).map(({ in: inputs, out, W, b }) => ({
    W: tf.variable(tf.tensor2d(W, [out, inputs])),
    b: tf.variable(tf.tensor2d(b, [out, 1])),
  }));
  const variables = layers.flatMap(({ W, b }) => [W, b]);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const half = tf.scalar(0.5);
  const { x, y, t, count } = problem.train;
  const inputs = tf.tensor2d([...x, ...y], [2, count]);
  const targets = tf.tensor2d(t, [1, count]);
  const batches = [];
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    batches.push({ x: tf.slice(inputs, [0, start], [2, size]), t: tf.slice(targets, [0, start], [1, size]) });
  }
  const grids = new Map();
  const gridOf = (n) => {
    if (!grids.has(n)) {
      const g = gridInputs(n);
      grids.set(n, { ...g, tensor: tf.tensor2d([...g.x, ...g.y], [2, n * n]) });
    }
    return grids.get(n);
  };

  // Every layer's activation; the last one is the network's output.
  const forward = (a) => layers.map(({ W, b }) => (a = tf.tanh(tf.add(tf.matMul(W, a), b))));
  // 1/2 (y - t)^2 averaged over the batch.
  const loss = (batch) => tf.mul(half, tf.mean(tf.square(tf.sub(forward(batch.x).at(-1), batch.t))));

  const engine = {
    ...trainingLoop(tf, { batches, optimizer, variables, loss, inputs, targets, batchSize }),
    // gridOf runs outside tf.tidy, which would otherwise dispose the cached input tensor.
    gridOutput(n) {
      const grid = gridOf(n);
      const output = tf.tidy(() => forward(grid.tensor).at(-1));
      const values = output.dataSync();
      output.dispose();
      return values;
    },
    // Same layout as nnplay's grid: unit u's n*n values at u * n * n, inputs first.
    gridAll(n) {
      const grid = gridOf(n);
      const points = n * n;
      const activations = tf.tidy(() => forward(grid.tensor));
      const out = new Float32Array(problem.unitCounts.reduce((a, b) => a + b, 0) * points);
      out.set(grid.x, 0);
      out.set(grid.y, points);
      let offset = 2 * points;
      for (const a of activations) {
        out.set(a.dataSync(), offset);
        offset += a.size;
        a.dispose();
      }
      return out;
    },
    dispose() {
      tf.dispose([variables, half, inputs, targets, batches.map((b) => [b.x, b.t])]);
      for (const g of grids.values()) g.tensor.dispose();
      optimizer.dispose();
    },
  };
  return engine;
}

// The image network (W7): tanh hidden layers, linear output logits, and the softmax
// cross-entropy -sum t log softmax(z) averaged over the batch. Laid out the way tf.layers.dense
// works, sample-major A [batch, units] and kernels [in, out]: at batch 10 that measured about
// 1.5x the feature-major form above (CPU time, 784-64-10), and the same at 256. The inputs and
// one-hot targets are uploaded once and sliced into batches once, as above.
function tfjsImageEngine(tf, problem, batchSize) {
  const last = problem.sizes.length - 2;
  const layers = layerParams(problem).map(({ in: inputs, out, W, b }) => ({
    W: tf.variable(tf.tidy(() => tf.transpose(tf.tensor2d(W, [out, inputs])))),
    b: tf.variable(tf.tensor2d(b, [1, out])),
  }));
  const variables = layers.flatMap(({ W, b }) => [W, b]);
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const { x, labels, count, classes } = problem.train;
  const width = problem.sizes[0];
  const inputs = tf.tidy(() => tf.transpose(tf.tensor2d(x, [width, count])));
  const oneHot = new Float32Array(count * classes);
  labels.forEach((label, i) => { oneHot[i * classes + label] = 1; });
  const targets = tf.tensor2d(oneHot, [count, classes]);
  const batches = [];
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    batches.push({ x: tf.slice(inputs, [start, 0], [size, width]), t: tf.slice(targets, [start, 0], [size, classes]) });
  }
  const logits = (a) => {
    layers.forEach(({ W, b }, l) => { a = tf.add(tf.matMul(a, W), b); if (l < last) a = tf.tanh(a); });
    return a;
  };
  const loss = (batch) => {
    const z = logits(batch.x);
    const logProbabilities = tf.sub(z, tf.logSumExp(z, 1, true));
    return tf.neg(tf.div(tf.sum(tf.mul(batch.t, logProbabilities)), batch.x.shape[0]));
  };
  const engine = {
    ...trainingLoop(tf, { batches, optimizer, variables, loss, inputs, targets, batchSize }),
    dispose() {
      tf.dispose([variables, inputs, targets, batches.map((b) => [b.x, b.t])]);
      optimizer.dispose();
    },
  };
  return engine;
}
