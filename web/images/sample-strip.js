// The data column's look at the data: a strip of sample pictures per class, each row named
// and marked in its class colour. One canvas per class, drawn once per build.
import { h } from '../shared/dom.js';
import { paintImage, imageClassColor } from './pixels.js';

export class SampleStrip {
  constructor() {
    this.el = h('div', { class: 'sample-strip', role: 'group', 'aria-label': 'Sample pictures of each class' });
  }

  // samples: Uint8Array [classes * perClass * pixels]; names: the classes in order.
  show({ samples, names, width, height, palette = 'classic' }) {
    const pixels = width * height;
    const perClass = names.length ? Math.floor(samples.length / (names.length * pixels)) : 0;
    const rows = names.map((name, c) => {
      const canvas = h('canvas', { class: 'sample-canvas', width: Math.max(1, perClass * (width + 1) - 1), height,
        role: 'img', 'aria-label': `${perClass} sample pictures of ${name}` });
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(canvas.width, height);
      image.data.fill(255);
      for (let s = 0; s < perClass; s++) {
        paintImage(image.data, canvas.width, s * (width + 1), 0, samples, (c * perClass + s) * pixels, width, height);
      }
      ctx.putImageData(image, 0, 0);
      const swatch = h('span', { class: 'swatch small', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = imageClassColor(c, palette);
      return h('div', { class: 'sample-row' }, h('span', { class: 'sample-name' }, swatch, ` ${name}`), canvas);
    });
    this.el.replaceChildren(...rows);
  }
}
