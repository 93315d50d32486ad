// Pure helpers for the network diagram: parameter and grid-unit index arithmetic in the
// engine's layout, node positions for a given width, link curves, link styling numbers and the
// static maps of the input features. No DOM; it imports only the plot extent (state.js).
import { PLOT_EXTENT } from '../state/state.js';

// sizes = [enabledInputs, ...hiddenShape, outputs]; layer l (0..L-1) maps sizes[l] -> sizes[l+1].

// Number of weights in all layers: sum over l of sizes[l] * sizes[l+1].
export function weightCount(sizes) {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += sizes[l] * sizes[l + 1];
  return count;
}

// Weights of all layers, then biases of all layers (one per non-input unit).
export function paramCount(sizes) {
  let biases = 0;
  for (let l = 1; l < sizes.length; l++) biases += sizes[l];
  return weightCount(sizes) + biases;
}

// Where layer l's W [out, in] (row-major) starts in params.
export function weightOffset(sizes, l) {
  let offset = 0;
  for (let k = 0; k < l; k++) offset += sizes[k] * sizes[k + 1];
  return offset;
}

// The weight from input unit i of layer l to its output unit o.
export function weightIndex(sizes, l, o, i) {
  return weightOffset(sizes, l) + o * sizes[l] + i;
}

// The bias of output unit o of layer l.
export function biasIndex(sizes, l, o) {
  let offset = weightCount(sizes);
  for (let k = 0; k < l; k++) offset += sizes[k + 1];
  return offset + o;
}

// Grid unit of node k in column `layer` (0 = enabled inputs, last = outputs).
export function unitIndex(sizes, layer, k) {
  let offset = 0;
  for (let j = 0; j < layer; j++) offset += sizes[j];
  return offset + k;
}

// |w| in [0, 5] -> stroke width in [1, 10] px, clamped; NaN draws the thinnest line.
export function linkWidth(w) {
  const a = Math.abs(w);
  if (!(a >= 0)) return 1;
  return 1 + (9 * Math.min(a, 5)) / 5;
}

// Three significant digits, without trailing zeros: 0.12345 -> "0.123", -0.05 -> "-0.05".
export function formatValue(v) {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(3)));
}

// A cubic Bezier from (x1, y1) to (x2, y2) leaving and arriving horizontally.
export function linkPath(x1, y1, x2, y2) {
  const mx = (x1 + x2) / 2;
  return `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
}

// Its point at t = 1/2: by symmetry of the control points, the chord's midpoint.
export function linkMidpoint(x1, y1, x2, y2) {
  return { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
}

const FEATURE_FUNCTIONS = {
  x: (x) => x,
  y: (x, y) => y,
  xSquared: (x) => x * x,
  ySquared: (x, y) => y * y,
  xTimesY: (x, y) => x * y,
  sinX: (x) => Math.sin(x),
  sinY: (x, y) => Math.sin(y),
};

// A feature's n x n map over the plot, [-PLOT_EXTENT, PLOT_EXTENT]^2, at cell centres (row 0 =
// top; column 0 = left), divided by its largest |value| so it spans [-1, 1]. Unknown keys give zeros.
export function featureMap(key, n) {
  const f = FEATURE_FUNCTIONS[key];
  const out = new Float32Array(n * n);
  if (!f) return out;
  for (let r = 0; r < n; r++) {
    const y = PLOT_EXTENT - (2 * PLOT_EXTENT * (r + 0.5)) / n;
    for (let c = 0; c < n; c++) out[r * n + c] = f(-PLOT_EXTENT + (2 * PLOT_EXTENT * (c + 0.5)) / n, y);
  }
  return normalizeInto(out, out);
}

// Input `unit`'s map in a grid of the engine's (n x n values per unit, inputs first, row 0 =
// top), sampled at side x side cell centres and on the plot's scale (PLOT_EXTENT -> 1), so an
// input that rises across the plane looks as featureMap's x does and one held at a value is flat
// in that value's colour.
export function gridInputMap(grid, n, unit, side) {
  const out = new Float32Array(side * side);
  const base = unit * n * n;
  for (let r = 0; r < side; r++) {
    const row = base + Math.min(n - 1, Math.floor(((r + 0.5) * n) / side)) * n;
    for (let c = 0; c < side; c++) {
      const v = grid[row + Math.min(n - 1, Math.floor(((c + 0.5) * n) / side))] / PLOT_EXTENT;
      out[r * side + c] = Math.max(-1, Math.min(1, v));
    }
  }
  return out;
}

// Writes src / max|src| into dst (same length) and returns dst; an all-zero or all-NaN source
// is copied unchanged.
export function normalizeInto(dst, src) {
  let max = 0;
  for (let i = 0; i < src.length; i++) {
    const a = Math.abs(src[i]);
    if (a > max) max = a;
  }
  const scale = max > 0 && Number.isFinite(max) ? 1 / max : 1;
  for (let i = 0; i < src.length; i++) dst[i] = src[i] * scale;
  return dst;
}

const MAX_NODE = 30;
const MIN_NODE = 12;
// Below this node size or column pitch the labels, counts and per-layer buttons switch to
// their compact form ("16 neurons" and two side-by-side buttons need about 60 px).
const NARROW_NODE = 22;
const NARROW_PITCH = 60;
const LABEL_WIDE = 48;
const LABEL_NARROW = 36;
const PAD_RIGHT = 6;
const MAX_PITCH = 170;
const HEAD_WIDE = 42;
const HEAD_NARROW = 54;
export const BIAS_SIZE = 5;

// The least room between two columns of nodes in which their links can still be told apart.
const MIN_GAP = 32;

// The narrowest a diagram of `columns` columns may be laid out: compact labels, nodes of the
// compact size and MIN_GAP between columns, with outputLabel px kept for the class names. The
// view scrolls sideways when its box is narrower.
export function minDiagramWidth(columns, outputLabel = 0) {
  return LABEL_NARROW + PAD_RIGHT + outputLabel + (columns - 1) * (NARROW_NODE + MIN_GAP) + NARROW_NODE;
}

function nodeSizeFor(usable, columns) {
  const size = Math.floor((0.62 * usable) / columns);
  return Math.max(MIN_NODE, Math.min(MAX_NODE, size));
}

// Positions for a diagram `width` px wide: a column of featureCount thumbnails (label left of
// each), one column per hidden layer, and the output column. Node coordinates are top-left
// corners in px within the stage; each column is centred vertically on the tallest one.
// Returns { width, height, nodeSize, labelWidth, headHeight, narrow, pitch, columns }, where
// columns[c] = { x, nodes: [{ x, y }] } and column 0 holds every feature, enabled or not.
// outputLabel: px kept right of the output column for its class names.
export function computeLayout({ width, featureCount, hiddenShape, outputs = 1, outputLabel = 0 }) {
  const counts = [featureCount, ...hiddenShape, outputs];
  const columnCount = counts.length;
  const w = Math.max(200, Number.isFinite(width) ? width : 280);
  const padRight = PAD_RIGHT + outputLabel;
  const pitchFor = (label, node) => Math.min(MAX_PITCH, (w - label - padRight - node) / (columnCount - 1));
  let labelWidth = LABEL_WIDE;
  let nodeSize = nodeSizeFor(w - labelWidth - padRight, columnCount);
  const narrow = nodeSize < NARROW_NODE || pitchFor(labelWidth, nodeSize) < NARROW_PITCH;
  if (narrow) {
    labelWidth = LABEL_NARROW;
    nodeSize = nodeSizeFor(w - labelWidth - padRight, columnCount);
  }
  // Many layers: smaller nodes rather than links squeezed into less than MIN_GAP.
  const roomy = Math.floor((w - labelWidth - padRight - MIN_GAP * (columnCount - 1)) / columnCount);
  nodeSize = Math.max(MIN_NODE, Math.min(nodeSize, roomy));
  const pitch = pitchFor(labelWidth, nodeSize);
  const span = labelWidth + pitch * (columnCount - 1) + nodeSize;
  // Extra room on wide containers is shared out on both sides instead of stretching links.
  const left = Math.max(0, (w - padRight - span) / 2) + labelWidth;
  const rowPitch = nodeSize + Math.max(6, Math.round(nodeSize * 0.4));
  // Nodes shrunk for room between columns can leave the columns too close for the wide labels.
  const compact = narrow || pitch < NARROW_PITCH;
  const headHeight = hiddenShape.length > 0 ? (compact ? HEAD_NARROW : HEAD_WIDE) : 8;
  const rows = Math.max(...counts);
  const columns = counts.map((count, c) => {
    const x = Math.round(left + c * pitch);
    const top = headHeight + ((rows - count) * rowPitch) / 2;
    const nodes = [];
    for (let k = 0; k < count; k++) nodes.push({ x, y: Math.round(top + k * rowPitch) });
    return { x, nodes };
  });
  const height = headHeight + rows * rowPitch;
  return { width: w, height, nodeSize, labelWidth, headHeight, narrow: compact, pitch, columns };
}

// A bias square's top-left: just outside the neuron's lower-left corner.
export function biasPosition(node, nodeSize) {
  return { x: node.x - BIAS_SIZE - 2, y: node.y + nodeSize - BIAS_SIZE + 3 };
}

// The link from a source node's right edge to a target node's left edge, at mid-height.
export function linkEnds(from, to, nodeSize) {
  const half = nodeSize / 2;
  return { x1: from.x + nodeSize, y1: from.y + half, x2: to.x, y2: to.y + half };
}

// The hidden shape after a + / - control: role is add-layer, remove-layer, add-neuron or
// remove-neuron; k is the hidden layer (0-based) for the neuron controls. Limits are the
// caller's (the buttons are disabled there); this only does the arithmetic.
export function nextShape(shape, role, k) {
  if (role === 'add-layer') return [...shape, 2];
  if (role === 'remove-layer') return shape.slice(0, -1);
  const step = role === 'add-neuron' ? 1 : role === 'remove-neuron' ? -1 : 0;
  return shape.map((count, j) => (j === k ? count + step : count));
}

// A node's name for labels: its feature label (inputs), "neuron k of layer l" (hidden, both
// 1-based) or "the output". inputLabels are the enabled features' labels in order.
export function nodeName(inputLabels, sizes, layer, k) {
  if (layer === 0) return inputLabels[k];
  if (layer === sizes.length - 1) return sizes[layer] > 1 ? `output ${k + 1}` : 'the output';
  return `neuron ${k + 1} of layer ${layer}`;
}

// computeLayout's result plus what the view places, in its build order (layer l, then target
// unit o, then source unit i): links[j] = { d, mid, x1, y1, x2, y2 } (path, midpoint and ends),
// and for each (l, o) biases[j] = { x, y, mid } (square's top-left and centre). enabledRows:
// the feature rows of the enabled inputs, in order.
export function diagramGeometry({ width, featureCount, enabledRows, hiddenShape, outputs = 1, outputLabel = 0 }) {
  const g = computeLayout({ width, featureCount, hiddenShape, outputs, outputLabel });
  const sizes = [enabledRows.length, ...hiddenShape, outputs];
  const s = g.nodeSize;
  const nodeAt = (layer, k) => g.columns[layer].nodes[layer === 0 ? enabledRows[k] : k];
  const links = [];
  const biases = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let o = 0; o < sizes[l + 1]; o++) {
      const to = nodeAt(l + 1, o);
      for (let i = 0; i < sizes[l]; i++) {
        const e = linkEnds(nodeAt(l, i), to, s);
        links.push({ d: linkPath(e.x1, e.y1, e.x2, e.y2), mid: linkMidpoint(e.x1, e.y1, e.x2, e.y2), ...e });
      }
      const p = biasPosition(to, s);
      biases.push({ x: p.x, y: p.y, mid: { x: p.x + BIAS_SIZE / 2, y: p.y + BIAS_SIZE / 2 } });
    }
  }
  return { ...g, links, biases };
}
