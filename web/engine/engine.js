// Main-thread proxy for worker.js. Every playground on the page has its own Engine (its own
// Session in the worker), and all of them share one worker: one download and one compile of
// the wasm module, one JS heap. Each method posts {id, sid, op, ...} and returns a promise of
// the worker's answer. Frames (the long calls) wait here and go to the worker one at a time,
// in the order asked; each playground asks for at most two, so playgrounds take turns, and any
// other call (a playground that just scrolled into view configuring) waits for one frame at
// most, not for every frame already asked for.
//
// A trap in the worker (or its error event) loses every Session at once. The host then holds
// every call and loads recovery.js (on the first crash only: a page that never crashes never
// downloads it), which starts a new worker, loads each Session from its last checkpoint and
// sends the held calls again. A worker that never loaded is given up at once: every engine's
// onFatal(message) is called, as with one worker each.

const sameOrigin = (url) => url.origin === globalThis.location?.origin;

// A page may load nnplay.js from a CDN, and a worker script must come from the page's origin: a
// one-line module of the page's origin (a blob: URL) imports the worker from the CDN instead
// (CORS, which the npm CDNs send). The worker finds the wasm next to its own URL, the CDN's.
function crossOriginShim(url) {
  return URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
}

class EngineHost {
  constructor() {
    this.worker = null;
    this.engines = new Map();   // sid -> Engine
    this.calls = new Map();     // id -> { engine, op, args, resolve, reject }
    this.nextId = 1;            // of calls and of sessions (sid)
    this.loaded = false;        // the worker has answered once, so the module loads
    this.frames = [];           // [id, call] of frames not sent yet, oldest first
    this.frameBusy = false;     // a frame is in the worker
    this.restarts = [];         // times of recent restarts (recovery.js)
    this.recovering = false;    // crashed: calls wait in `calls` until recovery.js sends them
  }

  remove(engine) {
    this.engines.delete(engine.sid);
    // The last playground left: the worker and its memory go too.
    if (this.engines.size) this.worker?.postMessage({ id: 0, sid: engine.sid, op: 'close' });
    else this.worker = this.worker?.terminate() ?? null;
  }

  start() {
    const url = new URL('./worker.js', import.meta.url);
    const worker = new Worker(sameOrigin(url) ? url : crossOriginShim(url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (worker !== this.worker) return;
      this.loaded = true;
      const call = this.calls.get(data.id);
      if (!call) return;
      this.calls.delete(data.id);
      if (call.op === 'frame') {
        this.frameBusy = false;
        this.pump();
      }
      if (typeof data.checkpoint === 'string') Object.assign(call.engine, { checkpoint: data.checkpoint, classNames: data.classNames });
      if (data.fatal) {
        // A trap leaves the wasm instance in an unknown state: every session restarts.
        call.reject(new Error(data.error));
        this.crashed(data.error);
      } else if ('error' in data) call.reject(new Error(data.error));
      else call.resolve(data.result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker === this.worker) this.crashed(event.message || 'the worker failed to load');
    };
    this.worker = worker;
  }

  send(id, call) {
    this.calls.set(id, call);
    if (this.recovering) return;
    if (!this.worker) this.start();
    if (call.op === 'frame') this.frameBusy = true;
    this.worker.postMessage({ id, sid: call.engine.sid, op: call.op, ...call.args });
  }

  pump() {
    if (!this.frameBusy && !this.recovering && this.frames.length) this.send(...this.frames.shift());
  }

  call(engine, op, args) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const call = { engine, op, args, resolve, reject };
      if (op !== 'frame') {
        this.send(id, call);
        return;
      }
      this.frames.push([id, call]);
      this.pump();
    });
  }

  // Rejects every call of `engine`, sent or waiting.
  drop(engine, message) {
    for (const [id, call] of this.calls) {
      if (call.engine !== engine) continue;
      this.calls.delete(id);
      if (call.op === 'frame') this.frameBusy = false;
      call.reject(new Error(message));
    }
    this.frames = this.frames.filter(([, call]) => call.engine !== engine || call.reject(new Error(message)));
    this.pump();
  }

  recycle(engine, buffer) {
    if (this.worker) this.worker.postMessage({ op: 'recycle', sid: engine.sid, buffer }, [buffer]);
  }

  failAll(message) {
    this.recovering = true;   // nothing is sent (no new worker) while the engines fail one by one
    for (const engine of [...this.engines.values()]) engine.fail(message);
    this.recovering = false;
  }

  crashed(reason) {
    const old = this.worker;
    this.worker = null;
    old?.terminate();
    const message = `the engine stopped: ${reason}`;
    if (!this.loaded) return this.failAll(message);
    this.recovering = true;
    import('./recovery.js').then(({ recover }) => recover(this, message),
      (error) => this.failAll(`${message}; ${error.message}`));
  }
}

let host = null;

export class Engine {
  // onFatal(message): the engine cannot go on (the worker failed for good).
  // onRecovered(message): the worker crashed and this session is back where it was.
  constructor({ onFatal = () => {}, onRecovered = () => {} } = {}) {
    this.dead = false;
    this.onFatal = onFatal;
    this.onRecovered = onRecovered;
    this.checkpoint = null;   // the session's last save(), for a restart
    this.classNames = null;   // and its imported CSV's class names
    host ??= new EngineHost();
    this.host = host;
    this.sid = host.nextId++;
    host.engines.set(this.sid, this);
  }

  // The shared worker (null until the first call on the page), for tools and tests.
  get worker() { return this.host.worker; }

  fail(message) {
    if (this.dead) return;
    this.dead = true;
    this.host.drop(this, message);
    this.host.remove(this);
    this.onFatal(message);
  }

  call(op, args = {}) {
    if (this.dead) return Promise.reject(new Error('the engine has stopped'));
    return this.host.call(this, op, args);
  }

  configure(text) { return this.call('configure', { text }); }
  set(key, value) { return this.call('set', { key, value }); }
  reset() { return this.call('reset'); }
  setParam(index, value) { return this.call('setParam', { index, value }); }
  newWeights() { return this.call('newWeights'); }
  // Trains `epochs` (a count, 'batch' for one mini-batch, or 'auto'), then returns metrics, the grid of every unit, the
  // neurons' maps at mapSide x mapSide (when mapSide > 0), params, the confusion matrix and, when
  // asked, the last batch's gradients and every point's loss. The grid holds the full maps of
  // units gridFrom on (frame.gridFrom; 0, every unit, by default).
  frame(epochs, gridSize, { gradients = false, pointLosses = false, mapSide = 0, gridFrom = 0 } = {}) {
    return this.call('frame', { epochs, gridSize, mapSide, gradients, pointLosses, gridFrom });
  }
  // Hands a drawn frame's grid or maps back to the worker for reuse; the array is unusable afterwards.
  recycle(array) {
    if (this.dead || !(array?.buffer instanceof ArrayBuffer)) return;
    this.host.recycle(this, array.buffer);
  }
  trace(x, y, label, index = -1) { return this.call('trace', { x, y, label, index }); }
  setSlice(across, up) { return this.call('setSlice', { across, up }); }
  // Trains `batches` mini-batches: { before, after, gradients, learningRate, epoch, metrics }.
  stepBatches(batches = 1) { return this.call('stepBatches', { batches }); }
  params() { return this.call('params'); }
  setParams(values) { return this.call('setParams', { values }); }
  addPoint(x, y, label, isTest = false) { return this.call('addPoint', { x, y, label, isTest }); }
  removePoint(index) { return this.call('removePoint', { index }); }
  importCsv(text) { return this.call('importCsv', { text }); }
  exportCsv() { return this.call('exportCsv'); }
  save() { return this.call('save'); }
  load(json) { return this.call('load', { json }); }
  previews(datasets, numClasses = 2) { return this.call('previews', { datasets, numClasses }); }
  // Clothing images (dataset=fashion; the worker fetches the images when configure asks for them).
  // A drawn or any 28 x 28 image (Uint8Array 0..255, or Float32Array 0..1) forward:
  // { probabilities, sums, activations }.
  predictImage(pixels) { return this.call('predictImage', { pixels }); }
  // Test image `index` (or `pixels` with `label`) forward and backward, as trace() for a point.
  traceImage({ index, pixels, label } = {}) { return this.call('traceImage', { index, pixels, label }); }
  // { pixels, label } of test image `index`.
  testImage(index) { return this.call('testImage', { index }); }
  // { indices, pixels } of up to `max` test images of class `actual` taken for `predicted`.
  imagesInCell(actual, predicted, max = 32) { return this.call('imagesInCell', { actual, predicted, max }); }

  // The playground is gone: its session is closed; the worker stays for the others.
  terminate() {
    if (this.dead) return;
    this.dead = true;
    this.host.drop(this, 'the engine was stopped');
    this.host.remove(this);
  }
}
