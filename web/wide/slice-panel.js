// The map of wide CSV data (x1, ..., xk, label): a 2-D slice through two chosen inputs with the
// others held at their mean over the training data (the engine's Session::set_slice). Two
// pickers choose the slice's inputs, and a line under the map says what it shows; the points
// drawn are the data projected on those two inputs, and the diagram's neuron maps are the same
// slice (they come from the same grid).
import { wideStyles } from './wide.css.js';

// The line under the map for inputs `names` and the slice [across, up].
export function sliceText(names, [across, up]) {
  const others = names.length - 2;
  return `The map is a slice through ${names[across]} (across) and ${names[up]} (up); ` +
    `the other ${others === 1 ? 'input is' : `${others} inputs are`} held at their mean over the training data. ` +
    `The points are the data projected on ${names[across]} and ${names[up]}.`;
}

export class SlicePanel {
  // host: { root, ui, engine() (the current one), onPoints(points) (the data as they now
  // project), onError, h (shared/dom.js's, handed in so that this chunk shares no module with
  // nnplay.js: a shared module would become a chunk of the first load) }.
  constructor(host) {
    const { h } = host;
    this.host = host;
    this.wide = null;
    const root = host.root;
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, wideStyles()];
    const picker = (label) => {
      const select = h('select', { class: 'wide-axis', onchange: () => this.pick(select) });
      return [h('label', { class: 'wide-axis-label' }, label, select), select];
    };
    const [acrossLabel, across] = picker('Map across ');
    const [upLabel, up] = picker('up ');
    this.selects = [across, up];
    this.text = h('p', { class: 'wide-slice-text', 'aria-live': 'polite' });
    this.note = h('p', { class: 'wide-inputs-note' });
    this.message = h('p', { class: 'wide-slice-message', role: 'alert' });
    this.el = h('div', { class: 'wide-slice', role: 'group', 'aria-label': 'Map slice through two inputs' },
      h('div', { class: 'wide-axes' }, acrossLabel, upLabel), this.text, this.note, this.message);
    // In the output box, so that on a narrow playground, where the map moves to the box's top,
    // the words about the slice move with it (wide.css.js) instead of staying under the chart.
    root.querySelector('.column-output .output')?.append(this.el);
  }

  // wide: { names, slice } of the current data, or null (no wide data: hidden).
  show(wide) {
    this.wide = wide;
    this.el.hidden = !wide;
    if (!wide) return;
    for (const select of this.selects)
      select.replaceChildren(...wide.names.map((name, k) => this.host.h('option', { value: String(k) }, name)));
    this.note.textContent = `The network's inputs are the file's ${wide.names.length} columns; ` +
      'the feature transforms (x², sin x, …) apply to two-column data only.';
    this.message.textContent = '';
    this.render();
  }

  render() {
    const { names, slice } = this.wide;
    this.selects.forEach((select, k) => { select.value = String(slice[k]); });
    this.text.textContent = sliceText(names, slice);
  }

  // A picker changed: the other keeps its input unless both would show the same (then they swap).
  pick(select) {
    const k = this.selects.indexOf(select);
    const slice = [...this.wide.slice];
    const chosen = Number(select.value);
    if (slice[1 - k] === chosen) slice[1 - k] = slice[k];
    slice[k] = chosen;
    this.host.engine().setSlice(slice[0], slice[1]).then((result) => {
      this.wide = result.wide;
      this.host.ui.output.setPoints(result.points);
      this.host.onPoints(result.points);
      this.message.textContent = '';
      this.render();
    }, (error) => {
      this.message.textContent = error.message;
      this.render();
    });
  }
}
