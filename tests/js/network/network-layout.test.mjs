import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  weightCount, paramCount, weightOffset, weightIndex, biasIndex, unitIndex, linkWidth,
  formatValue, linkPath, linkMidpoint, featureMap, normalizeInto, computeLayout, biasPosition,
  linkEnds, nextShape, nodeName, diagramGeometry,
  minDiagramWidth,
} from '../../../web/network/network-layout.js';

// Worked by hand for sizes [2, 4, 2, 1] (2 inputs, hidden [4, 2], 1 output):
//   layer 0: W [4, 2] at 0..7     layer 1: W [2, 4] at 8..15     layer 2: W [1, 2] at 16..17
//   weightCount = 8 + 8 + 2 = 18
//   biases: layer 0 at 18..21, layer 1 at 22..23, layer 2 (the output) at 24; 25 params in all.
const SIZES = [2, 4, 2, 1];

test('weight and parameter counts of a [2, 4, 2, 1] net match the hand count', () => {
  assert.equal(weightCount(SIZES), 18);
  assert.equal(paramCount(SIZES), 25);
  assert.deepEqual([0, 1, 2].map((l) => weightOffset(SIZES, l)), [0, 8, 16]);
});

test('weights are found layer by layer, each W [out, in] row-major', () => {
  assert.equal(weightIndex(SIZES, 0, 0, 0), 0);
  assert.equal(weightIndex(SIZES, 0, 0, 1), 1);
  // Input 1 to hidden unit 3 of the first layer: 3 * 2 + 1.
  assert.equal(weightIndex(SIZES, 0, 3, 1), 7);
  // Unit 2 of hidden layer 1 to unit 1 of hidden layer 2: 8 + 1 * 4 + 2.
  assert.equal(weightIndex(SIZES, 1, 1, 2), 14);
  assert.equal(weightIndex(SIZES, 2, 0, 0), 16);
  assert.equal(weightIndex(SIZES, 2, 0, 1), 17);
});

test('every weight index is used exactly once and none reaches the biases', () => {
  const seen = new Set();
  for (let l = 0; l + 1 < SIZES.length; l++) {
    for (let o = 0; o < SIZES[l + 1]; o++) {
      for (let i = 0; i < SIZES[l]; i++) seen.add(weightIndex(SIZES, l, o, i));
    }
  }
  assert.equal(seen.size, 18);
  assert.deepEqual([...seen].sort((a, b) => a - b), Array.from({ length: 18 }, (_, k) => k));
});

test('biases follow all weights, layer by layer', () => {
  assert.equal(biasIndex(SIZES, 0, 0), 18);
  assert.equal(biasIndex(SIZES, 0, 3), 21);
  assert.equal(biasIndex(SIZES, 1, 0), 22);
  assert.equal(biasIndex(SIZES, 1, 1), 23);
  assert.equal(biasIndex(SIZES, 2, 0), 24);
});

test('grid units count the enabled inputs, then each hidden layer, then the output', () => {
  assert.equal(unitIndex(SIZES, 0, 0), 0);
  assert.equal(unitIndex(SIZES, 0, 1), 1);
  assert.equal(unitIndex(SIZES, 1, 0), 2);
  assert.equal(unitIndex(SIZES, 1, 3), 5);
  assert.equal(unitIndex(SIZES, 2, 1), 7);
  assert.equal(unitIndex(SIZES, 3, 0), 8);
});

test('a net without hidden layers has one weight per input and one bias', () => {
  const sizes = [3, 1];
  assert.equal(weightCount(sizes), 3);
  assert.equal(weightIndex(sizes, 0, 0, 2), 2);
  assert.equal(biasIndex(sizes, 0, 0), 3);
  assert.equal(unitIndex(sizes, 1, 0), 3);
});

test('link width maps |w| from [0, 5] to [1, 10] px and clamps', () => {
  assert.equal(linkWidth(0), 1);
  assert.equal(linkWidth(2.5), 5.5);
  assert.equal(linkWidth(-5), 10);
  assert.equal(linkWidth(40), 10);
  assert.equal(linkWidth(NaN), 1);
  assert.equal(linkWidth(-Infinity), 10);
});

test('values are shown with three significant digits', () => {
  assert.equal(formatValue(0.123456), '0.123');
  assert.equal(formatValue(-0.05), '-0.05');
  assert.equal(formatValue(12.349), '12.3');
  assert.equal(formatValue(0), '0');
  assert.equal(formatValue(NaN), 'NaN');
});

test('a link is a cubic Bezier leaving and arriving horizontally', () => {
  assert.equal(linkPath(0, 10, 100, 50), 'M0,10 C50,10 50,50 100,50');
  assert.deepEqual(linkMidpoint(0, 10, 100, 50), { x: 50, y: 30 });
  assert.deepEqual(linkEnds({ x: 10, y: 20 }, { x: 80, y: 0 }, 30), { x1: 40, y1: 35, x2: 80, y2: 15 });
});

test('feature maps put x along columns and y up the rows, scaled to [-1, 1]', () => {
  const n = 4;
  const x = featureMap('x', n);
  // Cell centres of a 4-wide grid over [-6, 6]: -4.5, -1.5, 1.5, 4.5.
  assert.deepEqual([...x.slice(0, 4)], [-1, -1 / 3, 1 / 3, 1].map(Math.fround));
  const y = featureMap('y', n);
  assert.equal(y[0], 1);
  assert.equal(y[3 * n], -1);
  const xy = featureMap('xTimesY', n);
  assert.equal(xy[0], -1);
  assert.equal(xy[n - 1], 1);
  const square = featureMap('xSquared', n);
  assert.ok(square.every((v) => v >= 0 && v <= 1));
  const sin = featureMap('sinY', 10);
  assert.equal(Math.max(...sin.map(Math.abs)), 1);
  assert.ok(featureMap('unknown', 3).every((v) => v === 0));
});

test('normalizeInto divides by the largest magnitude and leaves zeros alone', () => {
  const dst = new Float32Array(3);
  assert.deepEqual([...normalizeInto(dst, Float32Array.of(2, -4, 1))], [0.5, -1, 0.25]);
  assert.deepEqual([...normalizeInto(dst, new Float32Array(3))], [0, 0, 0]);
});

test('the default net fits a 280 px container with full-size thumbnails', () => {
  const layout = computeLayout({ width: 280, featureCount: 7, hiddenShape: [4, 2], outputs: 1 });
  assert.equal(layout.columns.length, 4);
  assert.equal(layout.nodeSize, 30);
  assert.equal(layout.narrow, false);
  assert.equal(layout.columns[0].nodes.length, 7);
  const out = layout.columns[3].nodes[0];
  assert.ok(out.x + layout.nodeSize <= 280, 'output inside the width');
  assert.ok(layout.columns[0].x >= layout.labelWidth, 'room for the feature labels');
});

test('deep nets shrink their thumbnails on narrow widths and keep the columns apart', () => {
  const layout = computeLayout({ width: 280, featureCount: 7, hiddenShape: Array(8).fill(16) });
  assert.equal(layout.narrow, true);
  assert.ok(layout.nodeSize < 22 && layout.nodeSize >= 12);
  const xs = layout.columns.map((c) => c.x);
  for (let c = 1; c < xs.length; c++) assert.ok(xs[c] - xs[c - 1] > layout.nodeSize, `gap ${c}`);
  assert.ok(xs.at(-1) + layout.nodeSize <= 280);
  // 16 rows: the tallest column sets the height and shorter ones are centred on it.
  const tall = layout.columns[1].nodes;
  const features = layout.columns[0].nodes;
  assert.equal(layout.height, layout.headHeight + 16 * (tall[1].y - tall[0].y));
  assert.ok(Math.abs(features[3].y - tall[7].y - (tall[8].y - tall[7].y) / 2) <= 1);
});

test('the class names right of the output do not eat the room between columns', () => {
  // 8 x 16 with 50 px of class names, at the narrowest width the view lays it out and at a
  // desktop network column: every column of neurons keeps 32 px for its links.
  for (const width of [minDiagramWidth(10, 50), 620]) {
    const layout = computeLayout({ width, featureCount: 7, hiddenShape: Array(8).fill(16), outputLabel: 50 });
    const xs = layout.columns.map((c) => c.x);
    for (let c = 2; c < xs.length; c++) assert.ok(xs[c] - xs[c - 1] - layout.nodeSize >= 31, `width ${width}: gap ${c} is ${xs[c] - xs[c - 1] - layout.nodeSize}`);
    assert.ok(xs.at(-1) + layout.nodeSize + 50 <= width + 1, `width ${width}: the class names fit`);
  }
});

test('crowded columns switch to the compact form even with full-size thumbnails', () => {
  const layout = computeLayout({ width: 360, featureCount: 7, hiddenShape: Array(6).fill(8) });
  assert.equal(layout.narrow, true);
  assert.ok(layout.pitch < 60);
  assert.equal(computeLayout({ width: 900, featureCount: 7, hiddenShape: Array(8).fill(8) }).narrow, false);
});

test('wide containers keep thumbnails at 30 px, cap the spacing and centre the diagram', () => {
  const layout = computeLayout({ width: 900, featureCount: 7, hiddenShape: [4, 2] });
  assert.equal(layout.nodeSize, 30);
  assert.ok(layout.pitch <= 170);
  const leftGap = layout.columns[0].x - layout.labelWidth;
  const rightGap = 900 - (layout.columns.at(-1).x + layout.nodeSize);
  assert.ok(leftGap > 50 && Math.abs(leftGap - rightGap) < 10);
});

test('nodes never overlap within a column and the bias sits at the lower left', () => {
  const layout = computeLayout({ width: 400, featureCount: 7, hiddenShape: [3] });
  const nodes = layout.columns[1].nodes;
  for (let k = 1; k < nodes.length; k++) assert.ok(nodes[k].y - nodes[k - 1].y > layout.nodeSize);
  const bias = biasPosition(nodes[0], layout.nodeSize);
  assert.ok(bias.x < nodes[0].x && bias.y > nodes[0].y + layout.nodeSize - 5);
});

test('the + and - controls change the hidden shape; a new layer has 2 neurons', () => {
  assert.deepEqual(nextShape([4, 2], 'add-layer'), [4, 2, 2]);
  assert.deepEqual(nextShape([4, 2], 'remove-layer'), [4]);
  assert.deepEqual(nextShape([], 'remove-layer'), []);
  assert.deepEqual(nextShape([4, 2], 'add-neuron', 1), [4, 3]);
  assert.deepEqual(nextShape([4, 2], 'remove-neuron', 0), [3, 2]);
  const shape = [4, 2];
  nextShape(shape, 'add-neuron', 0);
  assert.deepEqual(shape, [4, 2], 'the input shape is not changed');
});

test('nodes are named by feature label, 1-based hidden position, or as the output', () => {
  const labels = ['X\u2081', 'sin(X\u2082)'];
  assert.equal(nodeName(labels, SIZES, 0, 1), 'sin(X\u2082)');
  assert.equal(nodeName(labels, SIZES, 1, 0), 'neuron 1 of layer 1');
  assert.equal(nodeName(labels, SIZES, 2, 1), 'neuron 2 of layer 2');
  assert.equal(nodeName(labels, SIZES, 3, 0), 'the output');
  assert.equal(nodeName(labels, [2, 3], 1, 2), 'output 3');
});

test('diagram geometry lists links and biases in weight and bias order', () => {
  // Features 0 and 3 enabled out of 5; hidden [4, 2]; so sizes [2, 4, 2, 1] as above.
  const g = diagramGeometry({ width: 500, featureCount: 5, enabledRows: [0, 3], hiddenShape: [4, 2] });
  assert.equal(g.links.length, weightCount(SIZES));
  assert.equal(g.biases.length, 4 + 2 + 1);
  const s = g.nodeSize;
  const [x3, hidden] = [g.columns[0].nodes[3], g.columns[1].nodes[2]];
  // Link j is weight j: weight 5 is layer 0, o = 2, i = 1 (the feature in row 3).
  assert.equal(weightIndex(SIZES, 0, 2, 1), 5);
  const { d } = g.links[5];
  assert.equal(d, linkPath(x3.x + s, x3.y + s / 2, hidden.x, hidden.y + s / 2));
  // Bias j is parameter weightCount + j: the output's bias is the last.
  const out = g.columns[3].nodes[0];
  assert.deepEqual({ x: g.biases[6].x, y: g.biases[6].y }, biasPosition(out, s));
  assert.deepEqual(g.biases[6].mid, { x: g.biases[6].x + 2.5, y: g.biases[6].y + 2.5 });
});


test('an 8x16 net keeps room for its links: nodes shrink before the gap between columns drops under 32 px', () => {
  for (const width of [560, 627, 800]) {
    const layout = computeLayout({ width, featureCount: 7, hiddenShape: Array(8).fill(16) });
    const gap = layout.pitch - layout.nodeSize;
    assert.ok(gap >= 32, `at ${width} px the columns are ${gap.toFixed(1)} px apart`);
    assert.ok(layout.nodeSize >= 12, `nodes of ${layout.nodeSize} px`);
  }
  // The view never lays a diagram out narrower than this; there the gap is still 32 px.
  const least = computeLayout({ width: minDiagramWidth(10), featureCount: 7, hiddenShape: Array(8).fill(16) });
  assert.ok(least.pitch - least.nodeSize >= 32);
  assert.ok(minDiagramWidth(4) <= 280, 'the default net never scrolls on a phone');
});
