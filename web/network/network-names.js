// The diagram's words: a title under each column ("Input: 2 features", "Hidden 1: Tanh",
// "Output: 3 nodes, softmax") and, beside each output node, the class or classes it speaks for
// in their class colours. network-view.js owns the elements' places; this builds and moves them.
import { classColor } from '../views/colors.js';
import { create, place } from './network-dom.js';

// Height of the row of column titles under the nodes (up to three lines of small text).
export const TITLE_ROW = 40;
const CHAR_PX = 6;
const MAX_NAME_PX = 84;

// Width to keep right of the output column for the class names (0 without names).
export function nameWidth(outputNames) {
  if (!outputNames) return 0;
  const longest = Math.max(0, ...outputNames.flatMap((o) => o.classes.map((c) => c.name.length)));
  return Math.min(MAX_NAME_PX, 16 + longest * CHAR_PX);
}

export class NetworkNames {
  constructor(doc) {
    this.doc = doc;
    this.titles = [];
    this.names = [];
  }

  // titles: one string per column; outputNames: from layer-names.js outputClasses, or null.
  build({ titles = [], outputNames = null, palette = 'classic' }) {
    const make = (tag, className, attrs, content) => create(this.doc, tag, className, attrs, content);
    this.titles = titles.map((text, c) => make('div', 'nv-layer-title', { 'data-column': c }, text));
    this.names = (outputNames ?? []).map((o) => make('div', 'nv-class-names', { 'aria-hidden': 'true' },
      o.classes.map((c) => {
        const swatch = make('span', 'nv-class-swatch');
        swatch.style.backgroundColor = classColor(c.colorIndex, palette);
        return make('span', 'nv-class-name', { 'data-class': c.colorIndex }, [swatch, c.name]);
      })));
    this.outputNames = outputNames;
    this.palette = palette;
    return [...this.titles, ...this.names];
  }

  // Screen-reader names of the output nodes, when classes name them; a node that speaks for one
  // class is framed in its colour.
  labelOutputs(neurons) {
    const outputs = neurons.filter((n) => n.el.classList.contains('nv-output'));
    outputs.forEach((n, k) => {
      const named = this.outputNames?.[k];
      if (!named) return;
      n.el.setAttribute('aria-label', named.label);
      if (named.classes.length === 1) {
        n.el.style.boxShadow = `0 0 0 2px ${classColor(named.classes[0].colorIndex, this.palette)}`;
        n.el.dataset.class = String(named.classes[0].colorIndex);
      }
    });
  }

  // g: the diagram geometry; top of the title row and the node size from it.
  place(g) {
    const half = g.nodeSize / 2;
    const last = g.columns.length - 1;
    const share = Math.max(40, g.pitch - 6);  // a column's width for its title, centred under it
    this.titles.forEach((el, c) => {
      const centre = g.columns[c].x + half;
      // The output's title may also use the room kept for the class names on its right.
      const left = centre - share / 2;
      const width = Math.min(120, c === last ? g.width - 2 - left : share);
      // A title wider than its share would reach into its neighbour's if centred: it starts at
      // its share's left edge instead.
      const fromLeft = width > share;
      el.classList.toggle('nv-title-from-left', fromLeft);
      place(el, fromLeft ? left : centre, g.height + 2);
      el.style.maxWidth = `${width}px`;
    });
    const output = g.columns[last];
    this.names.forEach((el, k) => place(el, output.x + g.nodeSize + 4, output.nodes[k].y + half));
  }
}

export const NETWORK_NAMES_CSS = `
.nv-layer-title { position: absolute; transform: translateX(-50%); width: max-content; font-size: 10px; line-height: 12px; color: #555; text-align: center; }
.nv-layer-title.nv-title-from-left { transform: none; }
.nv-class-names { position: absolute; transform: translateY(-50%); display: flex; flex-direction: column; gap: 1px; font-size: 10px; line-height: 12px; color: #333; white-space: nowrap; }
.nv-class-name { display: flex; align-items: center; gap: 3px; }
.nv-class-swatch { width: 8px; height: 8px; border-radius: 50%; display: inline-block; flex: none; }
`;
