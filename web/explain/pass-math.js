// The arithmetic of one point's forward and backward pass, spelled out from the engine's numbers:
// a node's weighted sum term by term, its error signal delta = dL/dz, a link's gradient
// delta * a and a weight's update. Pure: params (weights layer by layer, then biases), sizes
// (units per layer, inputs first) and a trace ({sums, activations, gradients, loss}) from
// Session::trace_point. A node's delta is the trace's gradient of its bias, since dz/db = 1.
import { weightIndex, biasIndex, unitIndex } from '../network/network-layout.js';
import { ACTIVATIONS } from './activation-math.js';

export { num, factor } from './numbers.js';

// Node k of `layer` (1 = first hidden): z = Σ w_i a_i + b, each term and the engine's z.
export function weightedSum(params, sizes, trace, layer, k) {
  const terms = Array.from({ length: sizes[layer - 1] }, (_, i) => {
    const w = params[weightIndex(sizes, layer - 1, k, i)];
    const a = trace.activations[unitIndex(sizes, layer - 1, i)];
    return { w, a, product: w * a };
  });
  const bias = params[biasIndex(sizes, layer - 1, k)];
  const u = unitIndex(sizes, layer, k);
  return { terms, bias, z: trace.sums[u], a: trace.activations[u] };
}

// delta = dL/dz of node k of `layer` for the traced point.
export function deltaOf(trace, sizes, layer, k) {
  return trace.gradients[biasIndex(sizes, layer - 1, k)];
}

// The target vector the engine trains towards for `label` (core fill_target).
export function targetsOf(label, outputs, lossName) {
  return Array.from({ length: outputs }, (_, k) => (lossName === 'softmaxCrossEntropy' ? (k === label ? 1 : 0)
    : lossName === 'crossEntropy' ? (label > 0 ? 1 : 0) : label));
}

// The error at output k: target t, output y, dL/dy and how delta follows from it.
export function outputError({ trace, sizes, label, lossName, k }) {
  const last = sizes.length - 1;
  const u = unitIndex(sizes, last, k);
  const y = trace.activations[u];
  const t = targetsOf(label, sizes[last], lossName)[k];
  const delta = deltaOf(trace, sizes, last, k);
  let dLdy;
  let rule;
  if (lossName === 'crossEntropy') {
    dLdy = (y - t) / (y * (1 - y));
    rule = 'δ = dL/dz = y − t (sigmoid and cross-entropy together)';
  } else if (lossName === 'softmaxCrossEntropy') {
    dLdy = t > 0 ? -t / y : 0;
    rule = 'δ = dL/dz = y − t (softmax and cross-entropy together)';
  } else if (lossName === 'huber') {
    dLdy = Math.max(-1, Math.min(1, y - t));
    rule = "δ = dL/dz = clamp(y − t, −1, 1) × f′(z)";
  } else {
    dLdy = y - t;
    rule = "δ = dL/dz = (y − t) × f′(z)";
  }
  return { y, t, dLdy, delta, rule };
}

// A hidden node's delta from the layer after it: f'(z) × Σ_o w_o δ_o, with each term.
export function backpropSum({ params, trace, sizes, layer, k, activation }) {
  const terms = Array.from({ length: sizes[layer + 1] }, (_, o) => {
    const w = params[weightIndex(sizes, layer, o, k)];
    const d = deltaOf(trace, sizes, layer + 1, o);
    return { w, delta: d, product: w * d };
  });
  const sent = terms.reduce((sum, t) => sum + t.product, 0);
  const z = trace.sums[unitIndex(sizes, layer, k)];
  const slope = ACTIVATIONS[activation]?.slope(z) ?? NaN;
  return { terms, sent, slope, delta: deltaOf(trace, sizes, layer, k) };
}

// The link from unit i of layer l to unit o of layer l + 1: w, the input a, w·a, and for the
// traced point dL/dw = delta_o × a_i (the engine's gradient of that weight).
export function linkFacts({ params, trace, sizes, l, o, i }) {
  const param = weightIndex(sizes, l, o, i);
  const w = params[param];
  const a = trace.activations[unitIndex(sizes, l, i)];
  const delta = deltaOf(trace, sizes, l + 1, o);
  return { param, w, a, product: w * a, delta, gradient: trace.gradients[param] };
}

// Which link (l, o, i) a weight index is, or null for a bias.
export function linkOf(sizes, param) {
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const count = sizes[l] * sizes[l + 1];
    if (param < offset + count) {
      const local = param - offset;
      return { l, o: Math.floor(local / sizes[l]), i: local % sizes[l] };
    }
    offset += count;
  }
  return null;
}

// The regulariser's part of a weight's gradient, as the optimizer adds it (core/optimizer.hpp).
export function regularizerTerm(w, { regularization = 'none', regularizationRate = 0 } = {}) {
  if (regularization === 'L2') return regularizationRate * w;
  if (regularization === 'L1') return regularizationRate * Math.sign(w);
  return 0;
}

// Each optimizer's own update rule, in words a learner can match with the numbers.
export const OPTIMIZER_RULES = {
  sgd: 'w ← w − η g',
  momentum: 'v ← μ v + g;  w ← w − η v',
  nesterov: 'v ← μ v + g;  w ← w − η (g + μ v)',
  rmsprop: 's ← ρ s + (1 − ρ) g²;  w ← w − η g / (√s + ε)',
  adam: 'm, v: running means of g and g²;  w ← w − η m̂ / (√v̂ + ε)',
};
