// The only file that loads the wasm module. It owns one Session per playground and answers
// {id, op, ...} messages from engine.js with {id, result} or {id, error}.
// Training runs in one of two ways. With epochs per frame on "auto" the worker trains on its
// own in short chunks (`run`), yielding to its message queue between chunks, so a frame
// request costs only the grid and the page draws at the display's rate while every spare
// moment trains. With a fixed count, each frame request trains that many epochs first.
import createNnCore from './gen/nncore.mjs';

// One chunk of continuous training: short enough that a frame request waits little for it.
const CHUNK_MS = 6;
const MAX_CHUNK_EPOCHS = 1000;

let session = null;
let previewSession = null;
let msPerEpoch = 0.05;  // running estimate for chunk sizes, refined after every chunk
let running = false;    // continuous training on
let trainedSinceFrame = 0;

// Posting to our own port continues the loop after any queued messages, without the 4 ms
// clamp nested timers get.
const loopChannel = new MessageChannel();
loopChannel.port1.onmessage = () => trainChunk();

function trainChunk() {
  if (!running || !session) return;
  const before = session.metrics().epoch;
  train('auto');
  const after = session.metrics().epoch;
  trainedSinceFrame += after - before;
  // Diverged or auto-stopped: the session refuses to train; stop asking until told again.
  if (after === before) running = false;
  else loopChannel.port2.postMessage(0);
}

const ready = createNnCore().then((nn) => {
  session = new nn.Session();
  previewSession = new nn.Session();
  return nn;
});

function autoEpochs() {
  return Math.max(1, Math.min(MAX_CHUNK_EPOCHS, Math.floor(CHUNK_MS / msPerEpoch)));
}

function train(epochs) {
  const count = epochs === 'auto' ? autoEpochs() : epochs;
  if (count <= 0) return 0;
  const start = performance.now();
  session.trainEpochs(count);
  const elapsed = performance.now() - start;
  msPerEpoch = 0.7 * msPerEpoch + 0.3 * Math.max(elapsed / count, 1e-4);
  return count;
}

// Every layer's maps copied out of wasm memory into one array, at once: a view dies when the
// memory grows. One copy per frame; the engine does not gather them first.
function gridCopy(size) {
  const layers = session.evaluateGridLayers(size);
  let total = 0;
  for (const view of layers) total += view.length;
  const grid = new Float32Array(total);
  let offset = 0;
  for (const view of layers) {
    grid.set(view, offset);
    offset += view.length;
  }
  return grid;
}

// What the page needs after the data or the network changed.
function structure() {
  return {
    points: Float32Array.from(session.points()),
    unitCounts: Array.from(session.unitCounts()),
    classes: session.classes(),
    lossName: session.lossName(),
    lossFormula: session.lossFormula(),
    config: session.config(),
    dataEdited: session.dataEdited(),
  };
}

const OPS = {
  configure({ text }) {
    session.configure(text);
    msPerEpoch = 0.05;
    return structure();
  },
  set({ key, value }) {
    session.set(key, String(value));
    return null;
  },
  reset() {
    session.reset();
    return null;
  },
  newWeights() {
    session.newWeights();
    return null;
  },
  setParam({ index, value }) {
    session.setParam(index, value);
    return null;
  },
  // Continuous training on or off (see the top of this file).
  run({ on }) {
    const start = on && !running;
    running = Boolean(on);
    if (start) loopChannel.port2.postMessage(0);
    return null;
  },
  // Trains `epochs` (a count; 0 while running continuously), then everything one drawn frame
  // shows. `trained` counts the epochs since the previous frame either way.
  frame({ epochs, gridSize, gradients, pointLosses }) {
    const trained = train(epochs === 'auto' ? 0 : epochs) + trainedSinceFrame;
    trainedSinceFrame = 0;
    const metrics = session.metrics();
    const grid = gridCopy(gridSize);
    return {
      trained, metrics, grid, msPerEpoch,
      params: Float32Array.from(session.params()),
      confusion: Array.from(session.confusion()),
      gradients: gradients ? Float32Array.from(session.lastGradients()) : null,
      pointLosses: pointLosses ? Float32Array.from(session.pointLosses()) : null,
    };
  },
  trace({ x, y, label }) {
    return session.tracePoint(x, y, label);
  },
  addPoint({ x, y, label, isTest }) {
    session.addPoint(x, y, label, isTest);
    return structure();
  },
  removePoint({ index }) {
    session.removePoint(index);
    return structure();
  },
  importCsv({ text }) {
    session.importCsv(text);
    return structure();
  },
  exportCsv() {
    return session.exportCsv();
  },
  save() {
    return session.save();
  },
  load({ json }) {
    session.load(json);
    return structure();
  },
  // Points of each named dataset at noise 0, for the dataset thumbnails.
  previews({ datasets, numClasses = 2 }) {
    const out = {};
    for (const name of datasets) {
      const regression = name.startsWith('reg-');
      const classes = regression || !MULTI_CLASS.has(name) ? 2 : numClasses;
      const problem = regression ? 'problem=regression&regDataset=' : 'dataset=';
      previewSession.configure(`${problem}${name}&numClasses=${classes}&seed=preview&networkShape=`);
      out[name] = Float32Array.from(previewSession.points());
    }
    return out;
  },
};

// The generators that can make more than two classes (the engine refuses the others).
const MULTI_CLASS = new Set(['circle', 'gauss', 'spiral', 'checkerboard']);

// Every typed array in a result moves to the page without a copy.
function transferables(value, out = []) {
  if (value instanceof Float32Array) out.push(value.buffer);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) transferables(v, out);
  return out;
}

self.onmessage = async ({ data }) => {
  const { id, op, ...args } = data;
  try {
    await ready;
    if (!Object.prototype.hasOwnProperty.call(OPS, op)) throw new Error(`unknown operation "${op}"`);
    const result = OPS[op](args);
    self.postMessage({ id, result }, transferables(result));
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
