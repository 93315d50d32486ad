// The runs of one playground, oldest first: each run (a rebuild or reset to the next) with its
// settings as URL-hash text, its curves (at most CURVE_POINTS points), the time spent training
// and, for the newest, its weights. Fetched at a playground's first run end (see
// ../playground/runs-wiring.js, which keeps only the clock and hands each ended run over);
// the panel, sweeps and storage (runs-panel.js, run-store.js) work on `runs`.
export const MAX_RUNS = 20;
// Only the newest runs keep their weights (the engine's experiment text), and none over this size.
export const WEIGHTS_KEPT = 3;
export const MAX_WEIGHT_CHARS = 200000;
export const CURVE_POINTS = 200;
// Curve keys and the chart point fields they come from (views/chart.js, DownsampledHistory.at).
const SERIES = { epochs: 'epoch', trainLosses: 'trainLoss', testLosses: 'testLoss', trainAccuracies: 'trainAccuracy', testAccuracies: 'testAccuracy' };

// Up to `limit` of the loss chart's points, evenly spread, the last kept; no accuracies for a run
// that had none (regression).
export function curveOf(points, limit = CURVE_POINTS) {
  const n = points.length;
  const take = Math.min(n, limit);
  const curve = {};
  for (const [key, field] of Object.entries(SERIES)) {
    if (!(field in (points[0] ?? {}))) continue;
    curve[key] = Array.from({ length: take }, (_, j) => points[take < 2 ? n - 1 : Math.round((j * (n - 1)) / (take - 1))][field]);
  }
  return curve;
}

export class RunLog {
  constructor() {
    this.runs = [];
    this.nextId = 1;
    this.listeners = new Set();   // each hears the runs after every change
  }

  // An ended run: points are the loss chart's (DownsampledHistory.points()), hash the settings
  // it ran with, ms the time it trained, save (optional) a promise of its weights. A run that
  // trained nothing is not kept.
  record({ points, hash, ms, save }) {
    if (!(points.at(-1)?.epoch > 0)) return null;
    const run = this.add({ hash, ms, curve: curveOf(points) });
    save?.then((text) => {
      if (typeof text === 'string' && text.length <= MAX_WEIGHT_CHARS && this.runs.includes(run)) run.weights = text;
      this.trim();
    }, () => {});
    return run;
  }

  // A finished run ({ hash, ms, curve, source, sweep?, weights? }) gets an id and joins the log.
  add(run) {
    const entry = { source: 'trained', weights: null, when: Date.now(), ...run, id: this.nextId++ };
    this.runs.push(entry);
    this.trim();
    return entry;
  }

  // The bounds: at most MAX_RUNS runs, the oldest dropped; weights on the newest WEIGHTS_KEPT only.
  trim() {
    this.runs.splice(0, this.runs.length - MAX_RUNS);
    for (const run of this.runs.slice(0, -WEIGHTS_KEPT)) run.weights = null;
    for (const listener of this.listeners) listener(this.runs);
  }
}

// The log of a playground's runs object (playground/runs-wiring.js), made on first use.
export const logOf = (runs) => (runs.log ??= new RunLog());
