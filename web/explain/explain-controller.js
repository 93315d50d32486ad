// Wires the explanations into one playground: follow a point through the network, colour the
// network by its gradients, info buttons on every panel and control, and the guided tour.
// It asks the engine for a point's trace and tells the overlay and panel what to show.
import { NetworkOverlay } from '../network/network-overlay.js';
import { TracePanel } from './trace-panel.js';
import { Tour, defaultTourSteps } from './tour.js';
import { infoButton, describe } from './info.js';
import { EXPLANATIONS } from './explain-text.js';

// What the guided tour points at for each idea (see tour.js).
const TOUR_TARGETS = {
  dataset: '.datasets', features: '.nv-feature', network: '.network', weight: '.nv-link',
  neuron: '.nv-neuron', activation: '[data-control="activation"]', heatmap: '.heatmap',
  outputNode: '.nv-output', lossChart: '.chart-box', showGradients: '[data-control="showGradients"]',
  learningRate: '[data-control="learningRate"]', play: '.play-button', readouts: '.readouts',
};

export class ExplainController {
  // view: the NetworkView; engine: the Engine; traceContainer: where the panel lives;
  // root: the shadow root (for the tour and lookups); onFollow(pointIndex) marks the point.
  constructor({ view, engine, traceContainer, root, onFollow }) {
    Object.assign(this, { view, engine, root, onFollow });
    this.overlay = new NetworkOverlay(view);
    this.panel = new TracePanel(traceContainer, {
      onStep: (upTo) => { this.upTo = upTo; this.render(); },
      onClose: () => this.unfollow(),
    });
    this.followed = null;  // { index, point: {x, y, label}, trace }
    this.upTo = Infinity;
    this.gradients = null;
    this.info = { labels: [], lossName: 'squared', classes: 2, params: null, palette: 'classic' };
  }

  // What the panel needs to name things; called after every rebuild.
  setStructure({ labels, lossName, classes, palette }) {
    Object.assign(this.info, { labels, lossName, classes, palette });
    this.unfollow();
  }

  async follow(index, points) {
    const point = { x: points[index * 4], y: points[index * 4 + 1], label: points[index * 4 + 2] };
    this.followed = { index, point, trace: await this.engine.trace(point.x, point.y, point.label) };
    this.upTo = Infinity;
    this.panel.show({ point, trace: this.followed.trace, sizes: this.view.sizes, labels: this.info.labels,
      lossName: this.info.lossName, classes: this.info.classes });
    this.onFollow(index);
    this.render();
  }

  unfollow() {
    if (!this.followed) return;
    this.followed = null;
    this.panel.hide();
    this.onFollow(-1);
    this.render();
  }

  // After a drawn frame: new weights (and, if asked for, the last batch's gradients). A followed
  // point is traced again only when training moved the weights, so a paused view stays put.
  async onFrame({ params, gradients, trained }) {
    this.info.params = params;
    this.gradients = gradients;
    if (this.followed && trained > 0) {
      const { point } = this.followed;
      this.followed.trace = await this.engine.trace(point.x, point.y, point.label);
    }
    this.render();
  }

  render() {
    const params = this.info.params ?? undefined;
    if (this.followed && this.gradients) {
      // With a followed point, the gradient view shows that point's own gradient.
      this.overlay.showGradients(this.followed.trace.gradients, { params });
    } else if (this.followed) {
      this.overlay.showTrace(this.followed.trace, { upTo: this.upTo, params });
    } else if (this.gradients) {
      this.overlay.showGradients(this.gradients, { params });
    } else {
      this.overlay.clear();
    }
  }

  // Info buttons after each panel heading and in each control's label; tooltips everywhere.
  decorate(doc) {
    const headings = { Data: 'data', Output: 'output', 'Features and hidden layers': 'network' };
    for (const heading of this.root.querySelectorAll('section.column > h2')) {
      const key = headings[heading.textContent];
      if (key) heading.append(infoButton(key, { doc }));
    }
    const places = [['.chart-title', 'lossChart'], ['.legend', 'heatmap']];
    for (const [selector, key] of places) this.root.querySelector(selector)?.after(infoButton(key, { doc }));
    for (const el of this.root.querySelectorAll('[data-control]')) {
      const key = el.dataset.control;
      if (!EXPLANATIONS[key]) continue;
      describe(el, key);
      if (el.tagName === 'BUTTON') continue;  // a button's own label says what it does
      const label = el.querySelector(':scope > .control-label, :scope > legend, :scope > summary, :scope > label > span, :scope > span:not(.swatch)');
      if (label && !label.querySelector('.info-btn')) label.append(' ', infoButton(key, { doc }));
    }
  }

  // page: what the tour may do on the playground, { play, stepBatch, follow, showGradients },
  // each returning a promise or nothing (see tour.js). Steps whose page action is missing only
  // point and explain.
  startTour(page = {}) {
    this.tour?.close();
    const q = (selector) => this.root.querySelector(selector);
    const shown = (el) => Boolean(el && !el.closest('[hidden]') && el.getClientRects().length);
    let weight = null;  // the link path and card the weight step shows
    const find = (name) => {
      if (name === 'weight') return weight ?? q(TOUR_TARGETS.weight);
      // While a point is followed, the forward-pass step points at the panel that writes it out
      // (its heading alone when the panel is too tall to sit beside).
      if (name === 'heatmap' && this.followed) {
        const panel = this.panel.el;
        const tall = panel.getBoundingClientRect().height > (this.root.ownerDocument?.defaultView?.innerHeight ?? 800) / 2;
        return tall ? panel.querySelector('.tp-title') : panel;
      }
      return TOUR_TARGETS[name] ? q(TOUR_TARGETS[name]) : null;
    };
    const actions = {
      weight: {
        canShow: () => shown(q('.network')) && Boolean(q('.nv-link')),
        act: () => { weight = this.view.showLargestWeight(); },
        leave: () => { weight = null; this.view.hideCard(); },
      },
      heatmap: { act: page.follow },
      showGradients: { act: page.showGradients },
      learningRate: { act: page.stepBatch },
      play: { act: page.play },
    };
    this.tour = new Tour(this.root, defaultTourSteps(find, actions), { onClose: () => { this.tour = null; } });
    return this.tour.start();
  }
}
