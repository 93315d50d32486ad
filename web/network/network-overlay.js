// Draws over a NetworkView what a person cannot see in the weights alone: one input's forward
// pass (each node's weighted sum z and activation a, each link's contribution w × a) and the
// gradients of the last error (which weights it blamed most). While it shows, the view leaves
// link and bias styles to it (view.overlayActive); clear() hands them back.
import { colorFor } from '../views/colors.js';
import { weightIndex, biasIndex, unitIndex, linkWidth } from './network-layout.js';

// Light grey (no blame) to deep red (a large gradient).
const GRADIENT_LOW = [0xe8, 0xea, 0xeb];
const GRADIENT_HIGH = [0xb0, 0x1c, 0x1c];
const MAX_GRADIENT_WIDTH = 8;
const MAX_OUTLINE = 4;
const LABEL_GAP = 3;

// The gradient view's scale is fixed, not the frame's largest value, so a network that has
// learned looks pale next to one that has not: |dL/dw| from 10^-4 (palest) to 1 (deepest), in
// equal steps per power of ten (the gradients of a run span several of them).
export const GRADIENT_SCALE = Object.freeze({ low: 1e-4, high: 1 });

// Every link as { l, o, i, param } in the view's build order: layer l, then target unit o of
// layer l + 1, then source unit i of layer l.
export function linkList(sizes) {
  const links = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    for (let o = 0; o < sizes[l + 1]; o++) {
      for (let i = 0; i < sizes[l]; i++) links.push({ l, o, i, param: weightIndex(sizes, l, o, i) });
    }
  }
  return links;
}

// What a link adds to its target's weighted sum for one input: w × a, where a is the activation
// of its source unit (a feature value for the inputs). activations: one per unit, grid order.
export function contributionOf(params, sizes, activations, { l, o, i }) {
  return params[weightIndex(sizes, l, o, i)] * activations[unitIndex(sizes, l, i)];
}

// The largest |values[k]| for k in [from, to); 0 when all are 0 or not finite.
export function largestMagnitude(values, from = 0, to = values.length) {
  let max = 0;
  for (let k = from; k < to; k++) {
    const a = Math.abs(values[k]);
    if (a > max && Number.isFinite(a)) max = a;
  }
  return max;
}

// |g| on the fixed scale as a shade in [0, 1]: 0 at or below scale.low (and for 0 or NaN),
// 1 at or above scale.high, logarithmic between.
export function gradientShade(g, { low, high } = GRADIENT_SCALE) {
  const a = Math.abs(g);
  if (!(a > low)) return 0;
  return Math.min(1, Math.log10(a / low) / Math.log10(high / low));
}

// The CSS colour of a shade on the grey-to-red scale.
export function gradientColor(shade) {
  const [r, g, b] = GRADIENT_LOW.map((low, c) => Math.round(low + (GRADIENT_HIGH[c] - low) * shade));
  return `rgb(${r},${g},${b})`;
}

// A value in at most four significant characters, with a real minus sign: 0.5234 -> "0.52",
// -3.4 -> "−3.40", 12.345 -> "12.3", 345.6 -> "346".
export function compact(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  const text = a >= 100 ? a.toFixed(0) : a >= 10 ? a.toFixed(1) : a.toFixed(2);
  return (v < 0 && Number(text) !== 0 ? '\u2212' : '') + text;
}

// Like compact, but a value under 0.01 keeps two significant digits: deltas are often small.
export function small(v) {
  if (!Number.isFinite(v) || Math.abs(v) >= 0.01 || v === 0) return compact(v);
  return String(Number(v.toPrecision(2))).replace(/-/g, '\u2212');
}

export class NetworkOverlay {
  constructor(view, { palette = 'classic' } = {}) {
    Object.assign(this, { view, palette, labels: [], marked: new Set(), last: null });
    // Labels sit at node positions: place them again when the view lays itself out anew.
    this.resizeObserver = typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => { if (this.last) requestAnimationFrame(() => this.redraw()); }) : null;
  }

  // Labels every node of layers 0..upTo with its z and a, styles each link into those layers by
  // its contribution w × a, and fades the layers beyond. params defaults to the view's last ones.
  showTrace(trace, { upTo = Infinity, params = this.view.params } = {}) {
    const sizes = this.view.sizes;
    const units = sizes ? sizes.reduce((a, b) => a + b, 0) : 0;
    if (!sizes || !params || !trace || trace.activations.length < units) return this.clear();
    this.begin({ kind: 'trace', trace, upTo, params });
    const { view } = this;
    const last = Math.min(upTo, sizes.length - 1);
    const pairs = linkList(sizes);
    view.links.forEach((link, j) => {
      const pair = pairs[j];
      if (pair.l + 1 <= last) {
        const c = contributionOf(params, sizes, trace.activations, pair);
        view.styleLink(j, colorFor(c, this.palette), linkWidth(c));
      } else {
        view.styleLink(j, colorFor(params[link.param], this.palette), linkWidth(params[link.param]), true);
      }
    });
    view.biases.forEach((bias, j) => {
      const faded = this.layerOfBias(bias.param) > last;
      view.styleBias(j, colorFor(params[bias.param], this.palette), faded);
      if (faded) this.mark(bias.el, 'ov-faded');
    });
    view.paintLinks();
    const fadedUnits = [];
    for (const { el, layer, unit } of view.neurons) {
      if (layer > last) {
        this.mark(el, 'ov-faded');
        fadedUnits.push(unit);
      } else if (layer === last) {
        this.mark(el, 'ov-current');
      }
    }
    view.fadeUnits(fadedUnits);
    for (let layer = 0; layer <= last; layer++) {
      for (let k = 0; k < sizes[layer]; k++) {
        const u = unitIndex(sizes, layer, k);
        const a = compact(trace.activations[u]);
        this.label(layer, k, layer === 0 ? [a] : [`z ${compact(trace.sums[u])}`, `a ${a}`], a);
      }
    }
  }

  // Colours each link by |∂L/∂w| on the fixed GRADIENT_SCALE, and outlines each neuron (and
  // colours its bias square) by its bias gradient, which is its error signal ∂L/∂z summed over
  // the batch. gradients: one per parameter, in the params layout. Returns the largest of each.
  showGradients(gradients, { params = this.view.params } = {}) {
    const { view } = this;
    const sizes = view.sizes;
    if (!sizes || !gradients || gradients.length < view.weightTotal) { this.clear(); return null; }
    this.begin({ kind: 'gradients', gradients, params });
    view.links.forEach((link, j) => {
      const shade = gradientShade(gradients[link.param]);
      view.styleLink(j, gradientColor(shade), 1 + (MAX_GRADIENT_WIDTH - 1) * shade);
    });
    view.biases.forEach((bias, j) => view.styleBias(j, gradientColor(gradientShade(gradients[bias.param]))));
    view.paintLinks();
    view.fadeUnits([]);
    for (const { el, layer, k } of view.neurons) this.outline(el, gradientShade(gradients[biasIndex(sizes, layer - 1, k)]));
    this.mark(view.root, 'ov-gradients');
    return {
      maxWeight: largestMagnitude(gradients, 0, view.weightTotal),
      maxBias: largestMagnitude(gradients, view.weightTotal, gradients.length),
    };
  }

  // One point's backward pass down to layer `downTo` (the output first): every node of layers
  // >= downTo labelled with its delta = ∂L/∂z, each link into them coloured by the sign of its
  // ∂L/∂w = delta × a (blue raises the loss as w grows, orange lowers it) and as wide as its
  // size on the fixed scale; the layers not reached yet fade.
  showBackward(trace, { downTo = 1, params = this.view.params } = {}) {
    const sizes = this.view.sizes;
    if (!sizes || !params || !trace?.gradients || trace.gradients.length < this.view.paramTotal) return this.clear();
    this.begin({ kind: 'backward', trace, downTo, params });
    const { view } = this;
    const g = trace.gradients;
    linkList(sizes).forEach((pair, j) => {
      if (pair.l + 1 >= downTo) {
        const shade = gradientShade(g[pair.param]);
        view.styleLink(j, colorFor(Math.sign(g[pair.param]) * (0.35 + 0.65 * shade), this.palette),
          1 + (MAX_GRADIENT_WIDTH - 1) * shade);
      } else {
        view.styleLink(j, colorFor(params[pair.param], this.palette), linkWidth(params[pair.param]), true);
      }
    });
    view.biases.forEach((bias, j) => {
      const faded = this.layerOfBias(bias.param) < downTo;
      view.styleBias(j, faded ? colorFor(params[bias.param], this.palette) : gradientColor(gradientShade(g[bias.param])), faded);
      if (faded) this.mark(bias.el, 'ov-faded');
    });
    view.paintLinks();
    const fadedUnits = [];
    for (const { el, layer, k, unit } of view.neurons) {
      if (layer < downTo) {
        this.mark(el, 'ov-faded');
        fadedUnits.push(unit);
        continue;
      }
      if (layer === downTo) this.mark(el, 'ov-current');
      const delta = small(g[biasIndex(sizes, layer - 1, k)]);
      this.label(layer, k, [`\u03b4 ${delta}`], delta);
    }
    view.fadeUnits(fadedUnits);
  }

  outline(el, shade) {
    el.style.outline = shade > 0 ? `${(1 + (MAX_OUTLINE - 1) * shade).toFixed(1)}px solid ${gradientColor(shade)}` : '';
    el.style.outlineOffset = shade > 0 ? '1px' : '';
    this.marked.add(el);
  }

  // Restores the view's own styles and removes every label.
  clear() {
    this.undecorate();
    this.last = null;
    this.resizeObserver?.disconnect();
    if (this.view.overlayActive) this.view.restoreOwnStyles();
  }

  // Shows the last trace or gradients again, e.g. after the view moved its nodes.
  redraw() {
    const last = this.last;
    if (!last || !this.view.overlayActive) return;
    if (last.kind === 'trace') this.showTrace(last.trace, last);
    else if (last.kind === 'backward') this.showBackward(last.trace, last);
    else this.showGradients(last.gradients, last);
  }

  begin(last) {
    this.undecorate();
    this.last = last;
    this.view.overlayActive = true;
    this.resizeObserver?.observe(this.view.stage);
  }

  undecorate() {
    for (const el of this.labels) el.remove();
    this.labels = [];
    for (const el of this.marked) {
      el.classList.remove('ov-faded', 'ov-current', 'ov-gradients');
      el.style.outline = el.style.outlineOffset = '';
    }
    this.marked.clear();
  }

  mark(el, className) {
    el.classList.add(className);
    this.marked.add(el);
  }

  // The layer (1-based, as view.neurons count) whose bias param this is.
  layerOfBias(param) {
    const sizes = this.view.sizes;
    let offset = this.view.weightTotal;
    for (let layer = 1; layer < sizes.length; layer++) {
      offset += sizes[layer];
      if (param < offset) return layer;
    }
    return sizes.length - 1;
  }

  // The stage box of node k of column `layer`: the thumbnail's square, in stage px.
  nodeBox(layer, k) {
    const { view } = this;
    const stage = view.stage.getBoundingClientRect();
    let box;
    if (layer === 0) {
      const r = view.features[view.enabledRows[k]].el.getBoundingClientRect();
      box = { left: r.right - r.height, top: r.top, size: r.height };
    } else {
      const neuron = view.neurons.find((n) => n.layer === layer && n.k === k);
      const r = neuron.el.getBoundingClientRect();
      box = { left: r.left, top: r.top, size: r.width };
    }
    return { x: box.left - stage.left, y: box.top - stage.top, size: box.size };
  }

  // The free px beside node k of `layer` (right of it; left of it in the output column, where
  // nothing follows) and to the next node below it.
  room(layer, k) {
    const sizes = this.view.sizes;
    const box = this.nodeBox(layer, k);
    const output = layer === sizes.length - 1;
    const other = this.nodeBox(output ? layer - 1 : layer + 1, 0);
    const across = output ? box.x - (other.x + other.size) : other.x - (box.x + box.size);
    const down = sizes[layer] > 1 ? Math.abs(this.nodeBox(layer, k === 0 ? 1 : k - 1).y - box.y) - box.size : Infinity;
    return { box, output, across: across - 2 * LABEL_GAP, down: box.size + Math.max(0, down) };
  }

  // Labels node k of `layer` with `lines` beside it; where they do not fit (a narrow diagram),
  // with `short` alone, beside the node or else over its lower edge.
  label(layer, k, lines, short) {
    const doc = this.view.stage.ownerDocument;
    const el = doc.createElement('div');
    el.setAttribute('aria-hidden', 'true');
    const fill = (texts) => el.replaceChildren(...texts.map((text) => {
      const span = doc.createElement('span');
      span.textContent = text;
      return span;
    }));
    this.view.stage.append(el);
    this.labels.push(el);
    const { box, output, across, down } = this.room(layer, k);
    const fits = () => el.offsetWidth <= across && el.offsetHeight <= down;
    el.className = `ov-label${layer === 0 ? ' ov-label-in' : ''}`;
    fill(lines);
    if (!fits() && lines.length > 1) fill([short]);
    let left;
    let top;
    if (fits()) {
      left = output ? box.x - LABEL_GAP - el.offsetWidth : box.x + box.size + LABEL_GAP;
      top = box.y + box.size / 2 - el.offsetHeight / 2;
    } else {
      el.classList.add('ov-label-inside');
      left = box.x + box.size / 2 - el.offsetWidth / 2;
      top = box.y + box.size - el.offsetHeight;
    }
    el.style.left = `${Math.round(left)}px`;
    el.style.top = `${Math.round(top)}px`;
  }
}
