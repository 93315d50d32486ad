// A guided tour: one popover at a time next to a part of the live page, walking the ideas of a
// first lesson in order. Steps that can do what they explain do it when shown (play, follow a
// point, train one mini-batch, switch the gradient view on, show a weight's card); each points
// at visible elements (a function, so each step finds them when it is shown) and its popover is
// placed beside them, never over them. Steps whose element is missing or hidden are skipped.
import { closePopover, placeNear } from './popover.js';
import { formulaText } from './formula.js';
import { placeBeside, scrollToFit, unionRect } from './placement.js';

// Whether el can be pointed at: in the page, not inside [hidden], drawn with some size.
function visible(el) {
  if (!el || !el.isConnected || el.closest?.('[hidden]')) return false;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility()) return false;
  return el.getClientRects().length > 0;
}

const asList = (found) => (Array.isArray(found) ? found : [found]).filter(Boolean);

// The focused element, looking through open shadow roots.
function deepActive(doc) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

export class Tour {
  // root: the shadow root or element the popover is added to. steps: [{ target() -> Element |
  // Element[] | null, title, text, act?() (may return a promise), leave?(), canShow?() }]: act
  // runs when the step is shown and leave when it is left; canShow says whether the step can be
  // shown before act ran (default: its target is visible). onClose() runs when the tour ends.
  constructor(root, steps, { onClose } = {}) {
    Object.assign(this, { root, steps, onClose, current: -1, targets: [], returnTo: null, showing: 0 });
    this.doc = root.ownerDocument ?? root;
    this.onKey = this.onKey.bind(this);
    this.reposition = () => { if (this.targets.length) this.place(); };
  }

  // The first element the current step points at.
  get target() {
    return this.targets[0] ?? null;
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
    return this.steps.flatMap((step, i) => ((step.canShow ? step.canShow() : visible(asList(step.target())[0])) ? [i] : []));
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
    this.steps[this.current].leave?.();
    this.showing++;
    this.highlight([]);
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

  // Shows step i: its words at once, then (after its action) the highlight and the placement.
  // Resolves when the step is in place; a step shown meanwhile wins.
  async show(i) {
    const focusInside = this.box.contains(deepActive(this.doc));
    const step = this.steps[i];
    const shown = this.available();
    if (this.current >= 0 && this.current !== i) this.steps[this.current].leave?.();
    this.current = i;
    const token = ++this.showing;
    delete this.box.dataset.step;
    this.counter.textContent = `Step ${shown.indexOf(i) + 1} of ${shown.length}`;
    this.title.textContent = step.title;
    this.text.textContent = step.text;
    this.box.setAttribute('aria-label', `Tour: ${step.title}`);
    const last = shown.at(-1) === i;
    this.nextButton.textContent = last ? 'Done' : 'Next';
    this.backButton.disabled = shown[0] === i;
    this.box.hidden = false;
    if (typeof this.box.showPopover === 'function' && !this.box.matches(':popover-open')) this.box.showPopover();
    // A disabled Back button drops the focus: keep it in the popover.
    if (focusInside && !this.box.contains(deepActive(this.doc))) this.nextButton.focus();
    try {
      await step.act?.();
    } catch {
      // The step still explains its idea when its demonstration could not run.
    }
    if (token !== this.showing) return;
    this.highlight(asList(step.target()).filter(visible));
    this.target?.scrollIntoView?.({ block: 'nearest' });
    this.place({ scroll: true });
    this.box.dataset.step = step.name ?? String(i);
  }

  // Puts the popover beside the targets inside the viewport; with `scroll`, scrolls the page
  // first when there is no room beside them where they are.
  place({ scroll = false } = {}) {
    const view = this.doc.defaultView;
    const size = this.box.getBoundingClientRect();
    const around = () => unionRect(this.targets.map((el) => el.getBoundingClientRect()));
    let spot = this.targets.length ? placeBeside(around(), size.width, size.height, view.innerWidth, view.innerHeight) : null;
    if (!spot && scroll && this.targets.length) {
      const dy = scrollToFit(around(), size.height, view.innerHeight);
      if (dy) view.scrollBy({ top: dy, behavior: 'instant' });
      spot = placeBeside(around(), size.width, size.height, view.innerWidth, view.innerHeight);
    }
    const anchor = this.targets.length ? around() : { left: view.innerWidth / 2, top: 0, bottom: 0 };
    spot ??= placeNear(anchor, size.width, size.height, view.innerWidth, view.innerHeight);
    this.box.style.left = `${spot.left}px`;
    this.box.style.top = `${spot.top}px`;
  }

  highlight(elements) {
    for (const el of this.targets) el.classList.remove('tour-target');
    this.targets = elements;
    for (const el of elements) el.classList.add('tour-target');
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
    'Each link has a weight: the strength of that connection. The card shows the weight of the highlighted link, as hovering a link does. Blue is positive, orange negative, a thicker line a larger |w|. Click a link to change its weight.'],
  ['neuron', 'Weighted sum and activation',
    'A node adds up its inputs times their weights plus its bias, {z = Σ wᵢxᵢ + b}, then applies its activation, {a = f(z)}. Its small map shows a over the whole plane.'],
  ['activation', 'The activation function',
    'f bends the weighted sum: tanh(z) into {(−1, 1)}, {σ(z) = 1/(1+e⁻ᶻ)} into {(0, 1)}, ReLU {max(0, z)}. Without a bend, all layers together could only draw a straight boundary.'],
  ['heatmap', 'The forward pass',
    'The tour follows one training point (ringed on the map): the diagram shows each node\u2019s z and a, layer by layer, and how much each link adds ({w × a}) on the way to the output; this panel writes it out. Press any point on the map to follow it.'],
  ['outputNode', 'The output layer',
    'The last layer is sized by the problem: one tanh or sigmoid node for two classes, a softmax node per class for several, one linear node for a number. Its value is the prediction y.'],
  ['lossChart', 'The loss',
    'The loss (cost) measures how far outputs y are from targets t, e.g. ½(y−t)² or cross-entropy {−Σ t log y}, averaged over the points. Training tries to make it small.'],
  ['showGradients', 'Back-propagation',
    'The chain rule sends the error backwards, layer by layer, to find ∂L/∂w for every weight: how much it is to blame. The tour switched this on: the links are now coloured by that gradient.'],
  ['learningRate', 'Gradient descent',
    'The tour just trained one mini-batch: every weight moved a little against its gradient, {w ← w − η ∂L/∂w}. η is the learning rate: too small is slow, too large overshoots.'],
  ['play', 'Training',
    'Play repeats that over mini-batches, epoch after epoch: forward pass, loss, back-propagation, update. The tour pressed Play: watch the epoch count, the map and the diagram change.'],
  ['readouts', 'Loss and accuracy',
    'As training goes on the loss should fall and the accuracy rise. The test numbers are for points never trained on: if they get worse while training ones improve, the network is overfitting.'],
];

// The tour's steps for a page whose find(name) returns the element (or elements) for a name
// listed above, or null where that part is missing. actions[name] may add { act, leave,
// canShow } to that step (see Tour). Each step is { name, target, title, text, ... }.
export function defaultTourSteps(find, actions = {}) {
  return LESSON.map(([name, title, text]) => ({
    ...actions[name], name, title, text: formulaText(text), target: () => find(name) ?? null,
  }));
}
