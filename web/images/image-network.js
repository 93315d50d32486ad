// The diagram of a network that sees pictures: the input layer drawn as the picture itself
// (not 784 nodes), the first hidden layer as the pictures of its weights (weight-grid.js),
// any deeper layers as neurons and links (deep-layers.js), and the output as one named,
// coloured row per class with its probability for the current picture (class-bars.js).
// It renders what it is given; the hidden widths are edited as text through the settings
// table, so a width the core refuses is refused here too.
import { h } from '../shared/dom.js';
import { coerce } from '../state/state.js';
import { unitIndex, weightOffset } from '../network/network-layout.js';
import { paintImage } from './pixels.js';
import { WeightGrid } from './weight-grid.js';
import { DeepLayers } from './deep-layers.js';
import { ClassBars } from './class-bars.js';

// A layer's activations out of a forward pass: one array per layer, the input layer first, or
// (without it) the hidden layers first; or a trace's flat activations, every unit in order.
export function layerValues(pass, sizes, layer) {
  if (!pass) return null;
  if (pass.activations && !Array.isArray(pass.activations)) {
    const start = unitIndex(sizes, layer, 0);
    return pass.activations.subarray(start, start + sizes[layer]);
  }
  const a = pass.a ?? pass.activations;
  if (!Array.isArray(a)) return null;
  return a.length === sizes.length ? a[layer] : a[layer - 1] ?? null;
}

export class ImageNetwork {
  // onShape(list): a new list of hidden widths; onError(message).
  constructor({ onShape = () => {}, onError = () => {} } = {}) {
    Object.assign(this, { onShape, onError, sizes: [], width: 28, height: 28 });
    this.input = h('canvas', { class: 'image-input', width: 28, height: 28, role: 'img', 'aria-label': 'The current picture' });
    this.inputCaption = h('p', { class: 'hint image-input-caption' });
    this.grid = new WeightGrid();
    this.deep = new DeepLayers();
    this.bars = new ClassBars();
    this.titles = [h('h3', {}, 'Input'), h('h3', {}, 'Hidden 1'), h('h3', {}, 'Deeper'), h('h3', {}, 'Output')];
    this.shape = h('input', { class: 'control-input image-shape', type: 'text', inputmode: 'numeric', spellcheck: 'false',
      onchange: () => this.shapeChanged() });
    this.columns = [
      h('div', { class: 'in-col in-input' }, this.titles[0], this.input, this.inputCaption),
      h('div', { class: 'in-col in-hidden' }, this.titles[1], this.grid.el),
      h('div', { class: 'in-col in-deep' }, this.titles[2], this.deep.el),
      h('div', { class: 'in-col in-output' }, this.titles[3], this.bars.el),
    ];
    this.el = h('div', { class: 'image-network', role: 'group', 'aria-label': 'Network diagram for pictures' },
      h('label', { class: 'control image-shape-control' },
        h('span', { class: 'control-label' }, 'Hidden layers: neurons in each, comma-separated'), this.shape),
      h('div', { class: 'in-columns' }, this.columns));
  }

  // sizes: units per layer, the pixels first; names: the classes in output order.
  setStructure({ sizes, width, height, names, palette = 'classic', activation = '' }) {
    Object.assign(this, { sizes, width, height, names, palette });
    this.input.width = width;
    this.input.height = height;
    const hidden = sizes.slice(1, -1);
    this.shape.value = hidden.join(',');
    this.titles[0].textContent = `Input: ${width} × ${height} picture${sizes[0] !== width * height ? `, seen as ${sizes[0]} pixels` : ''}`;
    this.titles[1].textContent = hidden.length ? `Hidden 1: ${hidden[0]} neurons${activation ? `, ${activation}` : ''}` : '';
    this.titles[2].textContent = hidden.length > 1 ? `Hidden 2${hidden.length > 2 ? `–${hidden.length}` : ''}` : '';
    this.titles[3].textContent = `Output: ${names.length} classes, softmax`;
    this.columns[1].hidden = hidden.length === 0;
    this.columns[2].hidden = hidden.length < 2;
    // The network may see the picture smaller than it is (imageSize=14: 2 x 2 averages), so the
    // weight pictures take their side from the input count.
    const side = Math.round(Math.sqrt(sizes[0]));
    const [inW, inH] = side * side === sizes[0] ? [side, side] : [width, height];
    this.grid.setStructure({ count: hidden[0] ?? 0, width: inW, height: inH, classes: hidden.length === 1 ? names : null, palette });
    this.deep.setStructure({ sizes, palette });
    this.bars.setClasses(names, palette);
  }

  // The picture being looked at (bytes 0..255 or floats 0..1) and what it is, in words.
  showInput(pixels, caption) {
    const ctx = this.input.getContext('2d');
    const image = ctx.createImageData(this.width, this.height);
    paintImage(image.data, this.width, 0, 0, pixels, 0, this.width, this.height);
    ctx.putImageData(image, 0, 0);
    this.input.setAttribute('aria-label', `The current picture: ${caption}`);
    this.inputCaption.textContent = caption;
  }

  // inputWeights: the first layer's weights; params: every parameter (for the links after the
  // first layer) or null; pass: the current picture's forward pass or null.
  update({ inputWeights, params, pass }) {
    const { sizes } = this;
    const votes = params && sizes.length === 3
      ? params.subarray(weightOffset(sizes, 1), weightOffset(sizes, 1) + sizes[1] * sizes[2]) : null;
    this.grid.update({ weights: inputWeights, activations: layerValues(pass, sizes, 1), votes });
    this.deep.update({ params, values: pass ? (layer) => layerValues(pass, sizes, layer) : null });
    if (pass) return this.bars.show(layerValues(pass, sizes, sizes.length - 1));
    return -1;
  }

  // A followed picture's pass at { phase, layer }: later layers (forward) fade.
  highlight(where) {
    const last = this.sizes.length - 1;
    const lit = (layer) => (!where || where.phase === 'backward' ? true : layer <= where.layer);
    this.columns[0].classList.toggle('in-faded', !lit(0));
    this.columns[1].classList.toggle('in-faded', !lit(1));
    this.columns[3].classList.toggle('in-faded', !lit(last));
    this.columns.forEach((c) => c.classList.remove('in-current'));
    if (where) {
      const at = where.layer === 0 ? 0 : where.layer === 1 ? 1 : where.layer === last ? 3 : 2;
      this.columns[at].classList.add('in-current');
    }
    this.deep.fade(where?.phase === 'forward' ? this.sizes.map((_, l) => l).filter((l) => !lit(l)) : []);
  }

  shapeChanged() {
    const text = this.shape.value.replace(/\s+/g, '');
    const result = coerce('networkShape', text);
    if ('error' in result) {
      this.onError(result.error);
      this.shape.value = this.sizes.slice(1, -1).join(',');
      return;
    }
    this.onShape(result.value);
  }
}
