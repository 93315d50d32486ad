// A guided tour: one popover at a time next to a part of the live page, walking the ideas of a
// first lesson in order. The steps say where to point (a function, so each step finds its
// element when it is shown); steps whose element is missing or hidden are skipped.
import { openNear, positionNear, closePopover } from './info.js';
import { formulaText } from './explain-text.js';

// Whether el can be pointed at: in the page, not inside [hidden], drawn with some size.
function visible(el) {
  if (!el || !el.isConnected || el.closest?.('[hidden]')) return false;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  return el.getClientRects().length > 0;
}

// The focused element, looking through open shadow roots.
function deepActive(doc) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export class Tour {
  // root: the shadow root or element the popover is added to. steps: [{ target() -> Element |
  // null, title, text }]. onClose() runs whenever the tour ends (Close, Escape, Done).
  constructor(root, steps, { onClose } = {}) {
    Object.assign(this, { root, steps, onClose, current: -1, target: null, returnTo: null });
    this.doc = root.ownerDocument ?? root;
    this.onKey = this.onKey.bind(this);
    this.reposition = () => { if (this.target) positionNear(this.box, this.target); };
  }

  get index() {
    return this.current;
  }

  get active() {
    return this.current >= 0;
  }

  build() {
    const doc = this.doc;
    const make = (tag, className, text) => {
      const el = doc.createElement(tag);
      el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const button = (text, className, action) => {
      const el = make('button', `tour-btn ${className}`, text);
      el.type = 'button';
      el.addEventListener('click', action);
      return el;
    };
    this.counter = make('div', 'tour-count');
    this.title = make('h3', 'tour-title');
    this.text = make('p', 'tour-text');
    this.backButton = button('Back', 'tour-back', () => this.back());
    this.nextButton = button('Next', 'tour-next', () => this.next());
    this.closeButton = button('Close', 'tour-close', () => this.close());
    this.closeButton.setAttribute('aria-label', 'Close the tour');
    this.box = make('div', 'tour-pop');
    this.box.setAttribute('role', 'dialog');
    this.box.setAttribute('aria-modal', 'false');
    this.box.tabIndex = -1;
    if (typeof this.box.showPopover === 'function') this.box.setAttribute('popover', 'manual');
    this.box.hidden = true;
    const nav = make('div', 'tour-nav');
    nav.append(this.backButton, this.nextButton);
    const head = make('div', 'tour-head');
    head.append(this.counter, this.closeButton);
    this.box.append(head, this.title, this.text, nav);
    this.box.addEventListener('keydown', this.onKey);
  }

  // Indices of the steps that can be shown now.
  available() {
    return this.steps.flatMap((step, i) => (visible(step.target()) ? [i] : []));
  }

  start() {
    if (!this.box) this.build();
    const first = this.available()[0];
    if (first === undefined) return false;
    if (!this.active) this.returnTo = deepActive(this.doc);
    if (!this.box.isConnected) this.root.append(this.box);
    const view = this.doc.defaultView;
    view.addEventListener('scroll', this.reposition, { capture: true, passive: true });
    view.addEventListener('resize', this.reposition);
    this.show(first);
    this.nextButton.focus();
    return true;
  }

  next() {
    if (!this.active) return;
    const later = this.available().find((i) => i > this.current);
    if (later === undefined) this.close();
    else this.show(later);
  }

  back() {
    if (!this.active) return;
    const earlier = this.available().filter((i) => i < this.current).pop();
    if (earlier !== undefined) this.show(earlier);
  }

  close() {
    if (!this.active) return;
    this.highlight(null);
    this.current = -1;
    closePopover(this.box);
    this.box.remove();
    const view = this.doc.defaultView;
    view.removeEventListener('scroll', this.reposition, { capture: true });
    view.removeEventListener('resize', this.reposition);
    const returnTo = this.returnTo;
    this.returnTo = null;
    if (returnTo?.isConnected) returnTo.focus();
    this.onClose?.();
  }

  show(i) {
    const focusInside = this.box.contains(deepActive(this.doc));
    const step = this.steps[i];
    const shown = this.available();
    this.current = i;
    this.highlight(step.target());
    this.counter.textContent = `Step ${shown.indexOf(i) + 1} of ${shown.length}`;
    this.title.textContent = step.title;
    this.text.textContent = step.text;
    this.box.setAttribute('aria-label', `Tour: ${step.title}`);
    const last = shown.at(-1) === i;
    this.nextButton.textContent = last ? 'Done' : 'Next';
    this.backButton.disabled = shown[0] === i;
    this.target?.scrollIntoView?.({ block: 'nearest' });
    openNear(this.box, this.target);
    // A disabled Back button drops the focus: keep it in the popover.
    if (focusInside && !this.box.contains(deepActive(this.doc))) this.nextButton.focus();
  }

  highlight(el) {
    this.target?.classList.remove('tour-target');
    this.target = el;
    el?.classList.add('tour-target');
  }

  onKey(e) {
    const actions = { Escape: () => this.close(), ArrowRight: () => this.next(), ArrowLeft: () => this.back() };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  }
}

// The lesson, in order; each step points at find(name). Names the caller's find() answers:
// dataset, features, network, weight, neuron, activation, heatmap, outputNode, lossChart,
// showGradients, learningRate, play, readouts. Formulas are marked {like this} (see formulaText).
const LESSON = [
  ['dataset', 'The data',
    'Each point has a position {(x₁, x₂)} and a target: its class (orange or blue) or a number. Pick a dataset here; part of the points trains the network, the rest tests it.'],
  ['features', 'Inputs',
    'Each point enters the network as these feature values: {x₁, x₂} and, if switched on, values computed from them. Click one to switch it on or off.'],
  ['network', 'Layers of nodes',
    'The network is made of layers of nodes. Every node of one layer is connected to every node of the next. Use + and − to change the layers.'],
  ['weight', 'Weights',
    'Each link has a weight: the strength of that connection. Blue is positive, orange negative, a thicker line a larger |w|. Hover a link to read it, click to change it.'],
  ['neuron', 'Weighted sum and activation',
    'A node adds up its inputs times their weights plus its bias, {z = Σ wᵢxᵢ + b}, then applies its activation, {a = f(z)}. Its small map shows a over the whole plane.'],
  ['activation', 'The activation function',
    'f bends the weighted sum: tanh(z) into {(−1, 1)}, {σ(z) = 1/(1+e⁻ᶻ)} into {(0, 1)}, ReLU {max(0, z)}. Without a bend, all layers together could only draw a straight boundary.'],
  ['heatmap', 'The forward pass',
    'Press a point on this map to follow it: the diagram then shows each node\u2019s z and a, layer by layer, and how much each link adds ({w × a}) on the way to the output.'],
  ['outputNode', 'The output layer',
    'The last layer is sized by the problem: one tanh or sigmoid node for two classes, a softmax node per class for several, one linear node for a number. Its value is the prediction y.'],
  ['lossChart', 'The loss',
    'The loss (cost) measures how far outputs y are from targets t, e.g. ½(y−t)² or cross-entropy {−Σ t log y}, averaged over the points. Training tries to make it small.'],
  ['showGradients', 'Back-propagation',
    'The chain rule sends the error backwards, layer by layer, to find ∂L/∂w for every weight: how much it is to blame. Switch this on to colour links by that gradient.'],
  ['learningRate', 'Gradient descent',
    'Each step moves every weight a little against its gradient: {w ← w − η ∂L/∂w}. η is the learning rate: too small is slow, too large overshoots.'],
  ['play', 'Training',
    'Play repeats the steps over mini-batches, epoch after epoch: forward pass, loss, back-propagation, update. Watch the map and the diagram change.'],
  ['readouts', 'Loss and accuracy',
    'As training goes on the loss should fall and the accuracy rise. The test numbers are for points never trained on: if they get worse while training ones improve, the network is overfitting.'],
];

// The tour's steps for a page whose find(name) returns the element for a name listed above
// (or null where that part is missing). Each step is { name, target, title, text }.
export function defaultTourSteps(find) {
  return LESSON.map(([name, title, text]) => ({ name, title, text: formulaText(text), target: () => find(name) ?? null }));
}
