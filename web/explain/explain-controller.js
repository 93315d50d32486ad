// Wires the explanations into one playground: follow a point through the network forwards and
// backwards, colour the network by its gradients, info buttons on every panel and control, and
// the guided tour. It asks the engine for a point's trace and tells the overlay, the legend and
// the panel (with its node and link details) what to show.
import { NetworkOverlay } from '../network/network-overlay.js';
import { ExplainLegend } from './explain-legend.js';
import { num } from './numbers.js';
import { infoButton, describe } from './info.js';
import { TOPICS } from './explain-titles.js';
import { loadLater, showLoadError } from '../shared/later.js';

const MIN_PANEL_PX = 220;
const PANEL_MARGIN_PX = 8;

// What the guided tour points at for each idea (see tour.js).
const TOUR_TARGETS = {
  dataset: '.datasets', features: '.nv-feature', network: '.network', weight: '.nv-link',
  neuron: '.nv-neuron', activation: '[data-control="activation"]', heatmap: '.heatmap',
  outputNode: '.nv-output', lossChart: '.chart-box', showGradients: '[data-control="showGradients"]',
  learningRate: '[data-control="learningRate"]', play: '.play-button', readouts: '.readouts',
};

export class ExplainController {
  // view: the NetworkView; engine: the Engine; traceContainer: where the legend and panel live;
  // root: the shadow root (for the tour, lookups and Esc); onFollow(pointIndex) marks the point;
  // getState() the playground's settings; onStepBatch() trains one mini-batch (see stepBatch).
  constructor({ view, engine, traceContainer, root, onFollow, getState = () => ({}), onStepBatch = null }) {
    Object.assign(this, { view, engine, root, onFollow, getState, traceContainer });
    this.overlay = new NetworkOverlay(view);
    this.legend = new ExplainLegend(traceContainer);
    this.onStepBatchClick = onStepBatch;
    this.panel = null;    // the TracePanel, built on the first follow (see loadPasses)
    this.passes = null;   // passes.js, loaded then
    this.followed = null;  // { index, point: {x, y, label}, trace }
    this.where = { phase: 'forward', layer: Infinity };
    this.gradients = null;
    this.target = null;    // the hovered or focused { unit } or { param } the detail is about
    this.lastStep = null;  // { before, after, gradients, learningRate } of the last mini-batch step
    this.learningRate = NaN;
    this.info = { labels: [], lossName: 'squared', classes: 2, params: null, palette: 'classic' };
    // What the pointer or the focus is on in the diagram, for the detail; it stays after the
    // pointer leaves, so it can be read (and on touch screens, where hover ends at once).
    const pick = (e) => {
      const el = e.target.closest?.('[data-unit], [data-param]');
      if (!el || !this.followed) return;
      const target = el.hasAttribute('data-param') ? { param: Number(el.getAttribute('data-param')) }
        : { unit: Number(el.getAttribute('data-unit')) };
      if (target.param === this.target?.param && target.unit === this.target?.unit) return;
      this.target = target;
      this.renderDetail();
    };
    view.root.addEventListener('pointerover', pick);
    view.root.addEventListener('focusin', pick);
    root.addEventListener?.('keydown', (e) => {
      if (e.key === 'Escape' && this.followed && !e.defaultPrevented && !e.target.closest?.('input, select, textarea')) {
        e.preventDefault();
        this.unfollow();
      }
    });
    view.paramNote = (param) => this.paramNote(param);
  }

  // What the panel needs to name things; called after every rebuild.
  // names: the CSV's class names or null.
  setStructure({ labels, lossName, classes, names = null, palette }) {
    Object.assign(this.info, { labels, lossName, classes, names, palette });
    this.lastStep = null;
    this.unfollow();
  }

  passData() {
    const { point, trace } = this.followed;
    return { point, trace, sizes: this.view.sizes, labels: this.info.labels, lossName: this.info.lossName,
      classes: this.info.names ?? this.info.classes };
  }

  // The panel and the pass arithmetic, fetched the first time a point is followed.
  async loadPasses() {
    if (this.passes) return;
    const passes = await loadLater(() => import('./passes.js'), 'the panel that follows a point');
    if (this.passes) return;
    this.passes = passes;
    this.panel = new passes.TracePanel(this.traceContainer, {
      onStep: (where) => { this.where = where; this.render(); },
      onClose: () => this.unfollow(),
      onStepBatch: this.onStepBatchClick,
    });
  }

  async follow(index, points) {
    const point = { x: points[index * 4], y: points[index * 4 + 1], label: points[index * 4 + 2] };
    const [trace] = await Promise.all([this.engine.trace(point.x, point.y, point.label, index), this.loadPasses()]);
    this.followed = { index, point, trace };
    this.where = { phase: 'forward', layer: Infinity };
    this.target = null;
    this.lastStep = null;
    // While following, the legend sits inside the panel: its text changes from stage to stage
    // and must not move the panel.
    this.panel.head.after(this.legend.el);
    this.panel.show(this.passData());
    this.onFollow(index);
    this.render();
    this.bringIntoView();
  }

  // The panel sits under the diagram: when either is out of view, the diagram's top goes to the
  // top of the viewport, and the panel scrolls within what is left below it.
  bringIntoView() {
    const win = this.panel.el.ownerDocument.defaultView;
    const stage = this.view.stage;
    if (!win || !stage.scrollIntoView) return;
    const height = win.innerHeight;
    const top = stage.getBoundingClientRect().top;
    if (top < 0 || this.panel.el.getBoundingClientRect().bottom > height) stage.scrollIntoView({ block: 'start' });
    const panelTop = this.panel.el.getBoundingClientRect().top;
    this.panel.el.style.maxHeight = `${Math.round(Math.max(MIN_PANEL_PX, height - panelTop - PANEL_MARGIN_PX))}px`;
  }

  unfollow() {
    if (!this.followed) return;
    this.followed = null;
    this.target = null;
    this.panel?.hide();
    this.traceContainer.prepend(this.legend.el);
    this.onFollow(-1);
    this.render();
  }

  async retrace() {
    const { point } = this.followed;
    this.followed.trace = await this.engine.trace(point.x, point.y, point.label, this.followed.index);
    if (this.followed) this.panel.update(this.passData());
  }

  // After a drawn frame: new weights (and, if asked for, the last batch's gradients). A followed
  // point is traced again only when training moved the weights, so a paused view stays put.
  async onFrame({ params, gradients, trained, metrics }) {
    this.info.params = params;
    this.gradients = gradients;
    if (metrics) this.learningRate = metrics.learningRate;
    if (this.followed && trained > 0) {
      this.lastStep = null;  // a whole epoch or more: no single update to show
      await this.retrace();
    }
    this.render();
  }

  // After "Step one mini-batch": the weights before and after and the gradient that moved them.
  async onStepBatch(step) {
    this.lastStep = step;
    this.learningRate = step.metrics?.learningRate ?? this.learningRate;
    if (this.followed) await this.retrace();
    this.render();
  }

  render() {
    const params = this.info.params ?? undefined;
    if (this.followed) {
      const { phase, layer } = this.where;
      if (phase === 'backward') this.overlay.showBackward(this.followed.trace, { downTo: layer, params });
      else this.overlay.showTrace(this.followed.trace, { upTo: layer, params });
      this.legend.show(phase);
      this.renderDetail();
    } else if (this.gradients) {
      const shown = this.overlay.showGradients(this.gradients, { params });
      this.legend.show('gradients', { largest: shown ? shown.maxWeight : 0 });
    } else {
      this.overlay.clear();
      this.legend.show('');
    }
  }

  // Everything pass-detail.js needs about the followed point and the settings.
  detailContext() {
    const state = this.getState();
    const sizes = this.view.sizes;
    return {
      ...this.where, sizes, params: this.info.params ?? this.view.params, trace: this.followed.trace,
      point: this.followed.point, lossName: this.info.lossName, labels: this.info.labels, lastStep: this.lastStep,
      learningRate: Number.isFinite(this.learningRate) ? this.learningRate : state.learningRate,
      settings: state,
      activations: this.passes.layerActivations({ hiddenLayers: sizes.length - 2, activation: state.activation,
        activations: state.activations, problem: state.problem, lossName: this.info.lossName }),
    };
  }

  renderDetail() {
    if (!this.panel) return;
    const box = this.panel.detail;
    if (!this.followed || !this.view.sizes || !(this.info.params ?? this.view.params)) { box.replaceChildren(); return; }
    const ctx = this.detailContext();
    const { target } = this;
    const hint = (text) => { const p = box.ownerDocument.createElement('p'); p.className = 'tp-d tp-d-hint'; p.textContent = text; return p; };
    if (target?.param !== undefined && target.param < ctx.params.length) {
      box.replaceChildren(...this.passes.paramDetail(ctx, target.param));
    } else if (target?.unit !== undefined && target.unit < ctx.trace.activations.length) {
      let layer = 0;
      let k = target.unit;
      while (k >= ctx.sizes[layer]) k -= ctx.sizes[layer++];
      box.replaceChildren(...this.passes.nodeDetail(ctx, layer, k));
    } else {
      box.replaceChildren(hint('Hover or focus a node for its weighted sum z = w₁a₁ + … + b, or a link for w × a, its gradient and its update.'));
    }
  }

  // The card's extra line for a hovered link or bias in the gradient view.
  paramNote(param) {
    if (this.followed || !this.gradients || !(param < this.gradients.length)) return '';
    return `dL/d${param < this.view.weightTotal ? 'w' : 'b'} = ${num(this.gradients[param])} (last mini-batch)`;
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
      if (!TOPICS[key]) continue;
      describe(el, key);
      if (el.tagName === 'BUTTON') continue;  // a button's own label says what it does
      const label = el.querySelector(':scope > .control-label, :scope > legend, :scope > summary, :scope > label > span, :scope > span:not(.swatch)');
      if (label && !label.querySelector('.info-btn')) label.append(' ', infoButton(key, { doc }));
    }
  }

  // page: what the tour may do on the playground, { play, stepBatch, follow, showGradients },
  // each returning a promise or nothing (see tour.js). Steps whose page action is missing only
  // point and explain. tour.js is fetched on the first start; resolves to whether the tour opened
  // (false, with a message in the playground, when it could not be loaded).
  async startTour(page = {}) {
    this.tour?.close();
    let tour;
    try {
      tour = await loadLater(() => import('./tour.js'), 'the guided tour');
    } catch (error) {
      showLoadError(this.root, error);
      return false;
    }
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
    this.tour = new tour.Tour(this.root, tour.defaultTourSteps(find, actions), { onClose: () => { this.tour = null; } });
    return this.tour.start();
  }
}
