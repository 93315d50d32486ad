// Picture data sets (dataset=fashion) in one playground: the module the conductor fetches the
// first time such a data set is chosen, so a playground of points never downloads it. It puts
// its views into the columns mount() built (the class picker and sample strip in the data
// column, the picture diagram in place of the points' one, a picture to try and a confusion
// matrix whose cells show their pictures in the output column), hides the views that have
// nothing to show for pictures (the 2-D map, the input features) and keeps the current
// picture's forward pass up to date as the weights move.
import { h } from '../shared/dom.js';
import { SCHEMA } from '../state/state.js';
import { CLASS_NAMES, ClassPicker, classKeys } from './class-picker.js';
import { SampleStrip } from './sample-strip.js';
import { ImageNetwork, layerValues } from './image-network.js';
import { ImageFollow } from './image-follow.js';
import { DrawPad } from './draw-pad.js';
import { ImageConfusion } from './confusion-images.js';
import { percentText } from './class-bars.js';
import { imageStyles } from './images.css.js';

// Pictures a confusion cell shows at most.
const CELL_PICTURES = 24;

const spec = () => SCHEMA.imageClasses ?? { values: Object.keys(CLASS_NAMES), type: 'enumList' };
const allKeys = () => spec().values.filter((k) => k !== 'all');

// The setting's value for a list of keys, as the table spells it.
function settingValue(keys) {
  const value = keys.length === allKeys().length ? ['all'] : keys;
  return spec().type === 'enumList' ? value : value.join(',');
}

export class ImagePanel {
  // root: the playground's shadow root; ui: buildLayout's; views: the FrameViews; engine():
  // the current Engine; change(key, value) a setting; onError(error) shows a message.
  constructor({ root, ui, views, engine, change, onError }) {
    Object.assign(this, { root, ui, views, engine, change, onError });
    Object.assign(this, { sizes: [], names: [], width: 28, height: 28, current: null, pass: null, testIndex: 0 });
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, imageStyles()];
    this.playground = root.querySelector('.playground');
    const table = spec();
    this.picker = new ClassPicker({ keys: allKeys(), min: table.minEntries ?? 2, max: allKeys().length,
      onChange: (keys) => change('imageClasses', settingValue(keys)) });
    this.strip = new SampleStrip();
    this.dataBox = h('div', { class: 'image-data' }, this.picker.el, h('h3', {}, 'Sample pictures'), this.strip.el);
    root.querySelector('.column-data .datasets').after(this.dataBox);

    this.diagram = new ImageNetwork({ onShape: (list) => change('networkShape', list), onError: (m) => onError(new Error(m)) });
    ui.networkContainer.before(this.diagram.el);
    this.follow = new ImageFollow({ container: ui.trace, diagram: this.diagram });

    this.pad = new DrawPad({ onChange: (pixels) => this.setCurrent({ pixels, label: this.drawnLabel(), caption: 'your drawing', drawn: true }) });
    this.prediction = h('p', { class: 'image-prediction', 'aria-live': 'polite' });
    this.labelSelect = h('select', { class: 'control-input', onchange: () => this.current?.drawn && this.pad.changed() });
    const button = (text, onclick) => h('button', { type: 'button', class: 'text-button small', onclick }, text);
    this.tryBox = h('section', { class: 'image-try', role: 'group', 'aria-label': 'Try a picture' },
      h('h3', {}, 'Try a picture: draw one, or step through the test pictures'),
      h('div', { class: 'image-try-row' }, this.pad.el, h('div', { class: 'image-try-side' }, this.prediction,
        h('label', { class: 'control' }, h('span', { class: 'control-label' }, 'Your drawing is a'), this.labelSelect),
        h('div', { class: 'tool-row' },
          button('Previous test picture', () => this.loadTest(this.testIndex - 1)),
          button('Next test picture', () => this.loadTest(this.testIndex + 1)),
          button('Draw on this picture', () => this.current && this.pad.load(this.current.pixels)),
          button('Follow this picture forward and backward', () => this.startFollow())))));
    ui.confusion.before(this.tryBox);
    this.confusion = new ImageConfusion(ui.confusion, { onCell: (t, p) => this.showCell(t, p), onPick: (i) => this.pickFromCell(i) });
    this.plainConfusion = views.confusion;
  }

  // state: the playground's settings. A whole epoch of pictures is longer than a frame: the
  // pace becomes "as fast as it goes", mini-batches for a few milliseconds a frame.
  enter(state) {
    if (state && state.epochsPerFrame !== 'auto' && state.epochsPerFrame !== 'batch') this.change('epochsPerFrame', 'auto');
    this.playground.classList.add('image-mode');
    for (const el of [this.dataBox, this.diagram.el, this.tryBox]) el.hidden = false;
    this.views.confusion = this.confusion;
    this.confusion.shape = '';
  }

  leave() {
    this.playground.classList.remove('image-mode');
    for (const el of [this.dataBox, this.diagram.el, this.tryBox]) el.hidden = true;
    this.follow.close();
    this.views.confusion = this.plainConfusion;
    this.plainConfusion.shape = '';  // the table in the box is this panel's: build it anew
  }

  // After a build: result is the engine's structure (unitCounts, lossName, image), state the
  // playground's settings.
  setStructure(result, state) {
    const image = result.image ?? {};
    const keys = classKeys(image.classes ?? state.imageClasses, allKeys());
    const names = image.names ?? keys.map((k) => CLASS_NAMES[k] ?? k);
    // The pictures' own size (the network may see them at half the side, image.width).
    const [width, height] = [image.pixelWidth ?? image.width ?? 28, image.pixelHeight ?? image.height ?? 28];
    Object.assign(this, { sizes: result.unitCounts, names, width, height, testCount: image.testCount ?? Infinity,
      lossName: result.lossName, palette: state.palette, pass: null, activation: state.activation });
    this.picker.set(keys);
    this.diagram.setStructure({ sizes: this.sizes, width, height, names, palette: state.palette, activation: state.activation });
    this.pad.setSize(width, height);
    if (result.samples) this.strip.show({ samples: result.samples, names, width, height, palette: state.palette });
    this.confusion.names = names;
    this.labelSelect.replaceChildren(...names.map((name, k) => h('option', { value: String(k) }, name)));
    this.follow.close();
    this.confusion.gallery.replaceChildren();
    this.loadTest(0);
  }

  // A frame of an image network: its metrics and weights, the first layer's apart.
  onFrame(frame, { running, frames }) {
    this.params = frame.params ?? this.params;
    this.diagram.update({ inputWeights: frame.inputWeights, params: this.params, pass: this.pass });
    // The current picture is asked about again as the weights move: on one frame in four while
    // training, so the bars keep up without a second worker call on every frame.
    const turn = running ? frames % 4 : -1;
    if (frame.trained > 0 || turn === -1) {
      if (turn === -1 || turn === 1) this.predict();
      if (this.follow.active && (turn === -1 || turn === 3)) this.retrace();
    }
  }

  drawnLabel() {
    return Number(this.labelSelect.value) || 0;
  }

  loadTest(index) {
    const i = ((index % this.testCount) + this.testCount) % this.testCount || 0;
    this.engine().testImage(i).then(({ pixels, label }) => {
      this.testIndex = i;
      this.setCurrent({ pixels, label, index: i, caption: `test picture ${i + 1}, a ${this.names[label] ?? label}` });
    }, () => { if (i > 0) this.loadTest(0); });
  }

  // The picture being looked at: { pixels, label, caption, index (test pictures), drawn }.
  setCurrent(current) {
    this.current = { drawn: false, ...current };
    this.diagram.showInput(current.pixels, current.caption);
    this.predict();
    if (this.follow.active) this.retrace();
  }

  // The current picture's forward pass with the weights as they are; one call in flight.
  predict() {
    if (!this.current) return;
    if (this.predicting) { this.again = true; return; }
    this.predicting = true;
    const asked = this.current;
    this.engine().predictImage(asked.pixels.slice()).then((pass) => {
      if (asked !== this.current) return;
      this.pass = pass;
      this.showPass();
    }, this.onError).finally(() => {
      this.predicting = false;
      if (this.again) { this.again = false; this.predict(); }
    });
  }

  showPass() {
    const best = this.diagram.update({ inputWeights: null, params: this.params, pass: this.pass });
    const p = layerValues(this.pass, this.sizes, this.sizes.length - 1);
    if (best < 0 || !p) return;
    const { current } = this;
    const verdict = current.drawn ? '' : best === current.label ? ' Right.' : ` Wrong: it is a ${this.names[current.label]}.`;
    const text = `The network says ${this.names[best]} (${percentText(p[best])}).${verdict}`;
    if (this.prediction.textContent !== text) this.prediction.textContent = text;
    this.prediction.dataset.best = String(best);
  }

  async traceCurrent() {
    const { current } = this;
    return this.engine().traceImage(current.index === undefined ? { pixels: current.pixels.slice(), label: current.label }
      : { index: current.index });
  }

  async startFollow() {
    if (!this.current) return;
    try {
      const trace = await this.traceCurrent();
      await this.follow.show(trace, this.current.label, { sizes: this.sizes, lossName: this.lossName, names: this.names,
        width: this.width, height: this.height, caption: this.current.caption });
    } catch (error) {
      this.onError(error);
    }
  }

  // One call in flight; a picture changed meanwhile is traced once it is back.
  retrace() {
    if (this.retracing) { this.retraceAgain = true; return; }
    this.retracing = true;
    const asked = this.current;
    this.traceCurrent().then((trace) => {
      if (asked === this.current) this.follow.update(trace, { label: asked.label, caption: asked.caption });
    }, this.onError).finally(() => {
      this.retracing = false;
      if (this.retraceAgain) { this.retraceAgain = false; this.retrace(); }
    });
  }

  async showCell(actual, predicted) {
    try {
      const result = await this.engine().imagesInCell(actual, predicted, CELL_PICTURES);
      const images = result.pixels;
      this.cell = { actual, images, indices: result.indices };
      const count = Math.floor(images.length / (this.width * this.height));
      this.confusion.showCell({ images, width: this.width, height: this.height,
        title: `${count} test picture${count === 1 ? '' : 's'} of ${this.names[actual]} taken for ${this.names[predicted]}`
          + `${count === CELL_PICTURES ? ` (the first ${CELL_PICTURES})` : ''}` });
    } catch (error) {
      this.onError(error);
    }
  }

  pickFromCell(i) {
    const { actual, images, indices } = this.cell;
    const pixels = this.width * this.height;
    this.testIndex = indices[i];
    this.setCurrent({ pixels: images.slice(i * pixels, (i + 1) * pixels), label: actual, index: indices[i],
      caption: `test picture ${indices[i] + 1}, a ${this.names[actual]}` });
  }
}
