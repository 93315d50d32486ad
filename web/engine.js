// Main-thread proxy for worker.js: each method posts {id, op, ...} and returns a promise of
// the worker's answer. One Engine per playground, so several playgrounds never share state.
export class Engine {
  // onFatal(message) is called once if the worker dies (a trap, a failed load).
  constructor({ onFatal = () => {} } = {}) {
    this.pending = new Map();
    this.nextId = 1;
    this.dead = false;
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => {
      const call = this.pending.get(data.id);
      if (!call) return;
      this.pending.delete(data.id);
      if ('error' in data) call.reject(new Error(data.error));
      else call.resolve(data.result);
    };
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(`the engine stopped: ${event.message || 'the worker failed to load'}`, onFatal);
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
  // Trains `epochs` (a count or 'auto'), then returns metrics, the grid of every unit and params.
  frame(epochs, gridSize) { return this.call('frame', { epochs, gridSize }); }
  previews(datasets) { return this.call('previews', { datasets }); }

  terminate() {
    this.worker.terminate();
    this.fail('the engine was stopped', () => {});
  }
}
