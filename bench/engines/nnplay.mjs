// nnplay's wasm module driven through its real JS API, the way web/engine/worker.js drives it.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { configText, loadImages } from '../problem.mjs';
import { joinLayers } from '../../web/engine/grid-copy.js';

const GEN = new URL('../../web/gen/', import.meta.url);

// emcc 3.1.6's ES6 glue reads `__dirname` under Node and would fetch() the wasm by path,
// which Node cannot do, so the bytes are handed over as wasmBinary. file: 'nncore.wasm' (the
// SIMD128 build) or 'nncore-scalar.wasm' (the build for browsers without SIMD128). `gen` is
// the folder of the build (another checkout's web/gen/ to race two builds, see bench --base).
export async function loadNnplay(file = 'nncore.wasm', gen = GEN) {
  globalThis.__dirname ??= '.';
  const wasmUrl = new URL(file, gen);
  // A build's glue is named after its module (nncore-images.mjs for nncore-images[-scalar].wasm)
  // where the build keeps one of its own; otherwise every module loads through nncore.mjs.
  const own = new URL(file.replace(/(-scalar)?\.wasm$/, '.mjs'), gen);
  const glue = existsSync(own) ? own : new URL('nncore.mjs', gen);
  const { default: createNnCore } = await import(glue.href);
  const nn = await createNnCore({ wasmBinary: await readFile(wasmUrl) });
  return { nn, built: (await stat(wasmUrl)).mtime };
}

// Every unit's n*n map copied out of wasm memory into one array, the way web/engine/worker.js does:
// per-layer views (evaluateGridLayers) copied once, or, in builds without it, the gathered
// grid (evaluateGrid) copied with .slice(). Views die when wasm memory grows, so the copy is
// made at once.
const recycled = new WeakMap();

export function copyGridAll(session, n) {
  if (typeof session.evaluateGridLayers !== 'function') return session.evaluateGrid(n).slice();
  // The page hands each drawn grid back to the worker, which copies the next one into it.
  const grid = joinLayers(session.evaluateGridLayers(n), recycled.get(session));
  recycled.set(session, grid);
  return grid;
}

// One Session per workload. `batchSize` may be below the problem's when the core caps it.
// `extraConfig` ('&key=value...') is appended to the race's settings (the tests use it to make a
// session auto-stop).
export function nnplayEngine(nn, problem, batchSize, { extraConfig = '' } = {}) {
  const session = new nn.Session();
  const config = configText({ hidden: problem.hidden, batchSize, images: problem.images }) + extraConfig;
  if (problem.images) loadImages(session, config);
  session.configure(config);
  session.setParams(problem.params);
  const batchesPerEpoch = Math.ceil(problem.train.count / batchSize);
  return {
    batchSize,
    // One call per epoch: step() runs that many mini-batches inside wasm.
    trainEpoch() { session.step(batchesPerEpoch); },
    loss() { return session.metrics().trainLoss; },
    // The session's own epoch count: step() does nothing once the session diverged or stopped.
    progress() {
      const m = session.metrics();
      const stopped = m.diverged ? 'diverged' : m.stopReason ? `auto-stop: ${m.stopReason}` : '';
      return { epochs: m.epoch, loss: m.trainLoss, stopped };
    },
    gridOutput(n) { return session.evaluateGridOutput(n).slice(); },
    gridAll(n) { return copyGridAll(session, n); },
    dispose() { session.delete(); },
  };
}
