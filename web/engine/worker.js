// The only file that loads the wasm module. One worker serves every playground on the page:
// one compiled module, one Session per playground, addressed by the session id (sid) that
// engine.js puts on every {id, sid, op, ...} message; answers are {id, result} or {id, error}.
// Training happens in frame-sized chunks on request, so the page decides the pace and never
// waits on a long call. The worker stays idle between frames: on two cores, a worker training
// flat out took the CPU the page needs to paint (34 instead of 52 frames/s in bench:page).
// Requests are answered in arrival order and each playground keeps at most two in flight
// (frame-pacer.js), so playgrounds take turns: with "auto" each turn is the same time budget.
import createNnCore from '../gen/nncore.mjs';
import { joinLayers, sampleMaps, wholeView } from './grid-copy.js';
import { simd128Supported } from './wasm-support.js';
import { elapsedSince } from './timing.js';
import { MULTI_CLASS } from '../state/multi-class.js';
import { csvClassNames } from '../state/class-names.js';

// How much worker time one frame's training may take when epochs per frame is "auto".
const AUTO_BUDGET_MS = 4;
const MAX_AUTO_EPOCHS = 1000;
// A frame carries a checkpoint (session.save()) at most this often, and after any call that
// may have changed the session: engine.js restores every session from it after a crash.
const CHECKPOINT_MS = 1000;
// Calls that change nothing a checkpoint holds.
const READ_ONLY = new Set(['frame', 'trace', 'params', 'exportCsv', 'save', 'previews', 'close']);

// The session the current message is for, and its running estimate for "auto". The ops below
// read these names as they did when the worker had one session; the dispatcher swaps them per
// message, so an op added in OPS routes by sid with no change.
let session = null;
// Running estimate for "auto", refined after every chunk; null until the network at hand has
// trained once. A guess could be far off (a 6x8 network takes 0.3 ms an epoch, a single neuron
// 0.01 ms): the first chunk after a (re)configure is one epoch, to measure, not a burst of tens
// of milliseconds that would hold a core just as the page starts to animate.
let msPerEpoch = null;
// Handed-back arrays of the current session (see `recycle`).
let spares = [];
// The class names of the current session's last imported CSV, while its points are the data
// (they stay through edits and network changes; new generated data or an opened experiment
// drop them).
let csvNames = null;
let nn = null;
let previewSession = null;
// ./image-data.js once a configuration has asked for clothing images (never for points). Image
// sessions run on the image engine (nncore-images.wasm, which image-data.js compiles on first
// use): nncore.wasm has no image code, so a points playground never downloads it.
let images = null;
const contexts = new Map();   // sid -> { session, msPerEpoch, spares, csvNames, checkpointAt, unsaved }
const previewCache = new Map();

// The SIMD128 build by default (the glue finds nncore.wasm next to itself); engines without
// SIMD128 load the scalar build through the same glue: the two differ only inside the .wasm.
const SIMD = simd128Supported();
const SCALAR_WASM = new URL('../gen/nncore-scalar.wasm', import.meta.url).href;

const ready = createNnCore(SIMD ? {} : { locateFile: () => SCALAR_WASM }).then((module) => {
  nn = module;
  previewSession = new nn.Session();
  return nn;
});

function contextFor(sid) {
  let context = contexts.get(sid);
  if (!context) {
    context = { session: new nn.Session(), msPerEpoch: null, spares: [], csvNames: null, checkpointAt: -Infinity, unsaved: false };
    contexts.set(sid, context);
  }
  return context;
}

// Whether the current session's data are images (only a session on the image engine can say so).
const imageData = () => images !== null && typeof session.imageData === 'function' && session.imageData();

function autoEpochs() {
  if (msPerEpoch === null) return 1;
  return Math.max(1, Math.min(MAX_AUTO_EPOCHS, Math.floor(AUTO_BUDGET_MS / msPerEpoch)));
}

// Trains `epochs` ('batch' = one mini-batch, 'auto', or a count); returns what it trained:
// the epoch count, or 1 for the mini-batch.
function train(epochs) {
  if (epochs === 'batch') {
    session.step(1);
    return 1;
  }
  const count = epochs === 'auto' ? autoEpochs() : epochs;
  if (count <= 0) return 0;
  const start = performance.now();
  session.trainEpochs(count);
  const measured = elapsedSince(start) / count;  // the cap was 1000 epochs, 300 ms at 6x8
  // A chunk preempted by the page or another session measures slow: a faster measure is taken
  // at once, a slower one only slowly, so equal networks settle on equal chunks (fair turns).
  msPerEpoch = msPerEpoch === null ? measured : Math.min(measured, 0.9 * msPerEpoch + 0.1 * measured);
  return count;
}

// The grid's maps in one array, one copy per frame: the engine does not gather them first.
// The page hands each frame's arrays back once drawn (see `recycle`), so a steady stream of
// frames allocates nothing: 2 MB a frame at 6x8 otherwise kept the garbage collector busy.
const MAX_SPARES = 6;

// Drops handed-back arrays of any other length: ones sized for a network or a frame request
// (a paused frame carries every unit) of before would otherwise stay in the pool for good.
function keepSpares(...lengths) {
  for (let i = spares.length - 1; i >= 0; i--) if (!lengths.includes(spares[i].length)) spares.splice(i, 1);
}

// A handed-back array of this length, if there is one.
function spare(length) {
  const i = spares.findIndex((array) => array.length === length);
  return i < 0 ? null : spares.splice(i, 1)[0];
}

// The grid of units `from` on (the page draws those at full size; the rest only as the
// neurons' maps, at mapSide x mapSide each after the inputs, or null), both copied out of wasm.
// Only the copies are kept: a view into wasm memory dies when that memory grows.
function gridCopy(size, from, mapSide) {
  const first = session.unitCounts()[0] ?? 0;
  const views = session.evaluateGridLayers(size);
  const total = views.reduce((sum, view) => sum + view.length, 0);
  const skip = Math.min(total, Math.max(0, Math.floor(from) || 0) * size * size);
  const mapsLength = mapSide > 0 ? Math.max(0, total / (size * size) - first) * mapSide * mapSide : -1;
  keepSpares(total - skip, mapsLength);
  const grid = joinLayers(views, spare(total - skip), skip);
  const shown = { grid, gridFrom: skip / (size * size) };
  if (!(mapSide > 0)) return { ...shown, maps: null };
  const whole = skip === 0 ? grid : wholeView(views) ?? joinLayers(views);
  return { ...shown, maps: sampleMaps(whole, size, first, mapSide, spare(mapsLength)) };
}

// Whether settings text asks for clothing images, read as the engine reads it: the last value of
// a key counts, and classification is the default problem.
function asksForImages(text) {
  const last = {};
  for (const pair of String(text).replace(/^#/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0) last[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return last.dataset === 'fashion' && last.problem !== 'regression';
}

// The session that can take `text`: the current one, or, the first time it asks for images, a
// new Session on the image engine, which then keeps it whatever data come later (that engine
// has all the 2-D one has). Either way with the clothing classes `text` needs fetched.
async function sessionFor(text, wide = false) {
  if (!wide && !asksForImages(text)) return session;
  // By URL, so that the worker's bundle leaves it out (dist/ has it as a bundle of its own).
  images ??= await import(new URL('./image-data.js', import.meta.url).href);
  const engine = await images.imageEngine(createNnCore, SIMD);
  const target = session instanceof engine.Session ? session : new engine.Session();
  await adopt(target, () => images.loadClasses(target, target.missingImageClasses(text)), false);
  return target;
}

// Runs `apply` on `target`; a new session replaces the current one once `apply` succeeded (a
// refused text leaves the playground's session as it was), and is deleted if it failed.
async function adopt(target, apply, replace = true) {
  try {
    await apply(target);
  } catch (error) {
    if (target !== session) target.delete();
    throw error;
  }
  if (replace && target !== session) {
    session.delete();
    session = target;
  }
}

// Wide CSV data (more than two input columns, on the image engine): { names, slice }, else null.
const wide = () => JSON.parse(session.wide?.() || 'null');

// What the page needs after the data or the network changed.
function structure() {
  if (!session.dataEdited()) csvNames = null;
  return {
    ...(imageData() ? images.imageStructure(session) : {}),
    classNames: csvNames?.length === session.classes() ? csvNames : null,
    points: Float32Array.from(session.points()),
    wide: wide(),
    unitCounts: Array.from(session.unitCounts()),
    classes: session.classes(),
    lossName: session.lossName(),
    config: session.config(),
    dataEdited: session.dataEdited(),
    build: SIMD ? 'simd128' : 'scalar',
  };
}

const OPS = {
  async configure({ text }) {
    await adopt(await sessionFor(text), (target) => target.configure(text));
    msPerEpoch = null;
    return structure();
  },
  set({ key, value }) {
    session.set(key, String(value));
    return null;
  },
  reset() {
    session.reset();
    if (imageData()) images.restart(session);
    return null;
  },
  newWeights() {
    session.newWeights();
    if (imageData()) images.restart(session);
    return null;
  },
  setParam({ index, value }) {
    session.setParam(index, value);
    return null;
  },
  // Trains `epochs` (a count, 'batch' or 'auto'), then everything one drawn frame shows.
  // gridFrom: the first unit whose full map the frame carries (0, every unit, by default).
  frame({ epochs, gridSize, mapSide, gradients, pointLosses, gridFrom = 0 }) {
    if (imageData()) return { ...images.imageFrame(session, epochs, train, { gradients, pointLosses }), msPerEpoch };
    const trained = train(epochs);
    const metrics = session.metrics();
    return {
      trained, metrics, ...gridCopy(gridSize, gridFrom, mapSide), msPerEpoch, mapSide,
      params: Float32Array.from(session.params()),
      confusion: Array.from(session.confusion()),
      gradients: gradients ? Float32Array.from(session.lastGradients()) : null,
      pointLosses: pointLosses ? Float32Array.from(session.pointLosses()) : null,
    };
  },
  // A data point (`index`) is followed with all of its inputs (wide data: not only its slice's two).
  trace({ x, y, label, index = -1 }) {
    return index < 0 || !session.traceSample ? session.tracePoint(x, y, label) : session.traceSample(index);
  },
  // The map's two inputs of wide data: the points as they now project.
  setSlice({ across, up }) {
    session.setSlice(across, up);
    return { points: Float32Array.from(session.points()), wide: wide() };
  },
  // `batches` mini-batches (one, for the explanations' "step one mini-batch"): the weights
  // before and after, the gradient the optimizer was given and the learning rate it used.
  stepBatches({ batches = 1 }) {
    const before = Float32Array.from(session.params());
    const { learningRate, epoch } = session.metrics();
    session.step(batches);
    if (imageData()) images.stepped(session, batches);
    return { before, after: Float32Array.from(session.params()), gradients: Float32Array.from(session.lastGradients()),
      learningRate, epoch, metrics: session.metrics() };
  },
  params() {
    return Float32Array.from(session.params());
  },
  setParams({ values }) {
    session.setParams(Array.from(values));
    return null;
  },
  addPoint({ x, y, label, isTest }) {
    session.addPoint(x, y, label, isTest);
    return structure();
  },
  removePoint({ index }) {
    session.removePoint(index);
    return structure();
  },
  async importCsv({ text }) {
    try {
      session.importCsv(text);
    } catch (error) {
      // nncore.wasm reads files of two inputs only (core/session_no_wide.cpp): a wider one moves
      // the session to the image engine, which has the N-wide path, with its settings.
      if (!String(error?.message).startsWith('csv: wide')) throw error;
      const config = session.config();
      await adopt(await sessionFor(config, true), (target) => { target.configure(config); target.importCsv(text); });
    }
    csvNames = csvClassNames(text);
    return structure();
  },
  exportCsv() {
    return session.exportCsv();
  },
  save() {
    return session.save();
  },
  // `classNames`: only when engine.js restores a checkpoint after a crash (see checkpoint()).
  async load({ json, classNames = null }) {
    let config = '', wide = false;
    try {
      const parsed = JSON.parse(json);
      config = parsed.config;
      wide = Boolean(parsed.data?.inputs);  // wide CSV data: the image engine, as for images
    } catch { /* session.load names what is wrong */ }
    await adopt(typeof config === 'string' ? await sessionFor(config, wide) : session, (target) => target.load(json));
    csvNames = classNames;
    return structure();
  },
  // Points of each named dataset at noise 0, for the dataset thumbnails.
  previews({ datasets, numClasses = 2 }) {
    // Every playground asks for the same thumbnails: computed once per worker, copied out.
    const key = `${numClasses}:${datasets.join(',')}`;
    if (!previewCache.has(key)) {
      const points = {};
      for (const name of datasets) {
        const regression = name.startsWith('reg-');
        const classes = regression || !MULTI_CLASS.has(name) ? 2 : numClasses;
        const problem = regression ? 'problem=regression&regDataset=' : 'dataset=';
        previewSession.configure(`${problem}${name}&numClasses=${classes}&seed=preview&networkShape=`);
        points[name] = Float32Array.from(previewSession.points());
      }
      previewCache.set(key, points);
    }
    return Object.fromEntries(Object.entries(previewCache.get(key)).map(([name, points]) => [name, points.slice()]));
  },
  // The playground is gone: its session's wasm memory is freed.
  close() {
    return null;
  },
};

for (const op of ['predictImage', 'traceImage', 'testImage', 'imagesInCell']) {
  OPS[op] = (args) => {
    if (!imageData()) throw new Error(`${op}: the data are not images`);
    return images.IMAGE_OPS[op](session, args);
  };
}

// Every typed array in a result moves to the page without a copy (each is a copy out of wasm memory).
function transferables(value, out = []) {
  if (value instanceof Float32Array || value instanceof Uint8Array || value instanceof Int32Array) out.push(value.buffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) transferables(v, out);
  return out;
}

// A checkpoint (session.save()) to go with an answer: after every call that may have changed
// the session, and on a frame when the last one is older than CHECKPOINT_MS.
// A frame that trains nothing after frames that did (the playground paused) checkpoints too,
// so a paused playground comes back exactly where it stopped.
function checkpoint(context, op, result) {
  if (op === 'close') return null;
  const now = performance.now();
  if (op === 'frame') {
    if (result.trained > 0) context.unsaved = true;
    const due = now - context.checkpointAt >= CHECKPOINT_MS || (result.trained === 0 && context.unsaved);
    if (!due) return null;
  } else if (READ_ONLY.has(op)) return null;
  context.checkpointAt = now;
  context.unsaved = false;
  try {
    return session.save();
  } catch {
    return null;   // nothing to save yet: the previous checkpoint stands
  }
}

// One operation at a time, in arrival order: one that waits for images (configure, load) holds
// the rest back, so the per-session names above stay those of the message being answered.
let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  queue = queue.then(() => handle(data));
};

async function handle(data) {
  const { id, sid, op, ...args } = data;
  if (op === 'recycle') {  // no answer: a buffer coming back for reuse
    const context = contexts.get(sid);
    if (!context || !(data.buffer instanceof ArrayBuffer)) return;
    // The newest are kept: arrays sized for a network that has since changed shape age out.
    context.spares.push(new Float32Array(data.buffer));
    if (context.spares.length > MAX_SPARES) context.spares.shift();
    return;
  }
  try {
    await ready;
    if (!Object.prototype.hasOwnProperty.call(OPS, op)) throw new Error(`unknown operation "${op}"`);
    const context = contextFor(sid);
    ({ session, msPerEpoch, spares, csvNames } = context);
    let result;
    try {
      result = await OPS[op](args);
    } finally {
      Object.assign(context, { session, msPerEpoch, csvNames });
    }
    const saved = checkpoint(context, op, result);
    if (op === 'close') {
      context.session.delete();
      contexts.delete(sid);
    }
    const restorable = saved === null ? {} : { checkpoint: saved, classNames: csvNames };
    self.postMessage({ id, result, ...restorable }, transferables(result));
  } catch (error) {
    // A wasm trap (RuntimeError) is fatal: engine.js restarts the worker and every session.
    const fatal = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error), fatal });
  }
}
