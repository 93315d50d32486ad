// The pass arithmetic of web/explain/ on a net small enough to work by hand: sizes [2, 2, 1],
// tanh everywhere, squared error, the point x = (1.2, -3.4) with label +1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  num, factor, weightedSum, deltaOf, targetsOf, outputError, backpropSum, linkFacts, linkOf, regularizerTerm,
} from '../../../web/explain/pass-math.js';
import { ACTIVATIONS, layerActivations } from '../../../web/explain/activation-math.js';
import { backwardLines } from '../../../web/explain/backward-lines.js';
import { stageOf } from '../../../web/explain/trace-panel.js';

const SIZES = [2, 2, 1];
// W1 = [[0.5, -1], [2, 0.25]] at 0..3, W2 = [1.5, -0.5] at 4..5, biases 0.1, -0.2 (hidden), 0.3.
const PARAMS = [0.5, -1, 2, 0.25, 1.5, -0.5, 0.1, -0.2, 0.3];
const close = (actual, expected, tol = 1e-9) => assert.ok(Math.abs(actual - expected) <= tol, `${actual} != ${expected}`);

// By hand: z_h = (0.6 + 3.4 + 0.1, 2.4 - 0.85 - 0.2) = (4.1, 1.35); z_out = 1.5 tanh(4.1) - 0.5 tanh(1.35) + 0.3.
const aH = [Math.tanh(4.1), Math.tanh(1.35)];
const zOut = 1.5 * aH[0] - 0.5 * aH[1] + 0.3;
const y = Math.tanh(zOut);
// Backwards: dL/dy = y - t; delta_out = (y - t)(1 - y^2); delta_h = (1 - a_h^2) w_out delta_out.
const dOut = (y - 1) * (1 - y * y);
const dH = [(1 - aH[0] ** 2) * 1.5 * dOut, (1 - aH[1] ** 2) * -0.5 * dOut];
const TRACE = {
  sums: [0, 0, 4.1, 1.35, zOut],
  activations: [1.2, -3.4, ...aH, y],
  // dL/dw = delta of the node fed × a of the node left; dL/db = delta.
  gradients: [dH[0] * 1.2, dH[0] * -3.4, dH[1] * 1.2, dH[1] * -3.4, dOut * aH[0], dOut * aH[1], ...dH, dOut],
  loss: 0.5 * (y - 1) ** 2,
};

test('a node\'s weighted sum lists w_i, a_i and w_i a_i, whose sum with the bias is its z', () => {
  const s = weightedSum(PARAMS, SIZES, TRACE, 1, 1);
  assert.deepEqual(s.terms.map((t) => [t.w, t.a]), [[2, 1.2], [0.25, -3.4]]);
  close(s.terms[0].product, 2.4);
  close(s.terms[1].product, -0.85);
  assert.equal(s.bias, -0.2);
  close(s.terms.reduce((sum, t) => sum + t.product, s.bias), s.z);
  const out = weightedSum(PARAMS, SIZES, TRACE, 2, 0);
  close(out.terms.reduce((sum, t) => sum + t.product, out.bias), zOut);
  assert.equal(out.a, y);
});

test('the output error and each hidden delta follow from the layer after', () => {
  const e = outputError({ trace: TRACE, sizes: SIZES, label: 1, lossName: 'squared', k: 0 });
  assert.equal(e.t, 1);
  close(e.dLdy, y - 1);
  assert.equal(e.delta, dOut);
  close(e.dLdy * ACTIVATIONS.tanh.slope(zOut), e.delta, 1e-12);
  for (const k of [0, 1]) {
    const b = backpropSum({ params: PARAMS, trace: TRACE, sizes: SIZES, layer: 1, k, activation: 'tanh' });
    assert.equal(b.terms.length, 1);
    close(b.sent, PARAMS[4 + k] * dOut);
    close(b.slope * b.sent, deltaOf(TRACE, SIZES, 1, k), 1e-15);
  }
  assert.deepEqual(targetsOf(2, 3, 'softmaxCrossEntropy'), [0, 0, 1]);
  assert.deepEqual(targetsOf(-1, 1, 'crossEntropy'), [0]);
  const sigmoid = outputError({ trace: { ...TRACE, activations: [1.2, -3.4, ...aH, 0.8] }, sizes: SIZES, label: 1, lossName: 'crossEntropy', k: 0 });
  close(sigmoid.dLdy, (0.8 - 1) / (0.8 * 0.2));
});

test('a link\'s facts: w, its input a, w a and dL/dw = delta a; weight indices map back to links', () => {
  const f = linkFacts({ params: PARAMS, trace: TRACE, sizes: SIZES, l: 0, o: 1, i: 1 });
  assert.equal(f.param, 3);
  close(f.product, -0.85);
  close(f.gradient, f.delta * f.a);
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((p) => linkOf(SIZES, p)), [
    { l: 0, o: 0, i: 0 }, { l: 0, o: 0, i: 1 }, { l: 0, o: 1, i: 0 }, { l: 0, o: 1, i: 1 }, { l: 1, o: 0, i: 0 }, { l: 1, o: 0, i: 1 }]);
  assert.equal(linkOf(SIZES, 6), null);
  assert.equal(regularizerTerm(-0.5, { regularization: 'L2', regularizationRate: 0.1 }), -0.05);
  assert.equal(regularizerTerm(-0.5, { regularization: 'L1', regularizationRate: 0.1 }), -0.1);
  assert.equal(regularizerTerm(-0.5, { regularization: 'none', regularizationRate: 0.1 }), 0);
});

test('every activation\'s slope is the derivative of its f', () => {
  for (const [name, { f, slope }] of Object.entries(ACTIVATIONS)) {
    for (const z of [-2.3, -0.4, 0.7, 1.9]) {
      const h = 1e-5;
      close(slope(z), (f(z + h) - f(z - h)) / (2 * h), 1e-6);
    }
    assert.ok(name);
  }
  assert.deepEqual(layerActivations({ hiddenLayers: 2, activation: 'relu', activations: [], problem: 'classification', lossName: 'squared' }),
    ['relu', 'relu', 'tanh']);
  assert.deepEqual(layerActivations({ hiddenLayers: 2, activation: 'relu', activations: ['elu', 'sine'], problem: 'regression', lossName: 'squared' }),
    ['elu', 'sine', 'linear']);
  assert.equal(layerActivations({ hiddenLayers: 0, activation: 'tanh', problem: 'classification', lossName: 'softmaxCrossEntropy' })[0], 'softmax');
  assert.equal(layerActivations({ hiddenLayers: 0, activation: 'tanh', problem: 'classification', lossName: 'crossEntropy' })[0], 'sigmoid');
});

test('numbers keep four significant digits and a real minus; the stages run forward, then back', () => {
  assert.deepEqual([0.123456, -1.5, 1234.5, -0.000012346, 0].map(num), ['0.1235', '−1.5', '1235', '−0.00001235', '0']);
  assert.equal(factor(-2), '(−2)');
  assert.equal(factor(2), '2');
  assert.deepEqual([0, 1, 2, 3, 4].map((s) => stageOf(s, 3)), [
    { phase: 'forward', layer: 0 }, { phase: 'forward', layer: 1 }, { phase: 'forward', layer: 2 },
    { phase: 'backward', layer: 2 }, { phase: 'backward', layer: 1 }]);
  const lines = backwardLines({ point: { label: 1 }, trace: TRACE, sizes: SIZES, lossName: 'squared' });
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^Output error: target t = \(1\.00\), y = \(0\.88\); dL\/dy = y − t = \(−0\.12\); δ = dL\/dz = \(−0\.03\)$/);
  assert.match(lines[1], /^Back to hidden layer 1: δ = f′\(z\) × Σ w·δ\(next layer\) = \(−0\.000047, 0\.0034\)$/, 'small deltas keep two digits');
});
