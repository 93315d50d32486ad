// Warnings a teacher would give while a network trains: its loss has not moved for a while
// and its accuracy is what guessing gives, or every ReLU unit of a hidden layer outputs 0 for
// every input (a dead layer: no signal reaches the output and no gradient flows back through
// it, so nothing before it can learn again). Pure logic, no DOM: metrics and the frame's grid
// in, a warning with what to try out; warning-note.js shows it.

// The loss must have stayed within STALL_TOLERANCE (relative) over this many epochs.
export const STALL_EPOCHS = 200;
export const STALL_TOLERANCE = 0.002;
// "Near chance": at most this far above the accuracy of always answering the commonest class.
export const CHANCE_MARGIN = 0.05;

// The accuracy of always answering the commonest class among the training points of
// `points` ([x, y, label, isTest] records): 1/classes for balanced data.
export function chanceAccuracy(points, classes) {
  const counts = new Map();
  let total = 0;
  for (let i = 0; i + 3 < points.length; i += 4) {
    if (points[i + 3] === 1) continue;
    counts.set(points[i + 2], (counts.get(points[i + 2]) ?? 0) + 1);
    total += 1;
  }
  if (total === 0) return 1 / Math.max(2, classes);
  return Math.max(...counts.values()) / total;
}

// Each hidden layer's activation name: the per-layer list when it fits, else the global one.
export function hiddenActivations({ networkShape, activation, activations = [] }) {
  return activations.length === networkShape.length ? activations.slice() : networkShape.map(() => activation);
}

// The grid cells (row 0 at y = 6, as the worker's grid) of the training points of `points`:
// where deadLayers looks, since a unit that is 0 for every training point learns nothing even
// if it is positive somewhere off the data.
export function trainingCells(points, gridSize) {
  const cells = [];
  const at = (v) => Math.min(gridSize - 1, Math.max(0, Math.floor(((v + 6) / 12) * gridSize)));
  for (let i = 0; i + 3 < points.length; i += 4) {
    // Row r covers y from 6 - 12r/n down, so the row of y is the column of -y.
    if (points[i + 3] !== 1) cells.push(at(-points[i + 1]) * gridSize + at(points[i]));
  }
  return Int32Array.from(cells);
}

// Hidden layers (1-based) using ReLU whose units all output exactly 0 at every cell of `cells`
// (every cell of the grid when null). The grid holds unit u's n x n values from (u - from) * n * n,
// as the worker sends them from unit `from` on (0: inputs first); a layer before `from` is not
// judged. A live layer's scan stops at its first non-zero value.
export function deadLayers(grid, gridSize, unitCounts, activations, cells = null, from = 0) {
  const per = gridSize * gridSize;
  const dead = [];
  if (cells && cells.length === 0) cells = null;
  let first = unitCounts[0] ?? 0;
  for (let layer = 1; layer < unitCounts.length - 1; layer++) {
    const units = unitCounts[layer];
    if (activations[layer - 1] === 'relu' && units > 0 && first >= from && grid.length >= (first - from + units) * per) {
      let live = false;
      for (let u = first; u < first + units && !live; u++) {
        const base = (u - from) * per;
        if (cells) for (let j = 0; j < cells.length && !live; j++) live = grid[base + cells[j]] !== 0;
        else for (let i = base; i < base + per && !live; i++) live = grid[i] !== 0;
      }
      if (!live) dead.push(layer);
    }
    first += units;
  }
  return dead;
}

// The loss and accuracy of recent epochs, to tell a network that learns from one that does not.
export class LossWatch {
  constructor({ epochs = STALL_EPOCHS, tolerance = STALL_TOLERANCE } = {}) {
    Object.assign(this, { epochs, tolerance, history: [] });
  }

  clear() {
    this.history = [];
  }

  // One drawn frame's metrics. A frame of an epoch already seen adds nothing; an earlier epoch
  // (after a reset) starts a new history.
  add(epoch, loss, accuracy) {
    const last = this.history.at(-1);
    if (last && epoch === last.epoch) return;
    if (last && epoch < last.epoch) this.clear();
    this.history.push({ epoch, loss, accuracy });
    // Keep one entry at or before the window's start, so it is known to be covered.
    while (this.history.length > 1 && this.history[1].epoch <= epoch - this.epochs) this.history.shift();
  }

  // The last `epochs` epochs, or null until that many have been seen.
  window() {
    const h = this.history;
    if (h.length < 2 || h[0].epoch > h.at(-1).epoch - this.epochs) return null;
    return h;
  }

  // Whether the loss stayed flat over the window while the accuracy stayed near `chance`.
  stalled(chance) {
    const h = this.window();
    if (!h) return false;
    const losses = h.map((e) => e.loss);
    if (!losses.every(Number.isFinite)) return false;
    const spread = Math.max(...losses) - Math.min(...losses);
    const scale = Math.max(Math.abs(losses.reduce((a, b) => a + b, 0) / losses.length), 1e-9);
    return spread <= this.tolerance * scale && h.every((e) => e.accuracy <= chance + CHANCE_MARGIN);
  }
}

const percent = (v) => `${Math.round(v * 100)} %`;

// What to try, for a network that does not learn, given its settings.
function tips(state, { dead }) {
  const out = [];
  const rate = state.learningRate;
  if (rate >= 0.3) out.push(`Lower the learning rate (now ${rate}): steps this large overshoot${dead ? ' and push ReLU units below 0 for good' : ''}.`);
  else if (rate <= 0.001 && !dead) out.push(`Raise the learning rate (now ${rate}): steps this small barely move the weights.`);
  if (dead) out.push('Use another activation, such as tanh or leaky ReLU, whose output is never flat 0.');
  else out.push('Try another activation, more neurons, or more input features.');
  out.push('Then press New weights to start again from fresh weights.');
  return out;
}

// The warning for a frame, or null. dead: the dead layers; stalled: LossWatch.stalled's answer.
export function teacherWarning({ dead = [], stalled = false, state, loss, accuracy, chance, epochs = STALL_EPOCHS }) {
  if (dead.length) {
    const layers = dead.length === 1 ? `hidden layer ${dead[0]}` : `hidden layers ${dead.join(' and ')}`;
    return {
      kind: 'dead',
      title: 'Dead ReLU units: the network cannot learn',
      text: `Every ReLU unit of ${layers} outputs 0 for every input, so no signal gets through (the map is one colour) ` +
        'and no gradient flows back to change the weights before it.',
      tips: tips(state, { dead: true }),
    };
  }
  if (stalled) {
    return {
      kind: 'stalled',
      title: 'The network is not learning',
      text: `The loss has stayed at ${loss.toFixed(3)} for the last ${epochs} epochs and the accuracy is ` +
        `${percent(accuracy)}, no better than always guessing the commonest class (${percent(chance)}).`,
      tips: tips(state, { dead: false }),
    };
  }
  return null;
}
