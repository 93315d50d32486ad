// The key to the diagram while an explanation draws on it: what link colour and width mean
// while following a point forwards or backwards, and in the gradient view the fixed scale of
// |dL/dw| with its ticks, the largest gradient now, or "train a step first" before any.
import { h } from '../shared/dom.js';
import { GRADIENT_SCALE } from '../network/network-overlay.js';
import { num } from './numbers.js';

const SIGN_KEY = () => h('span', { class: 'xl-signs' },
  h('span', { class: 'xl-swatch xl-pos' }), ' +  ', h('span', { class: 'xl-swatch xl-neg' }), ' −');

function scaleBar() {
  const ticks = [];
  for (let v = GRADIENT_SCALE.low; v <= GRADIENT_SCALE.high * 1.0001; v *= 10) ticks.push(h('span', {}, num(v)));
  return h('div', { class: 'xl-scale' }, h('div', { class: 'xl-bar' }), h('div', { class: 'xl-ticks' }, ...ticks));
}

export class ExplainLegend {
  constructor(container) {
    this.el = h('div', { class: 'explain-legend', hidden: true, role: 'note', 'aria-label': 'What the diagram shows' });
    container.prepend(this.el);
    this.mode = '';
  }

  // mode: '' (hidden), 'forward', 'backward' or 'gradients'; largest: the largest |dL/dw| shown,
  // 0 (or less) when there is no gradient yet.
  show(mode, { largest = 0 } = {}) {
    this.mode = mode;
    this.el.hidden = !mode;
    if (mode === 'forward') {
      this.el.replaceChildren(h('p', { class: 'xl-text' }, h('b', {}, 'Links: '), 'colour = sign of w × a ', SIGN_KEY(),
        ', width = |w × a|, what each link adds to z. ', h('b', {}, 'Nodes: '), 'z (weighted sum) and a = f(z).'));
    } else if (mode === 'backward') {
      this.el.replaceChildren(h('p', { class: 'xl-text' }, h('b', {}, 'Links: '), 'colour = sign of dL/dw ', SIGN_KEY(),
        ', width = |dL/dw| on the scale below. ', h('b', {}, 'Nodes: '), 'δ = dL/dz.'), scaleBar());
    } else if (mode === 'gradients') {
      const note = largest > 0
        ? h('p', { class: 'xl-largest' }, `Largest |dL/dw| now: ${num(largest)}`)
        : h('p', { class: 'xl-empty' }, 'No gradient yet: train a step first (Step, or Play).');
      this.el.replaceChildren(h('p', { class: 'xl-text' }, h('b', {}, 'Gradient view: '),
        'links and node outlines by |dL/dw| of the last mini-batch, on a fixed scale (hover a link for its number).'),
      scaleBar(), note);
    } else {
      this.el.replaceChildren();
    }
  }
}
