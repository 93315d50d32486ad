// What the panel says about one hovered or focused node or link of the followed point, written
// out with its numbers: a node's z = w1*a1 + ... + b term by term, its activation plotted with
// (z, f(z)) marked, its delta; a link's w, a and w*a, its dL/dw = delta*a with what the sign
// means, and the update it gets, w <- w - eta*g (after "Step one mini-batch": the weight before
// and after, as the engine holds them). ctx: see ExplainController.detailContext.
import { h } from '../shared/dom.js';
import { unitIndex, nodeName } from '../network/network-layout.js';
import { num, factor, weightedSum, outputError, backpropSum, linkFacts, linkOf, regularizerTerm, OPTIMIZER_RULES } from './pass-math.js';
import { ACTIVATIONS } from './activation-math.js';
import { drawActivation } from './activation-plot.js';

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n) => String(n).split('').map((d) => SUB[Number(d)]).join('');
const line = (className, ...text) => h('p', { class: `tp-d ${className}` }, ...text);
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// The activation of node k of `layer` as a function of its own z; softmax with the other
// outputs' sums held where they are: e^z / (e^z + S) = sigmoid(z - log S).
function nodeFunction(ctx, layer, k) {
  const name = ctx.activations[layer - 1];
  if (name !== 'softmax') return ACTIVATIONS[name]?.f ?? ((z) => z);
  const { sizes, trace } = ctx;
  let others = 0;
  for (let j = 0; j < sizes[layer]; j++) if (j !== k) others += Math.exp(trace.sums[unitIndex(sizes, layer, j)]);
  const shift = Math.log(others);
  return (z) => 1 / (1 + Math.exp(-(z - shift)));
}

export function nodeDetail(ctx, layer, k) {
  const { sizes, trace, params, labels } = ctx;
  const name = capital(nodeName(labels, sizes, layer, k));
  if (layer === 0) {
    const a = trace.activations[unitIndex(sizes, 0, k)];
    return [h('h4', { class: 'tp-d-title' }, name), line('tp-d-act', `a = ${name} = ${num(a)}: an input passes its value on as it is.`)];
  }
  const activation = ctx.activations[layer - 1];
  const spec = ACTIVATIONS[activation];
  const sum = weightedSum(params, sizes, trace, layer, k);
  const symbols = sum.terms.map((_, i) => `w${sub(i + 1)}a${sub(i + 1)}`);
  const canvas = h('canvas', { class: 'tp-d-plot', width: 160, height: 84, 'aria-hidden': 'true' });
  const out = [
    h('h4', { class: 'tp-d-title' }, `${name} · ${spec?.name ?? activation}`),
    line('tp-d-formula', `z = ${[...symbols, 'b'].join(' + ')}`),
    line('tp-d-factors', `= ${[...sum.terms.map((t) => `${factor(t.w)} × ${factor(t.a)}`), factor(sum.bias)].join(' + ')}`),
    line('tp-d-terms', `= ${[...sum.terms.map((t) => factor(t.product)), factor(sum.bias)].join(' + ')} = ${num(sum.z)}`),
    h('div', { class: 'tp-d-fx' }, canvas,
      line('tp-d-act', `a = f(z) = ${spec?.formula.replace(/z/g, factor(sum.z)) ?? 'f(z)'} = ${num(sum.a)}`)),
  ];
  // Drawn once the caller has put the canvas in the panel, in the panel's text colour.
  queueMicrotask(() => drawActivation(canvas, nodeFunction(ctx, layer, k), sum.z, sum.a));
  // Backwards, the node's delta comes first, under its name: it is what this stage is about.
  if (ctx.phase === 'backward' && layer >= ctx.layer) out.splice(1, 0, deltaLine(ctx, layer, k));
  else out.push(line('tp-d-hint', 'Step on to the backward pass for this node\u2019s δ = dL/dz.'));
  return out;
}

function deltaLine(ctx, layer, k) {
  const { sizes, trace, params, point, lossName } = ctx;
  if (layer === sizes.length - 1) {
    const e = outputError({ trace, sizes, label: point.label, lossName, k });
    const slope = ACTIVATIONS[ctx.activations[layer - 1]]?.slope(trace.sums[unitIndex(sizes, layer, k)]);
    const worked = e.rule.includes('f′') ? ` = ${factor(e.dLdy)} × ${factor(slope)}` : ` = ${num(e.y)} − ${factor(e.t)}`;
    return line('tp-d-delta', `t = ${num(e.t)}, y = ${num(e.y)}, dL/dy = ${num(e.dLdy)}; ${e.rule}${worked} = ${num(e.delta)}`);
  }
  const b = backpropSum({ params, trace, sizes, layer, k, activation: ctx.activations[layer - 1] });
  const sent = b.terms.map((t) => `${factor(t.w)} × ${factor(t.delta)}`).join(' + ');
  return line('tp-d-delta', `δ = dL/dz = f′(z) × Σ w·δ = ${factor(b.slope)} × (${sent}) = ${factor(b.slope)} × ${factor(b.sent)} = ${num(b.delta)}`);
}

// Enough decimals that a weight before and after a step differ in three digits.
function decimalsFor(change) {
  const a = Math.abs(change);
  return a > 0 ? Math.min(9, Math.max(4, Math.ceil(-Math.log10(a)) + 2)) : 4;
}

function signMeaning(g) {
  if (g > 0) return 'raising w raises this point\u2019s loss, so the update lowers w';
  if (g < 0) return 'raising w lowers this point\u2019s loss, so the update raises w';
  return 'w does not change this point\u2019s loss';
}

export function paramDetail(ctx, param) {
  const { sizes, trace, params, labels } = ctx;
  const link = linkOf(sizes, param);
  const out = [];
  let g;
  if (link) {
    const f = linkFacts({ params, trace, sizes, ...link });
    g = f.gradient;
    const from = nodeName(labels, sizes, link.l, link.i);
    out.push(h('h4', { class: 'tp-d-title' }, `Weight from ${from} to ${nodeName(labels, sizes, link.l + 1, link.o)}`),
      line('tp-d-forward', `w = ${num(f.w)}, a = ${num(f.a)} (${from}), w × a = ${num(f.product)}: its part of z`),
      line('tp-d-grad', `dL/dw = δ × a = ${factor(f.delta)} × ${factor(f.a)} = ${num(g)}: ${signMeaning(g)}`));
  } else {
    const o = param - (params.length - sizes.slice(1).reduce((s, n) => s + n, 0));
    let layer = 1;
    let k = o;
    while (k >= sizes[layer]) k -= sizes[layer++];
    g = trace.gradients[param];
    out.push(h('h4', { class: 'tp-d-title' }, `Bias of ${nodeName(labels, sizes, layer, k)}`),
      line('tp-d-forward', `b = ${num(params[param])}: added to z as it is`),
      line('tp-d-grad', `dL/db = δ = ${num(g)}: ${signMeaning(g).replace(/w/g, 'b')}`));
  }
  out.push(updateLine(ctx, param, g, Boolean(link)));
  return out;
}

function updateLine(ctx, param, pointGradient, isWeight) {
  const { settings, lastStep } = ctx;
  const optimizer = settings.optimizer ?? 'sgd';
  const symbol = isWeight ? 'w' : 'b';
  if (!lastStep) {
    const eta = ctx.learningRate;
    const after = ctx.params[param] - eta * pointGradient;
    const places = decimalsFor(eta * pointGradient);
    return line('tp-d-update', `From this point alone: ${symbol} ← ${symbol} − η g = ${ctx.params[param].toFixed(places)} − ${num(eta)} × ${factor(pointGradient)} = ${after.toFixed(places)}. `
      + 'Training uses the mean g over a mini-batch: press Step one mini-batch to see it.');
  }
  const before = lastStep.before[param];
  const after = lastStep.after[param];
  const batchGradient = lastStep.gradients[param];
  const reg = isWeight ? regularizerTerm(before, settings) : 0;
  const places = decimalsFor(after - before);
  const rule = OPTIMIZER_RULES[optimizer] ?? OPTIMIZER_RULES.sgd;
  const g = reg ? `g = ${num(batchGradient)} + ${num(reg)} (regularization) = ${num(batchGradient + reg)}` : `g = ${num(batchGradient)}`;
  const worked = optimizer === 'sgd'
    ? `${symbol} ← ${symbol} − η g = ${before.toFixed(places)} − ${num(lastStep.learningRate)} × ${factor(batchGradient + reg)} = ${(before - lastStep.learningRate * (batchGradient + reg)).toFixed(places)}`
    : `${optimizer}: ${rule}`;
  return h('div', { class: 'tp-d tp-d-update' },
    line('tp-d-batch', `Last mini-batch: ${g} (the mean dL/d${symbol} over its points), η = ${num(lastStep.learningRate)}.`),
    line('tp-d-rule', worked),
    line('tp-d-change', `Before ${before.toFixed(places)} → after ${after.toFixed(places)} (change ${num(after - before)}).`));
}
