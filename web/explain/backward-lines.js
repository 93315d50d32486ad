// The followed point's backward pass in words, one line per layer from the output down to the
// first hidden layer: the error at the output (target, output, dL/dy, delta), then each hidden
// layer's delta = f'(z) × (what the layer after sends back). Pure, for tests and the panel.
import { small } from '../network/network-overlay.js';
import { outputError, deltaOf } from './pass-math.js';

const LOSS_SLOPES = {
  squared: 'y − t',
  huber: 'clamp(y − t, −1, 1)',
  crossEntropy: '(y − t) / (y (1 − y))',
  softmaxCrossEntropy: '−t / y',
};

const list = (values) => `(${values.map((v) => small(v)).join(', ')})`;

export function backwardLines({ point, trace, sizes, lossName }) {
  const last = sizes.length - 1;
  const outputs = Array.from({ length: sizes[last] }, (_, k) => outputError({ trace, sizes, label: point.label, lossName, k }));
  const pick = (key) => outputs.map((e) => e[key]);
  const lines = [`Output error: target t = ${list(pick('t'))}, y = ${list(pick('y'))}; `
    + `dL/dy = ${LOSS_SLOPES[lossName] ?? 'dL/dy'} = ${list(pick('dLdy'))}; δ = dL/dz = ${list(pick('delta'))}`];
  for (let layer = last - 1; layer >= 1; layer--) {
    const deltas = Array.from({ length: sizes[layer] }, (_, k) => deltaOf(trace, sizes, layer, k));
    lines.push(`Back to hidden layer ${layer}: δ = f′(z) × Σ w·δ(next layer) = ${list(deltas)}`);
  }
  lines.push('Every link: dL/dw = δ (of the node it feeds) × a (of the node it leaves). Hover a link for its update.');
  return lines;
}

