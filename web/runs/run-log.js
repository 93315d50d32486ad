// The runs of one playground, oldest first: each run (a rebuild or reset to the next) with its
// settings as URL-hash text, its curves (at most CURVE_POINTS points), the time spent training
// and, for the newest, its weights. Every playground loads this, so it only records: the panel,
// sweeps and storage are fetched on first use (runs-panel.js, run-store.js) and work on `runs`.
export const MAX_RUNS = 20;
// Only the newest runs keep their weights (the engine's experiment text), and none over this size.
export const WEIGHTS_KEPT = 3;
export const MAX_WEIGHT_CHARS = 200000;
export const CURVE_POINTS = 200;
const SERIES = ['epochs', 'trainLosses', 'testLosses', 'trainAccuracies', 'testAccuracies'];

// Up to `limit` of a DownsampledHistory's points (views/chart.js), evenly spread, the last kept;
// no accuracies for a run that had none (regression).
export function curveOf(history, limit = CURVE_POINTS) {
  const n = history.length;
  const take = Math.min(n, limit);
  const curve = {};
  for (const key of history.hasAccuracy ? SERIES : SERIES.slice(0, 3)) {
    curve[key] = Array.from({ length: take }, (_, j) => history[key][take < 2 ? n - 1 : Math.round((j * (n - 1)) / (take - 1))]);
  }
  return curve;
}

export class RunLog {
  constructor() {
    this.runs = [];
    this.limits = { MAX_RUNS, CURVE_POINTS, MAX_WEIGHT_CHARS };
    this.nextId = 1;
    this.listeners = new Set();   // each hears the runs after every change
    this.spent = 0;               // ms trained in the current run before `since`
    this.since = null;            // when the current stretch of play began; null while paused
  }

  // The current run's clock counts only while it plays.
  play() { this.since ??= performance.now(); }
  pause() {
    if (this.since !== null) this.spent += performance.now() - this.since;
    this.since = null;
  }

  // Ends the current run: history is the loss chart's (views/chart.js), hash the settings it ran
  // with, save() (optional) a promise of its weights. A run that trained nothing is not kept.
  end(history, hash, save) {
    const now = performance.now();
    const ms = this.spent + (this.since === null ? 0 : now - this.since);
    this.spent = 0;
    if (this.since !== null) this.since = now;
    if (!(history.epochs[history.length - 1] > 0)) return null;
    const run = this.add({ hash, ms, curve: curveOf(history) });
    history.clear();   // a second end before the chart is cleared must not keep the run twice
    save?.().then((text) => {
      if (text.length <= MAX_WEIGHT_CHARS && this.runs.includes(run)) run.weights = text;
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
