// The conductor's pure rules about settings: what the next state is after a change, how a value
// is written for the engine, which keys an engine-side change (CSV, experiment) brings back, and
// when a frame halts training. No DOM, no engine: mount() in ../playground.js applies them.
import { SCHEMA, parseHash } from '../state/state.js';
import { MULTI_CLASS } from '../state/multi-class.js';

export const ALL_DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'checkerboard', 'sine', 'cubic', 'abs',
  'reg-plane', 'reg-gauss'];
// Keys a loaded experiment or an imported CSV may change, read back from the engine's config.
const SYNCED_KEYS = Object.keys(SCHEMA).filter((k) => SCHEMA[k].engine && k !== 'seed');

export function randomSeed() {
  return String(Math.floor(Math.random() * 1e5)).padStart(5, '0');
}

// The state after `changes`, with the settings that no longer fit put right.
export function nextState(state, changes) {
  const next = { ...state, ...changes };
  // More than two classes need a data set that can make them.
  // Pictures (dataset=fashion) take their classes from imageClasses instead.
  if (next.problem === 'classification' && next.numClasses > 2 && !MULTI_CLASS.has(next.dataset) && next.dataset !== 'fashion') {
    next.dataset = 'gauss';
  }
  // A network shape change drops per-layer activations that no longer fit.
  if ('networkShape' in changes && next.activations.length && next.activations.length !== next.networkShape.length) {
    next.activations = [];
  }
  return next;
}

// Whether any of `keys` needs a rebuild (an engine setting that is not live).
export const needsRebuild = (keys) => keys.some((k) => SCHEMA[k]?.engine && !SCHEMA[k].live);

export function formatForEngine(value) {
  return Array.isArray(value) ? value.join(',') : value;
}

// `state` with the engine-side settings of `config` (the engine's URL-hash text) taken in.
export function withEngineSettings(state, config) {
  const { state: engineState } = parseHash(config);
  const next = { ...state };
  for (const key of SYNCED_KEYS) next[key] = engineState[key];
  return next;
}

// The keys of a whole new state (from a changed URL hash or attributes) that differ from `state`.
export function changesBetween(state, next) {
  const changes = {};
  for (const key of [...Object.keys(SCHEMA), 'hidden']) {
    if (key in next && JSON.stringify(next[key]) !== JSON.stringify(state[key])) changes[key] = next[key];
  }
  return changes;
}

// Point radii from per-point losses: 2 px when right, up to 9 px when badly wrong.
export function pointRadii(losses) {
  return Array.from(losses, (l) => 2 + 7 * Math.min(1, Math.sqrt(l)));
}

// Why a frame's metrics stop training, as the event to report and the message to show; null
// when training may go on.
export function haltReason(m, state) {
  if (m.diverged) {
    return { event: 'diverged', message: `Training stopped at epoch ${m.epoch}: the loss became infinite or not a number. ` +
      `Lower the learning rate (now ${state.learningRate}) or the regularization rate ` +
      `(now ${state.regularizationRate}), then press reset.` };
  }
  if (m.stopReason) {
    return { event: 'stopped', message: `Auto-stop at epoch ${m.epoch}: ${m.stopReason}. Change the auto-stop settings or press reset to go on.` };
  }
  return null;
}
