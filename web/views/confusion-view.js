// The test set's confusion matrix: rows are true classes, columns predicted ones, each cell a
// count shaded by its share of the row. Rebuilt only when the class count or palette changes.
import { h } from '../shared/dom.js';
import { classColor } from './colors.js';
import { className } from '../state/class-names.js';

export class ConfusionView {
  constructor(container) {
    this.container = container;
    this.shape = '';
    this.cells = [];
  }

  // matrix: K*K counts, row-major; classes 0 hides the view (regression); names: CSV class names.
  show(matrix, classes, palette, names = null) {
    // A class, not `hidden`: the hide attribute owns `hidden` on this container.
    this.container.classList.toggle('not-applicable', classes === 0);
    if (classes === 0) return;
    const shape = `${classes}/${palette}/${names?.join(',') ?? ''}`;
    if (shape !== this.shape) this.build(classes, palette, shape, names);
    for (let t = 0; t < classes; t++) {
      let rowTotal = 0;
      for (let p = 0; p < classes; p++) rowTotal += matrix[t * classes + p] ?? 0;
      for (let p = 0; p < classes; p++) {
        const count = matrix[t * classes + p] ?? 0;
        const cell = this.cells[t * classes + p];
        if (cell.textContent !== String(count)) cell.textContent = String(count);
        const share = rowTotal ? count / rowTotal : 0;
        // Shades at display precision, set only when they change: an equal one still restyles.
        const shade = t === p ? `rgba(8,119,189,${(0.1 + 0.5 * share).toFixed(2)})` : `rgba(245,147,34,${(0.6 * share).toFixed(2)})`;
        if (cell.dataset.shade !== shade) {
          cell.dataset.shade = shade;
          cell.style.backgroundColor = shade;
        }
      }
    }
  }

  build(classes, palette, shape, names) {
    this.shape = shape;
    // A swatch in the class colour and the class's name, as the legend names it.
    const swatch = (k) => {
      const { name, colorIndex } = className(k, { classes, names });
      const el = h('span', { class: 'swatch small', 'aria-hidden': 'true' });
      el.style.backgroundColor = classColor(colorIndex, palette);
      return h('span', { class: 'confusion-class', dataset: { class: k } }, el, ` ${name}`);
    };
    this.cells = [];
    const head = h('tr', {}, h('th', { scope: 'col' }, 'true ↓ / predicted →'),
      ...Array.from({ length: classes }, (_, p) => h('th', { scope: 'col' }, swatch(p))));
    const rows = Array.from({ length: classes }, (_, t) => {
      const cells = Array.from({ length: classes }, () => h('td', {}, '0'));
      this.cells.push(...cells);
      return h('tr', {}, h('th', { scope: 'row' }, swatch(t)), ...cells);
    });
    this.container.replaceChildren(
      h('h3', {}, 'Confusion matrix (test set)'),
      h('table', { class: 'confusion-table' }, h('thead', {}, head), h('tbody', {}, ...rows)));
  }
}
