// The first hidden layer of an image network, "what each neuron looks for": every neuron drawn
// as the picture of its incoming weights (one weight per pixel, in the diagram's colour scale,
// scaled per neuron), with a strip under it coloured by its activation for the current image
// and, when the next layer is the output, one pip per class coloured by the weight to it.
// All tiles are one canvas, painted with one putImageData per frame. The arrow keys pick a
// neuron; the picked one is shown large with its numbers in words.
import { h } from '../shared/dom.js';
import { colorFor } from '../views/colors.js';
import { paintWeights, paintBlock, tileGrid, gridColumns, weightLut, largestMagnitude } from './pixels.js';

const GAP = 2;
const STRIP = 3;  // rows of the activation strip and of the pips under each tile

export class WeightGrid {
  constructor() {
    Object.assign(this, { count: 0, width: 28, height: 28, classes: [], palette: 'classic', picked: 0 });
    Object.assign(this, { weights: null, activations: null, votes: null });
    this.canvas = h('canvas', { class: 'weight-grid', width: 1, height: 1, tabindex: 0, role: 'application',
      'aria-roledescription': 'weight pictures' });
    this.canvas.addEventListener('keydown', (e) => this.key(e));
    this.canvas.addEventListener('click', (e) => this.clicked(e));
    this.big = h('canvas', { class: 'weight-big', width: 28, height: 28, 'aria-hidden': 'true' });
    this.caption = h('p', { class: 'weight-caption', 'aria-live': 'polite' });
    this.el = h('div', { class: 'weight-box' }, this.canvas, h('div', { class: 'weight-pick' }, this.big, this.caption));
  }

  // count neurons, each seeing a width x height image; classes: the output names when the
  // next layer is the output (else null, no pips).
  setStructure({ count, width, height, classes = null, palette = 'classic' }) {
    Object.assign(this, { count, width, height, classes, palette, picked: Math.min(this.picked, Math.max(0, count - 1)) });
    this.tileH = height + GAP + STRIP + (classes ? STRIP + 1 : 0);
    this.layout = tileGrid(count, gridColumns(count), width, this.tileH, GAP);
    this.canvas.width = this.layout.width;
    this.canvas.height = this.layout.height;
    this.canvas.setAttribute('aria-label', `Hidden layer 1, ${count} neurons: each drawn as the picture of its ${width * height} `
      + 'incoming weights, blue for positive and orange for negative, scaled per neuron. Arrow keys pick a neuron.');
    this.canvas.style.setProperty('--cols', String(this.layout.columns));
    this.big.width = width;
    this.big.height = height;
    this.image = null;
  }

  // weights: [count * pixels] rows per neuron; activations: the neurons' outputs for the
  // current image or null; votes: [classes * count] the next layer's weights (W [out, in]) or null.
  update({ weights, activations = this.activations, votes = this.votes }) {
    if (weights) this.weights = weights;
    this.activations = activations;
    this.votes = votes;
    this.paint();
  }

  paint() {
    const { count, width, height, layout } = this;
    const pixels = width * height;
    if (!count || !this.weights || this.weights.length < count * pixels) return;
    const ctx = this.canvas.getContext('2d');
    if (!this.image || this.image.width !== layout.width || this.image.height !== layout.height) {
      this.image = ctx.createImageData(layout.width, layout.height);
    }
    const out = this.image.data;
    const lut = weightLut(this.palette);
    const voteTop = this.votes ? largestMagnitude(this.votes, 0, this.votes.length) || 1 : 1;
    layout.at.forEach(({ x, y }, k) => {
      paintWeights(out, layout.width, x, y, this.weights, k * pixels, width, height, lut);
      const a = this.activations?.[k];
      paintBlock(out, layout.width, x, y + height + GAP, width, STRIP, Number.isFinite(a) ? a : 0, lut);
      if (!this.classes || !this.votes) return;
      const K = this.classes.length;
      const pip = Math.max(1, Math.floor(width / K));
      for (let c = 0; c < K; c++) {
        paintBlock(out, layout.width, x + c * pip, y + height + GAP + STRIP + 1, pip - (pip > 2 ? 1 : 0), STRIP,
          this.votes[c * count + k] / voteTop, lut);
      }
    });
    ctx.putImageData(this.image, 0, 0);
    this.paintPicked();
  }

  // The picked neuron, large, with its numbers.
  paintPicked() {
    const { width, height } = this;
    const k = this.picked;
    if (!this.weights || k >= this.count) return;
    const ctx = this.big.getContext('2d');
    const image = ctx.createImageData(width, height);
    paintWeights(image.data, width, 0, 0, this.weights, k * width * height, width, height, weightLut(this.palette));
    ctx.putImageData(image, 0, 0);
    const a = this.activations?.[k];
    let vote = '';
    if (this.classes && this.votes) {
      let best = 0;
      for (let c = 1; c < this.classes.length; c++) if (this.votes[c * this.count + k] > this.votes[best * this.count + k]) best = c;
      vote = `; it speaks most for ${this.classes[best]}`;
    }
    const text = `Neuron ${k + 1} of ${this.count}${Number.isFinite(a) ? `, activation ${a.toFixed(2)} for this image` : ''}${vote}.`;
    if (this.caption.textContent !== text) this.caption.textContent = text;
    this.big.style.borderColor = colorFor(Number.isFinite(a) ? a : 0, this.palette);
  }

  pick(k) {
    this.picked = Math.max(0, Math.min(this.count - 1, k));
    this.paint();
  }

  key(e) {
    const cols = this.layout?.columns ?? 1;
    const moves = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols, Home: -this.picked, End: this.count };
    if (!(e.key in moves)) return;
    e.preventDefault();
    this.pick(this.picked + moves[e.key]);
  }

  clicked(e) {
    const box = this.canvas.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * this.layout.width;
    const y = ((e.clientY - box.top) / box.height) * this.layout.height;
    const col = Math.floor(x / (this.width + GAP));
    const row = Math.floor(y / (this.tileH + GAP));
    const k = row * this.layout.columns + col;
    if (k < this.count) this.pick(k);
  }
}
