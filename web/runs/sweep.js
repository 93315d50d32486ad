// A sweep: one setting at 2 to 6 values, every other setting (seed and data included) as the
// playground has it, each member trained in an engine of its own to the same epoch budget. The
// budget is the engine's own auto-stop (stopEpochs), so a member's settings, restored into the
// playground and played, stop at the same epoch with the same losses. No DOM here.
import { SCHEMA, coerce, engineConfigText, serializeHash } from '../state/state.js';

export const MIN_VALUES = 2;
export const MAX_VALUES = 6;
// What a sweep may vary, in the order the picker lists them, with values to start from.
export const SWEEPABLE = {
  learningRate: '0.001 0.003 0.01 0.03 0.1 0.3',
  activation: 'relu tanh sigmoid linear',
  batchSize: '1 5 10 30',
  regularizationRate: '0 0.001 0.01 0.1',
  regularization: 'none L1 L2',
  networkShape: '2 4,2 8,8 8,8,8',
  optimizer: 'sgd momentum rmsprop adam',
  noise: '0 10 25 50',
  init: 'playground glorot he',
};
// Epochs between two points of a member's curve, and between two of its drawn maps.
const CHUNK_EPOCHS = 10;
const MAP_EVERY = 5;
export const MAP_SIDE = 40;

// "0.01 0.03; 0.1" -> { values } (each checked by the SCHEMA, as a control would), or { error }.
// Values are separated by spaces or semicolons; a shape is written "4,2", and "none" is the
// network with no hidden layer.
export function parseValues(key, text) {
  if (!Object.prototype.hasOwnProperty.call(SWEEPABLE, key)) return { error: `${key}: not a setting a sweep can vary` };
  const parts = String(text).split(/[\s;]+/).filter(Boolean);
  const values = [];
  for (const part of parts) {
    const result = coerce(key, key === 'networkShape' && part.toLowerCase() === 'none' ? '' : part);
    if ('error' in result) return result;
    if (!values.some((v) => JSON.stringify(v) === JSON.stringify(result.value))) values.push(result.value);
  }
  if (values.length < MIN_VALUES || values.length > MAX_VALUES) {
    return { error: `${key}: ${values.length} different value${values.length === 1 ? '' : 's'}; a sweep takes ${MIN_VALUES} to ${MAX_VALUES}` };
  }
  return { values };
}

// The epoch budget, checked against the engine's own range for stopEpochs (0, "never", refused).
export function parseBudget(text) {
  const result = coerce('stopEpochs', String(text).trim());
  if ('error' in result) return { error: result.error.replace(/^stopEpochs/, 'epochs') };
  return result.value > 0 ? { value: result.value } : { error: 'epochs: a sweep needs a budget of at least 1 epoch' };
}

export const valueText = (key, value) => (key === 'networkShape' ? (value.length ? value.join(',') : 'none') : String(value));

// The state of each member: the base with the swept value and the budget as its auto-stop. A
// regularisation rate does nothing without a regularisation: L2 is then switched on, and said.
export function memberStates(base, key, values, epochs) {
  const extra = key === 'regularizationRate' && base.regularization === 'none' ? { regularization: 'L2' } : {};
  return values.map((value) => ({ ...base, hidden: [...(base.hidden ?? [])], ...extra, [key]: value, stopEpochs: epochs }));
}

// Trains every member to `epochs` side by side. createEngine() makes an engine with the API of
// engine/engine.js; onFrame(index, frame) hears each answered frame (grid at MAP_SIDE when it
// has a map); stopped() is asked between chunks. Resolves with one run per member, in order:
// { hash, state, value, ms, curve, final metrics, stopReason }.
export async function runSweep({ base, key, values, epochs, createEngine, onFrame = () => {}, stopped = () => false }) {
  const states = memberStates(base, key, values, epochs);
  const engines = states.map(() => createEngine());
  try {
    return await Promise.all(states.map((state, index) => trainMember(engines[index], state, epochs,
      (frame) => onFrame(index, frame), stopped).then((run) => ({ ...run, value: values[index] }))));
  } finally {
    for (const engine of engines) engine.terminate();
  }
}

async function trainMember(engine, state, epochs, onFrame, stopped) {
  const curve = { epochs: [], trainLosses: [], testLosses: [], trainAccuracies: [], testAccuracies: [] };
  const result = await engine.configure(engineConfigText(state));
  const started = performance.now();
  let metrics = null;
  for (let chunk = 1; !stopped(); chunk++) {
    const left = epochs - (metrics?.epoch ?? 0);
    const last = left <= CHUNK_EPOCHS;
    const withMap = last || chunk % MAP_EVERY === 0;
    const frame = await engine.frame(Math.min(CHUNK_EPOCHS, left), withMap ? MAP_SIDE : 2);
    metrics = frame.metrics;
    curve.epochs.push(metrics.epoch);
    curve.trainLosses.push(metrics.trainLoss);
    curve.testLosses.push(metrics.testLoss);
    curve.trainAccuracies.push(metrics.trainAccuracy);
    curve.testAccuracies.push(metrics.testAccuracy);
    const done = last || metrics.diverged || metrics.stopReason !== '' || frame.trained === 0;
    onFrame({ ...frame, gridSize: withMap ? MAP_SIDE : 0, unitCounts: result.unitCounts, done });
    if (done) break;
  }
  if (state.problem === 'regression') {
    delete curve.trainAccuracies;
    delete curve.testAccuracies;
  }
  const ms = performance.now() - started;
  const weights = await engine.save();
  return { hash: serializeHash(state), state, ms, curve, weights,
    metrics, stopReason: metrics?.stopReason ?? '', complete: metrics?.epoch === epochs };
}

// A setting's name for people, from its SCHEMA key: "learningRate" -> "learning rate".
export const settingName = (key) => (SCHEMA[key] ? key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`) : key);
