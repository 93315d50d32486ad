// Timing of repeated calls, the way a page makes them. V8 optimises a wasm or JS function
// only when it is entered again (there is no on-stack replacement for wasm), so every unit is
// first called repeatedly until warm, and a run is many calls of it, never one long call.
import v8 from 'node:v8';
import vm from 'node:vm';

const now = () => performance.now();

// A full garbage collection before each run, untimed, so that garbage one engine leaves behind
// is not collected on the next engine's clock. (npm runs plain `node`, so gc is exposed here.)
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

// Calls `unit` for at least `ms` (and at least `minCalls` times); returns ms per call.
function callFor(unit, ms, minCalls = 3) {
  const start = now();
  let calls = 0;
  do {
    unit();
    calls++;
  } while (now() - start < ms || calls < minCalls);
  return (now() - start) / calls;
}

function summarize(msPerCall) {
  const sorted = [...msPerCall].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), runs: sorted.length };
}

// Times several units side by side: warm each, size a run of each to about `runMs`, then take
// `runs` runs in turn (a, b, c, a, b, c, ...) so that a burst of load on the machine hits every
// engine alike instead of one. Returns {name: {median, min, max, runs, calls}} in ms per call.
export function timeSideBySide(units, { runs = 7, runMs = 150, warmMs = 300 } = {}) {
  const plans = Object.entries(units).map(([name, unit]) => {
    const estimate = callFor(unit, warmMs);
    return { name, unit, calls: Math.max(1, Math.round(runMs / estimate)), samples: [] };
  });
  for (let r = 0; r < runs; r++) {
    for (const plan of plans) {
      collectGarbage();
      const start = now();
      for (let i = 0; i < plan.calls; i++) plan.unit();
      plan.samples.push((now() - start) / plan.calls);
    }
  }
  return Object.fromEntries(plans.map((p) => [p.name, { ...summarize(p.samples), calls: p.calls }]));
}

export { summarize };
