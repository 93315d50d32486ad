// The layers of an image network after the first: each neuron a square coloured by its
// activation for the current image, the output nodes in their class colours, and the links
// between them coloured and sized by their weights, as the points' diagram draws them. One
// canvas; the picture is described in words for a screen reader.
import { h } from '../shared/dom.js';
import { colorFor } from '../views/colors.js';
import { weightIndex, linkWidth } from '../network/network-layout.js';
import { imageClassColor } from './pixels.js';

const COLUMN_GAP = 56;
const NODE = 10;
const MIN_HEIGHT = 160;
// The output nodes sit level with the class bars beside them: one bar row (20 px and a 3 px
// gap, images.css.js) each.
export const BAR_ROW = 23;

// Node k's centre height of n in a column of height H; outputs line up with their bars.
export const nodeY = (k, n, height, output = false) => (output ? k * BAR_ROW + 10 : ((k + 0.5) / n) * height);

export class DeepLayers {
  constructor() {
    this.canvas = h('canvas', { class: 'deep-layers', width: 1, height: 1, role: 'img' });
    this.el = this.canvas;
    Object.assign(this, { sizes: [], palette: 'classic', params: null, values: null, faded: new Set() });
  }

  // sizes: units per layer, inputs first; drawn are layers 2 .. last (when there are any
  // besides the output), so a network with one hidden layer shows nothing here.
  setStructure({ sizes, palette = 'classic' }) {
    Object.assign(this, { sizes, palette, params: null, values: null });
    this.first = 2;
    this.columns = Math.max(0, sizes.length - this.first);
    this.el.hidden = sizes.length < 4;
    const width = Math.max(1, (this.columns - 1) * COLUMN_GAP + NODE);
    this.height = Math.max(MIN_HEIGHT, sizes.at(-1) * BAR_ROW);
    const HEIGHT = this.height;
    const ratio = globalThis.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(HEIGHT * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${HEIGHT}px`;
    const hidden = sizes.slice(this.first, -1);
    this.canvas.setAttribute('aria-label', `Hidden layers ${this.first} to ${sizes.length - 2} (${hidden.join(', ')} neurons) `
      + 'and the output: each neuron coloured by its activation for this image, each link by its weight.');
  }

  // params: every weight and bias (network-layout.js order); values(layer) the activations of
  // a layer for the current image, or null.
  update({ params = this.params, values = this.values } = {}) {
    Object.assign(this, { params, values });
    if (this.el.hidden) return;
    const ctx = this.canvas.getContext('2d');
    const ratio = this.canvas.width / Math.max(1, parseFloat(this.canvas.style.width) || 1);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { sizes } = this;
    const x = (layer) => (layer - this.first) * COLUMN_GAP + NODE / 2;
    const y = (layer, k) => nodeY(k, sizes[layer], this.height, layer === sizes.length - 1);
    if (params) {
      for (let layer = this.first + 1; layer < sizes.length; layer++) {
        ctx.globalAlpha = this.faded.has(layer) ? 0.15 : 0.7;
        for (let o = 0; o < sizes[layer]; o++) {
          for (let i = 0; i < sizes[layer - 1]; i++) {
            const w = params[weightIndex(sizes, layer - 1, o, i)];
            ctx.strokeStyle = colorFor(w, this.palette);
            ctx.lineWidth = linkWidth(w) / 2;
            ctx.beginPath();
            ctx.moveTo(x(layer - 1), y(layer - 1, i));
            ctx.lineTo(x(layer), y(layer, o));
            ctx.stroke();
          }
        }
      }
    }
    for (let layer = this.first; layer < sizes.length; layer++) {
      ctx.globalAlpha = this.faded.has(layer) ? 0.25 : 1;
      const output = layer === sizes.length - 1;
      const a = values?.(layer);
      for (let k = 0; k < sizes[layer]; k++) {
        ctx.fillStyle = output ? imageClassColor(k, this.palette) : colorFor(a ? a[k] : 0, this.palette);
        ctx.fillRect(x(layer) - NODE / 2, y(layer, k) - NODE / 2, NODE, NODE);
        ctx.strokeStyle = '#555';
        ctx.lineWidth = 1;
        ctx.strokeRect(x(layer) - NODE / 2, y(layer, k) - NODE / 2, NODE, NODE);
      }
    }
    ctx.globalAlpha = 1;
  }

  // Layers drawn faded (a followed image's pass has not reached them yet).
  fade(layers) {
    this.faded = new Set(layers);
    this.update();
  }
}
