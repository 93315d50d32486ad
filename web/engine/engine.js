// Main-thread proxy for worker.js: each method posts {id, op, ...} and returns a promise of
// the worker's answer. One Engine per playground, so several playgrounds never share state.
export class Engine {
  // onFatal(message) is called once if the worker dies (a trap, a failed load).
  constructor({ onFatal = () => {} } = {}) {
    this.pending = new Map();
    this.nextId = 1;
    this.dead = false;
    this.onFatal = onFatal;
    this.worker = null;   // started by the first call, so an engine nobody has used costs nothing
  }

  startWorker() {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => {
      const call = this.pending.get(data.id);
      if (!call) return;
      this.pending.delete(data.id);
      if (data.fatal) {
        // A trap leaves the wasm instance in an unknown state: this engine is done.
        call.reject(new Error(data.error));
        this.worker.terminate();
        this.fail(`the engine stopped: ${data.error}`, this.onFatal);
      } else if ('error' in data) call.reject(new Error(data.error));
      else call.resolve(data.result);
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(`the engine stopped: ${event.message || 'the worker failed to load'}`, this.onFatal);
    };
  }

  fail(message, onFatal) {
    if (this.dead) return;
    this.dead = true;
    for (const call of this.pending.values()) call.reject(new Error(message));
    this.pending.clear();
    onFatal(message);
  }

  call(op, args = {}) {
    if (this.dead) return Promise.reject(new Error('the engine has stopped'));
    if (!this.worker) this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args });
    });
  }

  configure(text) { return this.call('configure', { text }); }
  set(key, value) { return this.call('set', { key, value }); }
  reset() { return this.call('reset'); }
  setParam(index, value) { return this.call('setParam', { index, value }); }
  newWeights() { return this.call('newWeights'); }
  // Trains `epochs` (a count, 'batch' for one mini-batch, or 'auto'), then returns metrics, the grid of every unit, the
  // neurons' maps at mapSide x mapSide (when mapSide > 0), params, the confusion matrix and, when
  // asked, the last batch's gradients and every point's loss.
  frame(epochs, gridSize, { gradients = false, pointLosses = false, mapSide = 0 } = {}) {
    return this.call('frame', { epochs, gridSize, mapSide, gradients, pointLosses });
  }
  // Hands a drawn frame's grid or maps back to the worker for reuse; the array is unusable afterwards.
  recycle(array) {
    if (this.dead || !this.worker || !(array?.buffer instanceof ArrayBuffer)) return;
    this.worker.postMessage({ op: 'recycle', buffer: array.buffer }, [array.buffer]);
  }
  trace(x, y, label) { return this.call('trace', { x, y, label }); }
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

  terminate() {
    this.worker?.terminate();
    this.fail('the engine was stopped', () => {});
  }
}
