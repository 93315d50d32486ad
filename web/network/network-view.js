// The network diagram: input features, hidden neurons and the output as thumbnails of their
// maps, joined by links styled from the weights, with + / - controls for the shape and a card
// to read and edit any weight or bias. It renders what it is given and reports what the person
// does through callbacks; it owns no network state. setStructure rebuilds the elements, update
// redraws the picture on every frame. The elements (SVG link paths, neuron and bias boxes) are
// transparent and only take the pointer and the focus; what they show is painted on two
// canvases by network-picture.js. All state is per instance, so many views can share a page.
import { colorFor } from '../views/colors.js';
import { drawThumbnail } from '../views/heatmap.js';
import { create, place, RovingFocus, focusKey, restoreFocus } from './network-dom.js';
import { listenForInput } from './network-input.js';
import { NetworkPicture } from './network-picture.js';
import { WeightCard } from './network-card.js';
import { NetworkNames, TITLE_ROW, nameWidth } from './network-names.js';
import {
  weightCount, paramCount, weightIndex, biasIndex, unitIndex, linkWidth, featureMap, gridInputMap,
  diagramGeometry, nodeName, minDiagramWidth,
} from './network-layout.js';

// Side of the static maps drawn for features before (or without) live values.
const STATIC_MAP_SIZE = 24;
const FALLBACK_WIDTH = 280;

export class NetworkView {
  constructor(container, callbacks = {}, { maxLayers = 8, maxNeurons = 16 } = {}) {
    Object.assign(this, { callbacks, maxLayers, maxNeurons, doc: container.ownerDocument });
    Object.assign(this, { sizes: null, params: null, hovered: null, layoutWidth: 0 });
    this.picture = new NetworkPicture(this.doc);
    this.words = new NetworkNames(this.doc);

    this.root = this.make('div', 'nv-root');
    this.addLayerButton = this.button('+', 'add-layer', 'Add a hidden layer');
    this.removeLayerButton = this.button('\u2212', 'remove-layer', 'Remove the last hidden layer');
    this.layerCount = this.make('span', 'nv-layer-count');
    this.stage = this.make('div', 'nv-stage', { role: 'group',
      'aria-label': 'Network diagram: arrow keys move between nodes and links, Enter edits a weight' });
    this.roving = new RovingFocus();
    this.card = new WeightCard(this.doc, {
      describe: (param) => ({ kind: param < this.weightTotal ? 'Weight' : 'Bias', value: this.params?.[param],
        note: this.paramNote?.(param) }),
      onCommit: (param, value) => this.callbacks.onEditParam?.(param, value),
    });
    this.root.append(this.make('div', 'nv-toolbar', {},
      [this.addLayerButton, this.removeLayerButton, this.layerCount]), this.stage);
    container.replaceChildren(this.root);

    listenForInput(this);
    this.resizeObserver = new ResizeObserver(() => {
      if (this.sizes && this.root.clientWidth && this.root.clientWidth !== this.layoutWidth) this.layout();
    });
    this.resizeObserver.observe(this.root);
  }

  make(tag, className, attrs, content) {
    return create(this.doc, tag, className, attrs, content);
  }

  button(text, role, label, attrs = {}) {
    return this.make('button', 'nv-btn', { type: 'button', 'data-role': role, 'aria-label': label, ...attrs }, text);
  }

  // Rebuilds every element of the diagram for a new set of features or shape.
  // probabilityOutputs: the outputs lie in [0, 1] (sigmoid, softmax); their maps are stretched.
  // titles (one per column) and outputNames (classes per output node) are network-names.js's.
  // inputsFromGrid: the inputs are no function of the plane known here (wide CSV data's
  // columns): their maps come from the first frame's grid instead (see drawInputMaps).
  setStructure({ features, hiddenShape, outputs = 1, probabilityOutputs = false, titles = [], outputNames = null, palette,
    inputsFromGrid = false }) {
    this.probabilityOutputs = probabilityOutputs;
    this.inputsFromGrid = inputsFromGrid;
    this.inputMapsStale = inputsFromGrid;
    const focused = this.features ? focusKey(this.root, this.roving) : null;
    this.card.close(false);
    this.setHovered(null);
    this.features = features.map((f) => ({ key: f.key, label: f.label, enabled: !!f.enabled }));
    this.hiddenShape = hiddenShape.slice();
    this.enabledRows = this.features.flatMap((f, row) => (f.enabled ? [row] : []));
    const sizes = [this.enabledRows.length, ...this.hiddenShape, outputs];
    this.sizes = sizes;
    this.weightTotal = weightCount(sizes);
    this.paramTotal = paramCount(sizes);
    const labels = this.enabledRows.map((row) => this.features[row].label);
    this.name = (layer, k) => nodeName(labels, sizes, layer, k);
    Object.assign(this, { paramItems: new Map(), links: [], biases: [], neurons: [] });
    // The graph the arrow keys walk: a column of nodes per layer (every feature in the first).
    const graphNode = (el, key) => ({ el, key, outs: [], ins: [] });

    // Every hit path above every visible link, so the pointer always finds the nearest hit area.
    const [lines, hits] = [this.make('g', 'nv-link-lines'), this.make('g', 'nv-link-hits')];
    this.svg = this.make('svg', 'nv-links', {}, [lines, hits]);
    const featureEls = this.features.map((f, row) => this.buildFeature(f, row));
    this.graph = [this.features.map((f) => graphNode(f.el, `f:${f.key}`))];
    for (let layer = 1; layer < sizes.length; layer++) {
      for (let k = 0; k < sizes[layer]; k++) this.buildNeuron(layer, k);
      this.graph.push(this.neurons.filter((n) => n.layer === layer).map((n) => graphNode(n.el, `n:${layer}:${n.k}`)));
    }
    for (let l = 0; l + 1 < sizes.length; l++) {
      for (let o = 0; o < sizes[l + 1]; o++) {
        for (let i = 0; i < sizes[l]; i++) this.buildLink(l, o, i, lines, hits);
        this.buildBias(l, o);
      }
    }
    this.heads = this.hiddenShape.map((count, k) => this.buildHead(k, count));
    const words = this.words.build({ titles, outputNames, palette });
    this.words.labelOutputs(this.neurons);
    this.outputLabel = nameWidth(outputNames);
    const layers = this.hiddenShape.length;
    this.layerCount.textContent = `${layers} HIDDEN LAYER${layers === 1 ? '' : 'S'}`;
    this.addLayerButton.disabled = layers >= this.maxLayers;
    this.removeLayerButton.disabled = layers === 0;
    // The per-layer buttons first: the focus meets them before the diagram, as the eye does.
    this.stage.replaceChildren(...this.heads, this.picture.linkCanvas, this.svg, ...featureEls,
      ...this.neurons.map((n) => n.el), this.picture.mapLayer, ...this.biases.map((b) => b.el), ...words, this.card.box);
    this.roving.setGraph(this.graph);
    // What each link and bias shows ({ color, width, faded }), and the key of the view's own
    // style last computed for it: unchanged weights cost no redraw.
    this.linkStyles = this.links.map(() => ({ color: '', width: 1, faded: false }));
    this.biasStyles = this.biases.map(() => ({ color: '', faded: false }));
    this.linkKeys = new Array(this.links.length).fill('');
    this.biasKeys = new Array(this.biases.length).fill('');
    this.picture.forgetMaps();
    this.layout();
    restoreFocus(this.root, this.roving, focused);
  }

  buildFeature(f, row) {
    const el = this.make('button', f.enabled ? 'nv-feature' : 'nv-feature nv-off', {
      type: 'button', 'data-role': 'feature', 'data-key': f.key, 'aria-pressed': f.enabled,
    });
    // A feature's map is the same function of the grid point on every frame: drawn once.
    const canvas = this.make('canvas', 'nv-thumb');
    drawThumbnail(canvas, featureMap(f.key, STATIC_MAP_SIZE), STATIC_MAP_SIZE);
    el.append(this.make('span', 'nv-feature-label', {}, f.label), canvas);
    const input = this.enabledRows.indexOf(row);
    if (input >= 0) el.setAttribute('data-unit', String(input));
    f.el = el;
    return el;
  }

  buildNeuron(layer, k) {
    const unit = unitIndex(this.sizes, layer, k);
    const output = layer === this.sizes.length - 1;
    const el = this.make('div', output ? 'nv-neuron nv-output' : 'nv-neuron', {
      'data-role': 'neuron', 'data-unit': unit, role: 'img', 'aria-label': this.name(layer, k),
    });
    this.neurons.push({ el, layer, k, unit });
  }

  buildLink(l, o, i, lines, hits) {
    const param = weightIndex(this.sizes, l, o, i);
    const path = this.make('path', 'nv-link', {
      'data-role': 'link', 'data-param': param, role: 'button',
      'aria-label': `weight from ${this.name(l, i)} to ${this.name(l + 1, o)}`,
    });
    // A wide transparent twin takes the pointer, so thin links are easy to hover.
    const hit = this.make('path', 'nv-link-hit', { 'data-role': 'link-hit', 'data-param': param });
    lines.append(path);
    hits.append(hit);
    const edge = { el: path, key: `w:${l}:${o}:${i}`, from: this.graphAt(l, i), to: this.graphAt(l + 1, o) };
    edge.from.outs.push(edge);
    edge.to.ins.push(edge);
    this.links.push({ param, el: path, hit, mid: { x: 0, y: 0 } });
    this.paramItems.set(param, this.links.at(-1));
  }

  buildBias(l, o) {
    const param = biasIndex(this.sizes, l, o);
    const el = this.make('div', 'nv-bias', {
      'data-role': 'bias', 'data-param': param, role: 'button',
      'aria-label': `bias of ${this.name(l + 1, o)}`,
    });
    const to = this.graphAt(l + 1, o);
    to.ins.push({ el, key: `b:${l}:${o}`, from: null, to });
    this.biases.push({ param, el, mid: { x: 0, y: 0 } });
    this.paramItems.set(param, this.biases.at(-1));
  }

  // The graph node of node k in column `layer` (0: the k-th enabled feature).
  graphAt(layer, k) {
    return this.graph[layer][layer === 0 ? this.enabledRows[k] : k];
  }

  buildHead(k, count) {
    const add = this.button('+', 'add-neuron', `Add a neuron to layer ${k + 1}`, { 'data-layer': k });
    const remove = this.button('\u2212', 'remove-neuron', `Remove a neuron from layer ${k + 1}`, { 'data-layer': k });
    add.disabled = count >= this.maxNeurons;
    remove.disabled = count <= 1;
    const label = this.make('span', 'nv-count', {}, [this.make('span', 'nv-count-num', {}, String(count)),
      this.make('span', 'nv-count-word', {}, count === 1 ? ' neuron' : ' neurons')]);
    return this.make('div', 'nv-head', {}, [this.make('div', 'nv-head-buttons', {}, [add, remove]), label]);
  }

  // `shape` when it keeps to the view's limits, else `previous`.
  withinLimits(shape, previous) {
    const fits = shape.length <= this.maxLayers && shape.every((n) => n >= 1 && n <= this.maxNeurons);
    return fits ? shape : previous;
  }

  // Moves every element to fit the root's current width; creates nothing.
  layout() {
    this.layoutWidth = this.root.clientWidth || FALLBACK_WIDTH;
    // A deep network keeps readable links and scrolls sideways rather than squeezing them.
    const g = diagramGeometry({
      width: Math.max(this.layoutWidth, minDiagramWidth(this.sizes.length, this.outputLabel)), featureCount: this.features.length,
      enabledRows: this.enabledRows, hiddenShape: this.hiddenShape, outputs: this.sizes.at(-1), outputLabel: this.outputLabel,
    });
    this.root.classList.toggle('nv-narrow', g.narrow);
    this.stage.style.height = `${g.height + TITLE_ROW}px`;
    this.stage.style.width = `${g.width}px`;
    this.stage.style.setProperty('--nv-node', `${g.nodeSize}px`);
    this.stage.style.setProperty('--nv-label', `${g.labelWidth}px`);
    this.svg.setAttribute('width', String(g.width));
    this.svg.setAttribute('height', String(g.height));
    this.picture.resize(g.width, g.height);
    const features = g.columns[0];
    this.features.forEach((f, row) => place(f.el, features.x - g.labelWidth, features.nodes[row].y));
    for (const { el, layer, k } of this.neurons) place(el, g.columns[layer].x, g.columns[layer].nodes[k].y);
    this.heads.forEach((el, k) => place(el, g.columns[k + 1].x + g.nodeSize / 2, 0));
    this.words.place(g);
    g.links.forEach(({ d, mid }, j) => {
      this.links[j].el.setAttribute('d', d);
      this.links[j].hit.setAttribute('d', d);
      this.links[j].mid = mid;
    });
    g.biases.forEach(({ x, y, mid }, j) => {
      place(this.biases[j].el, x, y);
      this.biases[j].mid = mid;
    });
    this.picture.setGeometry({
      links: g.links, biases: g.biases, nodeSize: g.nodeSize,
      nodes: this.neurons.map(({ layer, k, unit }) => ({
        unit, ...g.columns[layer].nodes[k], stretch: this.probabilityOutputs && layer === this.sizes.length - 1,
      })),
    });
    this.paintLinks();
    // Resizing cleared the canvases. The maps are painted again from their samples, unless
    // they are now a new size: the last grid went back to the worker, so ask for a frame.
    if (this.picture.needsGrid) this.callbacks.onStale?.();
    else this.picture.paintMaps();
    const item = this.paramItems.get(this.card.param);
    if (item) this.card.place(item.mid, this.layoutWidth);
  }

  // The side in device pixels at which update wants each neuron's map.
  get mapSide() {
    return this.picture.side;
  }

  // Per frame: neuron maps (mapSide x mapSide each, in unit order), link and bias styles from
  // params, the card's value. styleLinks false skips restyling links and biases this time (the
  // caller restyles them a few times a second while training).
  // grid (gridSize² per unit, inputs first) is read only for inputs whose maps are stale.
  update({ params, maps, mapSide, styleLinks = true, grid = null, gridSize = 0 }) {
    if (!this.sizes) return;
    if (this.inputMapsStale && grid) this.drawInputMaps(grid, gridSize);
    // Maps made for the size before a new layout are dropped, and a fresh frame asked for.
    if (maps && !this.picture.drawMaps(maps, mapSide)) this.callbacks.onStale?.();
    if (!params || params.length < this.paramTotal) return;
    this.params = params;
    // An overlay (network-overlay.js) owns link and bias styles while it shows.
    if (styleLinks && !this.overlayActive) this.restyle(params);
    if (this.card.showsValue) this.card.refresh();
  }

  // The inputs' maps as the engine feeds them over the plane (wide data: the slice's two inputs
  // rise across and up, the others are flat at their mean), once per structure or slice.
  // The tooltip says which, since a mean near 0 is a pale square.
  drawInputMaps(grid, gridSize) {
    const side = STATIC_MAP_SIZE;
    this.enabledRows.forEach((row, unit) => {
      const { el, label } = this.features[row];
      const map = gridInputMap(grid, gridSize, unit, side);
      drawThumbnail(el.querySelector('canvas'), map, side);
      const across = map[0] !== map[side - 1];
      const up = map[0] !== map[(side - 1) * side];
      el.title = across || up ? `${label}: rises ${across ? 'across' : 'up'} the map`
        : `${label}: held at its mean, ${Number(grid[unit * gridSize * gridSize].toPrecision(3))}, on this map`;
    });
    this.inputMapsStale = false;
  }

  // The map shown changed (a new slice through wide data): the next frame's grid redraws the inputs.
  forgetInputMaps() {
    this.inputMapsStale = this.inputsFromGrid;
  }

  // The view's own styles: colour by sign, width by size. Keys are compared first, so links
  // whose look did not change cost nothing and an unchanged network is not redrawn at all.
  restyle(params) {
    let changed = false;
    this.links.forEach((link, j) => {
      const w = params[link.param];
      const color = colorFor(w);
      const width = Math.round(linkWidth(w) * 10) / 10;
      const key = color + width;
      if (this.linkKeys[j] === key) return;
      this.linkKeys[j] = key;
      this.linkStyles[j] = { color, width, faded: false };
      changed = true;
    });
    this.biases.forEach((bias, j) => {
      const color = colorFor(params[bias.param]);
      if (this.biasKeys[j] === color) return;
      this.biasKeys[j] = color;
      this.biasStyles[j] = { color, faded: false };
      changed = true;
    });
    if (changed) this.paintLinks();
  }

  // For an overlay: what link j or bias j shows until restoreOwnStyles; paintLinks shows it.
  styleLink(j, color, width, faded = false) {
    this.linkStyles[j] = { color, width, faded };
  }

  styleBias(j, color, faded = false) {
    this.biasStyles[j] = { color, faded };
  }

  // For an overlay: the neurons (grid units) whose maps are drawn faded.
  fadeUnits(units) {
    this.picture.fade(units);
  }

  paintLinks() {
    if (this.linkStyles) this.picture.drawLinks(this.linkStyles, this.biasStyles);
  }

  // Ends an overlay: every link and bias takes the view's own style again.
  restoreOwnStyles() {
    this.overlayActive = false;
    this.linkKeys?.fill('');
    this.biasKeys?.fill('');
    this.picture.fade([]);
    if (this.params) this.restyle(this.params);
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.card.close(false);
    this.root.remove();
    this.sizes = null;
  }

  setHovered(unit) {
    if (unit === this.hovered) return;
    this.hovered = unit;
    this.callbacks.onHoverUnit?.(unit);
  }

  // Shows the card of the link with the largest |weight|, as hovering it would, and returns
  // that link's path and the card (the tour points at both); null without links or weights.
  showLargestWeight() {
    if (!this.links?.length || !this.params || this.card.editing) return null;
    const link = this.links.reduce((a, b) => (Math.abs(this.params[b.param]) > Math.abs(this.params[a.param]) ? b : a));
    this.card.show(link.param, link.mid, this.layoutWidth);
    return [link.el, this.card.box];
  }

  hideCard() {
    if (!this.card.editing) this.card.close(false);
  }

  // The card's editor for a link or bias; the focus returns to it when the editor closes.
  openEditor(param, at) {
    const item = this.paramItems.get(param);
    if (item) this.card.openEditor(param, at, this.layoutWidth, item.el);
  }
}
