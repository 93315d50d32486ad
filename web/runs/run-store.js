// Keeps a RunLog (run-log.js) in web storage across reloads, for a page that asked for it (the
// element's `store-runs` attribute; the standalone page does). Loaded on first use. What comes
// back from storage is checked field by field: another version or a hand edit must not break
// the panel, so a run that does not read back is dropped.
import { CURVE_POINTS, MAX_RUNS, MAX_WEIGHT_CHARS, logOf } from './run-log.js';

export const KEY_PREFIX = 'nnplay-runs';
const FORMAT = 1;
const MAX_HASH_CHARS = 4096;
const CURVES = ['epochs', 'trainLosses', 'testLosses', 'trainAccuracies', 'testAccuracies'];

// The storage key for a `store-runs` value: '' -> 'nnplay-runs', 'lesson1' -> 'nnplay-runs/lesson1'.
export const storageKey = (name) => (name ? `${KEY_PREFIX}/${String(name).replace(/[^A-Za-z0-9._-]/g, '').slice(0, 32)}` : KEY_PREFIX);

// Five significant digits: a curve needs no more, and the stored text stays a few KB a run.
const round = (v) => (Number.isFinite(v) ? Number(v.toPrecision(5)) : null);
const isNumber = (v) => v === null || Number.isFinite(v);

function packRun(run) {
  const curve = {};
  for (const key of CURVES) if (run.curve[key]) curve[key] = run.curve[key].map(round);
  return { hash: run.hash, ms: Math.round(run.ms), when: run.when, source: run.source, sweep: run.sweep ?? null,
    curve, weights: run.weights ?? null };
}

function unpackRun(raw) {
  if (!raw || typeof raw !== 'object' || typeof raw.hash !== 'string' || raw.hash.length > MAX_HASH_CHARS) return null;
  if (!Number.isFinite(raw.ms) || raw.ms < 0 || !Number.isFinite(raw.when)) return null;
  const curve = {};
  const length = raw.curve?.epochs?.length;
  if (!(length > 0) || length > CURVE_POINTS) return null;
  for (const key of CURVES) {
    const values = raw.curve[key];
    if (values === undefined && key !== 'epochs') continue;
    if (!Array.isArray(values) || values.length !== length || !values.every(isNumber)) return null;
    curve[key] = values.map((v) => (v === null ? NaN : v));
  }
  const sweep = raw.sweep && typeof raw.sweep.key === 'string' && typeof raw.sweep.value === 'string'
    && Number.isFinite(raw.sweep.group) ? { key: raw.sweep.key, value: raw.sweep.value, group: raw.sweep.group } : null;
  const weights = typeof raw.weights === 'string' && raw.weights.length <= MAX_WEIGHT_CHARS ? raw.weights : null;
  return { hash: raw.hash, ms: raw.ms, when: raw.when, source: raw.source === 'sweep' ? 'sweep' : 'trained', sweep, curve, weights };
}

// The runs stored under `key`, oldest first (an empty list when there are none or none read back).
export function readRuns(storage, key) {
  try {
    const data = JSON.parse(storage.getItem(key) ?? 'null');
    if (data?.format !== FORMAT || !Array.isArray(data.runs)) return [];
    return data.runs.slice(-MAX_RUNS).map(unpackRun).filter(Boolean);
  } catch {
    return [];
  }
}

// Writes the runs; when storage is full the weights go first. Returns an error message or null.
export function writeRuns(storage, key, runs) {
  const packed = runs.map(packRun);
  try {
    if (!packed.length) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ format: FORMAT, runs: packed }));
    return null;
  } catch {
    try {
      storage.setItem(key, JSON.stringify({ format: FORMAT, runs: packed.map((run) => ({ ...run, weights: null })) }));
      return 'The browser\'s storage is full: the runs are kept without their weights.';
    } catch (error) {
      return `The runs could not be stored (${error?.message ?? error}); they stay for this visit.`;
    }
  }
}

// Stored runs go before the log's own (they are older); ids are given again, oldest first.
export function adoptRuns(log, older) {
  log.runs.unshift(...older);
  for (const run of log.runs) run.id = log.nextId++;
  log.trim();
}

// attachStore once for the playground's runs object (playground/runs-wiring.js): the stored runs
// are read at the first play or the first look at the panel, whichever comes first; later calls
// wait for that. Its `destroy` then also stops the storage.
export function attachOnce(runs) {
  runs.stored ??= Promise.resolve().then(() => {
    const detach = attachStore(logOf(runs), { name: runs.storeRuns, onLeave: () => runs.end(runs.state(), false), onProblem: runs.showError });
    const destroy = runs.destroy;
    runs.destroy = () => { detach(); destroy?.(); };
  });
  return runs.stored;
}

// Reads the runs stored under `name` into the log and writes the log back on every change.
// onLeave runs when the page is hidden or unloaded (it ends the current run, so a reload keeps
// it). Returns the function that stops all that.
export function attachStore(log, { name, onLeave = () => {}, onProblem = () => {} }) {
  let storage;
  try {
    storage = globalThis.localStorage;
    storage.getItem(KEY_PREFIX);
  } catch (error) {
    onProblem(`This page may not use the browser's storage (${error?.message ?? error}): the runs stay for this visit.`);
    return () => {};
  }
  const key = storageKey(name);
  const stored = readRuns(storage, key);
  if (stored.length) adoptRuns(log, stored);
  let problem = null;
  const save = () => {
    const now = writeRuns(storage, key, log.runs);
    if (now && now !== problem) onProblem(now);
    problem = now;
  };
  save();
  log.listeners.add(save);
  globalThis.addEventListener?.('pagehide', onLeave);
  return () => {
    log.listeners.delete(save);
    globalThis.removeEventListener?.('pagehide', onLeave);
  };
}
