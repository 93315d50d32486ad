// The confusion matrix of the test pictures with a button in every cell: pressing one shows
// the pictures of that cell (say, the trousers taken for dresses) below the table, and each
// of those can be made the current picture. The table itself is views/confusion-view.js's.
import { h } from '../shared/dom.js';
import { ConfusionView } from '../views/confusion-view.js';
import { imageClassColor, paintImage } from './pixels.js';

export class ImageConfusion extends ConfusionView {
  // onCell(actual, predicted) when a cell is pressed; onPick(index in the cell's list).
  constructor(container, { onCell = () => {}, onPick = () => {} } = {}) {
    super(container);
    Object.assign(this, { onCell, onPick });
    this.gallery = h('div', { class: 'cell-images', 'aria-live': 'polite' });
  }

  // The class names are the panel's (names: the classes in output order), not the CSV's.
  show(matrix, classes, palette) {
    super.show(matrix, classes, palette, this.names);
  }

  // The table, each count inside a button (the view sets the button's text and shade).
  build(classes, palette, shape, names) {
    this.shape = shape;
    const label = (k) => {
      const swatch = h('span', { class: 'swatch small', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = imageClassColor(k, palette);
      return h('span', { class: 'confusion-class', dataset: { class: k } }, swatch, ` ${names?.[k] ?? `class ${k}`}`);
    };
    this.cells = [];
    const head = h('tr', {}, h('th', { scope: 'col' }, 'true ↓ / predicted →'),
      ...Array.from({ length: classes }, (_, p) => h('th', { scope: 'col' }, label(p))));
    const rows = Array.from({ length: classes }, (_, t) => {
      const cells = Array.from({ length: classes }, (_, p) => {
        const button = h('button', { type: 'button', class: 'cell-button', dataset: { actual: t, predicted: p },
          title: `${names?.[t] ?? t} taken for ${names?.[p] ?? p}: show these pictures`,
          onclick: () => this.onCell(t, p) }, '0');
        this.cells.push(button);
        return h('td', {}, button);
      });
      return h('tr', {}, h('th', { scope: 'row' }, label(t)), ...cells);
    });
    this.container.replaceChildren(
      h('h3', {}, 'Confusion matrix (test pictures): press a cell to see its pictures'),
      h('table', { class: 'confusion-table' }, h('thead', {}, head), h('tbody', {}, ...rows)), this.gallery);
  }

  // The pictures of one cell: images Uint8Array [n * pixels]; title says which cell.
  showCell({ images, width, height, title }) {
    const pixels = width * height;
    const count = Math.floor(images.length / pixels);
    const buttons = Array.from({ length: count }, (_, i) => {
      const canvas = h('canvas', { class: 'cell-image', width, height, 'aria-hidden': 'true' });
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(width, height);
      paintImage(image.data, width, 0, 0, images, i * pixels, width, height);
      ctx.putImageData(image, 0, 0);
      return h('button', { type: 'button', class: 'cell-image-button', 'aria-label': `picture ${i + 1} of ${count}: look at it`,
        onclick: () => this.onPick(i) }, canvas);
    });
    this.gallery.replaceChildren(h('p', { class: 'hint' }, count ? title : `${title}: none.`), h('div', { class: 'cell-image-list' }, buttons));
  }
}
