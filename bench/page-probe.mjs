// Runs inside the page before its own scripts (Playwright's addInitScript serialises this
// function, so it must not refer to anything outside itself). It only observes:
//   - the element's own counters (metrics.frames per drawn frame, metrics.epoch),
//   - long main-thread tasks, through a 'longtask' PerformanceObserver registered before play,
//   - requestAnimationFrame ticks, to tell a slow page from a browser that offers few frames,
//   - the time from each 'frame' request to the worker's answer, by wrapping Worker's
//     postMessage and listening to its messages (engine.js's {id, op} protocol), and the
//     worker's own estimate of its time per epoch, which its answers carry (msPerEpoch).
export function pageProbe() {
  const roundTrips = [];
  const epochMs = [];
  let measuring = false;

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      const sent = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message && message.op === 'frame') sent.set(message.id, performance.now());
        return post(message, ...rest);
      };
      this.addEventListener('message', ({ data }) => {
        const at = sent.get(data?.id);
        if (at === undefined) return;
        sent.delete(data.id);
        if (!measuring) return;
        roundTrips.push(performance.now() - at);
        if (typeof data.result?.msPerEpoch === 'number') epochMs.push(data.result.msPerEpoch);
      });
    }
  };

  let rafTicks = 0;
  const tick = () => {
    rafTicks++;
    requestAnimationFrame(tick);
  };

  let longestTask = 0;
  let longTasks = 0;
  let observer = null;

  const snapshot = () => {
    const m = document.querySelector('nn-playground').metrics;
    return { time: performance.now(), frames: m.frames, epoch: m.epoch, rafTicks, longestTask, longTasks };
  };

  const summary = (values) => {
    if (!values.length) return null;
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1], count: sorted.length };
  };

  window.__nnBench = {
    start() {
      observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          longTasks++;
          longestTask = Math.max(longestTask, entry.duration);
        }
      });
      observer.observe({ type: 'longtask' });
      requestAnimationFrame(tick);
      measuring = true;
      document.querySelector('nn-playground').play();
      return snapshot();
    },
    stop() {
      measuring = false;
      // Hand over entries the observer has queued but not yet delivered.
      for (const entry of observer.takeRecords()) {
        longTasks++;
        longestTask = Math.max(longestTask, entry.duration);
      }
      observer.disconnect();
      return { ...snapshot(), roundTrips: summary(roundTrips), workerMsPerEpoch: summary(epochMs) };
    },
  };
}
