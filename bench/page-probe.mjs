// Runs inside the page before its own scripts (Playwright's addInitScript serialises this
// function, so it must not refer to anything outside itself). It only observes:
//   - the element's own counters (metrics.frames per drawn frame, metrics.epoch),
//   - long main-thread tasks, through a 'longtask' PerformanceObserver registered before play,
//   - requestAnimationFrame ticks, to tell a slow page from a browser that offers few frames,
//   - the time from each 'frame' request to the worker's answer, by wrapping Worker's
//     postMessage and listening to its messages (engine.js's {id, op} protocol), and the
//     worker's own estimate of its time per epoch, which its answers carry (msPerEpoch),
//   - animation frames over 50 ms ('long-animation-frame' entries, where Chromium has them):
//     when they began after play and how they split into script and rendering,
//   - every worker answer handled in over 30 ms, by op: from its arrival to a message posted
//     then, i.e. its handler, the promise callbacks it runs, and whatever the browser ran
//     before the next task (a rendering step may count in it, so this is an upper bound).
export function pageProbe() {
  const roundTrips = [];
  const epochMs = [];
  const slowAnswers = [];
  let measuring = false;
  let playedAt = 0;

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      // Every request in flight: its op and when it was sent (engine.js's {id, op} protocol).
      const sent = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, ...rest) => {
        if (message?.id !== undefined) sent.set(message.id, { op: message.op, at: performance.now() });
        return post(message, ...rest);
      };
      // Registered before engine.js sets onmessage, so it runs first in each answer's task.
      this.addEventListener('message', ({ data }) => {
        const request = sent.get(data?.id);
        if (!request) return;
        sent.delete(data.id);
        const t0 = performance.now();
        const after = new MessageChannel();
        after.port1.onmessage = () => {
          const ms = performance.now() - t0;
          if (ms > 30 && playedAt) slowAnswers.push({ op: request.op ?? '?', atMs: Math.round(t0 - playedAt), ms: Math.round(ms) });
        };
        after.port2.postMessage(0);
        if (request.op !== 'frame' || !measuring) return;
        roundTrips.push(t0 - request.at);
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
  let frameObserver = null;
  const longFrames = [];
  const taskTimes = [];
  const noteTask = (entry) => {
    longTasks++;
    longestTask = Math.max(longestTask, entry.duration);
    taskTimes.push({ atMs: Math.round(entry.startTime - playedAt), ms: Math.round(entry.duration) });
  };
  const noteFrames = (entries) => {
    for (const f of entries) {
      longFrames.push({
        atMs: Math.round(f.startTime - playedAt), ms: Math.round(f.duration),
        // Before renderStart: tasks and rAF callbacks; after it: style, layout, paint, commit.
        scriptMs: Math.round((f.renderStart || f.startTime + f.duration) - f.startTime),
        renderMs: Math.round(f.renderStart ? f.startTime + f.duration - f.renderStart : 0),
        scripts: (f.scripts ?? []).filter((x) => x.duration >= 5)
          .map((x) => `${x.invoker || x.sourceFunctionName || '?'} ${Math.round(x.duration)} ms`),
      });
    }
  };

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
        for (const entry of list.getEntries()) noteTask(entry);
      });
      observer.observe({ type: 'longtask' });
      if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
        frameObserver = new PerformanceObserver((list) => noteFrames(list.getEntries()));
        frameObserver.observe({ type: 'long-animation-frame' });
      }
      playedAt = performance.now();
      requestAnimationFrame(tick);
      measuring = true;
      document.querySelector('nn-playground').play();
      return snapshot();
    },
    stop() {
      measuring = false;
      // Hand over entries the observer has queued but not yet delivered.
      for (const entry of observer.takeRecords()) noteTask(entry);
      observer.disconnect();
      if (frameObserver) {
        noteFrames(frameObserver.takeRecords());
        frameObserver.disconnect();
      }
      return { ...snapshot(), roundTrips: summary(roundTrips), workerMsPerEpoch: summary(epochMs), longFrames, taskTimes, slowAnswers };
    },
  };
}
