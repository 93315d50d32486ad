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
  // names: the CSV's class names or null.
  setStructure({ labels, lossName, classes, names = null, palette }) {
    Object.assign(this.info, { labels, lossName, classes, names, palette });
    this.unfollow();
  }

  async follow(index, points) {
    const point = { x: points[index * 4], y: points[index * 4 + 1], label: points[index * 4 + 2] };
    this.followed = { index, point, trace: await this.engine.trace(point.x, point.y, point.label) };
    this.upTo = Infinity;
    this.panel.show({ point, trace: this.followed.trace, sizes: this.view.sizes, labels: this.info.labels,
      lossName: this.info.lossName, classes: this.info.names ?? this.info.classes });
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

  startTour() {
    this.tour?.close();
    const find = (name) => (TOUR_TARGETS[name] ? this.root.querySelector(TOUR_TARGETS[name]) : null);
    this.tour = new Tour(this.root, defaultTourSteps(find), { onClose: () => { this.tour = null; } });
    return this.tour.start();
  }
}
