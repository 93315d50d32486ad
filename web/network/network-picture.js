// The network diagram's pixels: every link, bias square and neuron map, drawn on canvases that
// lie over the diagram's interactive elements (network-view.css.js says why over).
//
// Why canvases: Chromium hands each canvas and each restyled SVG path to its compositor on its
// own. A 6x8 network had 49 neuron canvases and 344 link paths, and in the first second of
// training its commits took 30 to 60 ms on 2 cores (bench:page, setup b). Here the links and
// bias squares are one canvas, redrawn only when their styles change, and the neuron maps are
// one canvas per column, just as tall as the column, redrawn each frame from maps the worker
// sampled at their size in device pixels: what changes every frame covers the neurons and
// little else, so the compositor has little to redraw.
import { valueToIndex } from '../views/colors.js';
import { lookupTable, SHADES } from '../views/heatmap.js';
import { create } from './network-dom.js';
import { BIAS_SIZE, linkWidth } from './network-layout.js';
import { StillCanvas } from '../views/still-canvas.js';
import { context2d } from '../shared/canvas.js';

// Faded layers (the trace overlay's "not reached yet"), as the faded elements' CSS opacity.
const FADED_MAP_ALPHA = 0.25;
// How far the widest link's stroke (and its antialiasing) reaches beyond its ends' heights.
const LINK_REACH = linkWidth(Infinity) / 2 + 1;

// The box (stage px) that holds every link and bias square: the link canvas covers only it.
// A link's cubic leaves and arrives horizontally, so it stays between its ends' x and y.
// Each copy of the canvas (Chromium without a GPU keeps three: its picture and two shared
// with the compositor) is then about 30 % smaller than the whole diagram, whose first and last
// columns hold no link.
function linkBox(links, biases) {
  const xs = [...links.flatMap((l) => [l.x1, l.x2]), ...biases.flatMap((b) => [b.x, b.x + BIAS_SIZE])];
  const ys = [...links.flatMap((l) => [l.y1, l.y2]), ...biases.flatMap((b) => [b.y, b.y + BIAS_SIZE])];
  if (!xs.length) return { left: 0, top: 0, width: 1, height: 1 };
  const left = Math.floor(Math.min(...xs) - 1);
  const top = Math.floor(Math.min(...ys) - LINK_REACH);
  return { left, top, width: Math.ceil(Math.max(...xs) + 1) - left, height: Math.ceil(Math.max(...ys) + LINK_REACH) - top };
}

// Places a canvas at (left, top) in the stage, width x height CSS px, at `ratio` device pixels
// per CSS px. Setting its size clears it.
function sizeCanvas(canvas, left, top, width, height, ratio) {
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  Object.assign(canvas.style, { left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` });
}

export class NetworkPicture {
  constructor(doc) {
    // Links end at the nodes' edges; the maps cover the neurons' placeholder squares.
    this.doc = doc;
    this.linkCanvas = create(doc, 'canvas', 'nv-picture nv-link-canvas', { 'aria-hidden': 'true' });
    // Links change on one frame in four while training, but the page repaints on every one:
    // shown as one picture per redraw, a copy of these pixels is not handed over each time.
    this.linkPicture = new StillCanvas(this.linkCanvas);
    this.mapLayer = create(doc, 'div', 'nv-map-layer', { 'aria-hidden': 'true' });
    this.columns = [];  // per column of neurons: { canvas, x, top }
    this.nodeColumns = [];  // per node: its column's index
    Object.assign(this, { ratio: 1, width: 0, height: 0, links: [], biases: [], nodes: [], nodeSize: 0 });
    this.linkBox = { left: 0, top: 0, width: 1, height: 1 };
    this.luts = { opaque: lookupTable(), faded: lookupTable('classic', FADED_MAP_ALPHA) };
    this.faded = new Set();
    // Each neuron's map sampled at its size in device pixels, kept so that fading or unfading
    // a layer can repaint without a new grid (the grid's buffer goes back to the worker).
    Object.assign(this, { side: 0, store: new Float32Array(0), sampled: false });
    this.image = null;
  }

  // The diagram's size in CSS px; canvases get device pixels so links and maps stay sharp.
  // setGeometry follows and sizes the canvases.
  resize(width, height) {
    const ratio = globalThis.devicePixelRatio || 1;
    Object.assign(this, { ratio, width, height });
  }

  // links: [{ x1, y1, x2, y2 }] in stage px; biases: [{ x, y }] top-left corners; nodes:
  // [{ unit, x, y, stretch }] top-left corners of the neurons whose maps are drawn (stretch: a
  // map of probabilities in [0, 1], shown on the -1..1 scale as 2p - 1), nodeSize their side.
  setGeometry({ links, biases, nodes, nodeSize }) {
    Object.assign(this, { links, biases, nodes, nodeSize });
    this.linkBox = linkBox(links, biases);
    const { left, top, width, height } = this.linkBox;
    sizeCanvas(this.linkCanvas, left, top, width, height, this.ratio);
    const side = Math.max(1, Math.round(nodeSize * this.ratio));
    if (side !== this.side || this.store.length !== nodes.length * side * side) {
      this.side = side;
      this.store = new Float32Array(nodes.length * side * side);
      this.sampled = false;
    }
    this.placeColumns();
  }

  // One canvas per distinct column (nodes sharing x), from its first node's top to its last
  // node's bottom. Resizing a canvas clears it: the caller paints the maps again.
  placeColumns() {
    const byX = new Map();
    this.nodeColumns = this.nodes.map(({ x, y }) => {
      if (!byX.has(x)) byX.set(x, { x, top: y, bottom: y, index: byX.size });
      const column = byX.get(x);
      column.top = Math.min(column.top, y);
      column.bottom = Math.max(column.bottom, y);
      return column.index;
    });
    const wanted = [...byX.values()];
    while (this.columns.length < wanted.length) {
      this.columns.push({ canvas: create(this.doc, 'canvas', 'nv-picture nv-map-canvas'), x: 0, top: 0 });
    }
    this.columns.length = wanted.length;
    wanted.forEach(({ x, top, bottom }, i) => {
      Object.assign(this.columns[i], { x, top });
      sizeCanvas(this.columns[i].canvas, x, top, this.nodeSize, bottom + this.nodeSize - top, this.ratio);
    });
    this.mapLayer.replaceChildren(...this.columns.map((column) => column.canvas));
  }

  // A new structure: the kept samples belong to the old neurons.
  forgetMaps() {
    this.sampled = false;
  }

  // Whether the maps need a new grid to be drawn (after a resize or a new structure).
  get needsGrid() {
    return !this.sampled && this.nodes.length > 0;
  }

  // styles[j] = { color, width, faded } for links[j]; biasStyles[j] = { color, faded }.
  drawLinks(styles, biasStyles) {
    const ctx = context2d(this.linkPicture.begin(this.linkCanvas.width, this.linkCanvas.height));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.linkCanvas.width, this.linkCanvas.height);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, -this.linkBox.left * this.ratio, -this.linkBox.top * this.ratio);
    this.links.forEach(({ x1, y1, x2, y2 }, j) => {
      const style = styles[j];
      if (!style?.color) return;
      // The same cubic as the SVG hit path (network-layout.js linkPath).
      const mx = (x1 + x2) / 2;
      ctx.globalAlpha = style.faded ? 0.15 : 1;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = style.width;
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.bezierCurveTo(mx, y1, mx, y2, x2, y2);
      ctx.stroke();
    });
    this.biases.forEach(({ x, y }, j) => {
      const style = biasStyles[j];
      if (!style?.color) return;
      ctx.globalAlpha = style.faded ? FADED_MAP_ALPHA : 1;
      ctx.fillStyle = style.color;
      ctx.fillRect(x, y, BIAS_SIZE, BIAS_SIZE);
    });
    ctx.globalAlpha = 1;
    this.linkPicture.show();
  }

  // maps: every neuron's map at side x side (the worker samples them from the grid, see
  // grid-copy.js sampleMaps), in the order of the nodes. False when they were made for another
  // size: the diagram was laid out anew since they were asked for.
  drawMaps(maps, side) {
    if (side !== this.side || maps.length !== this.store.length) return false;
    this.store.set(maps);
    this.sampled = true;
    this.paintMaps();
    return true;
  }

  // Units (grid indices) whose maps are drawn faded; repaints from the kept samples.
  fade(units) {
    this.faded = new Set(units);
    if (this.sampled) this.paintMaps();
  }

  paintMaps() {
    const side = this.side;
    const area = side * side;
    if (!this.columns.length) return;
    const contexts = this.columns.map((column) => context2d(column.canvas));
    if (!this.image || this.image.width !== side) this.image = contexts[0].createImageData(side, side);
    const pixels = new Uint32Array(this.image.data.buffer, this.image.data.byteOffset, area);
    this.nodes.forEach(({ unit, y, stretch }, n) => {
      const [scale, shift] = stretch ? [2, -1] : [1, 0];
      const column = this.columns[this.nodeColumns[n]];
      const lut = this.faded.has(unit) ? this.luts.faded : this.luts.opaque;
      const values = this.store.subarray(n * area, (n + 1) * area);
      for (let i = 0; i < area; i++) pixels[i] = lut[valueToIndex(values[i] * scale + shift, SHADES)];
      contexts[this.nodeColumns[n]].putImageData(this.image, 0, Math.round((y - column.top) * this.ratio));
    });
  }
}
