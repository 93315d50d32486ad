// The output layer of an image network: one row per class, its colour, its name and the
// probability the network gives it for the current image as a bar and in words. The most
// likely class is marked. A list, so a screen reader reads "Trouser 87 %" row by row.
import { h } from '../shared/dom.js';
import { imageClassColor } from './pixels.js';

export const percentText = (p) => (Number.isFinite(p) ? `${(p * 100).toFixed(p >= 0.995 || p < 0.1 ? 0 : 1)} %` : '–');

export class ClassBars {
  constructor({ label = 'Output: how sure the network is of each class' } = {}) {
    this.list = h('ul', { class: 'class-bars', 'aria-label': label });
    this.rows = [];
    this.el = this.list;
  }

  // names: the classes in output order; palette: the page's colours.
  setClasses(names, palette = 'classic') {
    this.rows = names.map((name, k) => {
      const swatch = h('span', { class: 'swatch small', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = imageClassColor(k, palette);
      const fill = h('span', { class: 'class-bar-fill' });
      fill.style.backgroundColor = imageClassColor(k, palette);
      const value = h('span', { class: 'class-bar-value' }, '–');
      const li = h('li', { class: 'class-bar', dataset: { class: k } }, swatch,
        h('span', { class: 'class-bar-name' }, name), h('span', { class: 'class-bar-track', 'aria-hidden': 'true' }, fill), value);
      return { li, fill, value, name };
    });
    this.list.replaceChildren(...this.rows.map((r) => r.li));
  }

  // probabilities: one per class (softmax outputs); the largest row is marked as the answer.
  show(probabilities) {
    let best = -1;
    this.rows.forEach((row, k) => {
      const p = probabilities?.[k];
      if (Number.isFinite(p) && (best < 0 || p > probabilities[best])) best = k;
      const width = `${Math.round(Math.max(0, Math.min(1, p || 0)) * 1000) / 10}%`;
      if (row.fill.style.width !== width) row.fill.style.width = width;
      const text = percentText(p);
      if (row.value.textContent !== text) row.value.textContent = text;
      // The unrounded value, for a reader of the page (a test, a script) that needs more than the
      // text's digits: a confident network shows "100 %" for pictures it rates 0.9951 and 0.9999.
      row.li.dataset.p = Number.isFinite(p) ? String(p) : '';
    });
    this.rows.forEach((row, k) => row.li.classList.toggle('class-bar-best', k === best));
    return best;
  }
}
