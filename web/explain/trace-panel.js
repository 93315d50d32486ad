// The followed point's forward pass in words: its input and target, then each layer's values
// one line at a time, the output and the loss for that point. Buttons step through the layers
// or animate them; onStep(upTo) lets the caller show the same layer on the diagram.
import { compact } from '../network/network-overlay.js';
import { unitIndex, formatValue } from '../network/network-layout.js';
import { className, classOfLabel, classOfOutputs } from '../state/class-names.js';

const STEP_MS = 600;
const LOSSES = {
  squared: 'squared error ½(y−t)²',
  crossEntropy: 'cross-entropy −(t log y + (1−t) log(1−y))',
  softmaxCrossEntropy: 'cross-entropy −Σ tₖ log yₖ',
  huber: 'Huber loss',
};

const reducedMotion = (doc) => doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

// classes: the number of classes (0 or absent for regression) or an array of class names.
function naming(classes) {
  return Array.isArray(classes) ? { classes: classes.length, names: classes } : { classes: Number(classes) || 0, names: null };
}

// A point's target in words, its class named as the legend names it (state/class-names.js).
export function labelText(label, classes) {
  const n = naming(classes);
  return n.classes === 0 ? `target ${compact(label)}` : `label ${className(classOfLabel(label, n.classes), n).name}`;
}

// The class an output says: the sign for one unit, the largest of several units.
export function predictionText(outputs, classes) {
  const n = naming(classes);
  return n.classes === 0 ? '' : `says ${className(classOfOutputs(outputs), n).name}`;
}

// One text line per layer (0 = input, last = output) for a trace; pure, for tests and the panel.
export function traceLines({ point, trace, sizes, labels = [], lossName, classes }) {
  const lines = [];
  const values = (layer, array) => Array.from({ length: sizes[layer] },
    (_, k) => compact(array[unitIndex(sizes, layer, k)])).join(', ');
  const inputs = Array.from({ length: sizes[0] }, (_, k) =>
    `${labels[k] ?? `input ${k + 1}`} = ${compact(trace.activations[k])}`).join(', ');
  lines.push(`Input x = (${compact(point.x)}, ${compact(point.y)}), ${labelText(point.label, classes)}; inputs ${inputs}`);
  const last = sizes.length - 1;
  for (let layer = 1; layer < last; layer++) {
    lines.push(`Hidden layer ${layer}: z = (${values(layer, trace.sums)}) → a = f(z) = (${values(layer, trace.activations)})`);
  }
  const outputs = Array.from({ length: sizes[last] }, (_, k) => trace.activations[unitIndex(sizes, last, k)]);
  const prediction = predictionText(outputs, classes);
  lines.push(`Output: z = (${values(last, trace.sums)}) → y = (${values(last, trace.activations)})${prediction ? `, ${prediction}` : ''}`);
  const loss = LOSSES[lossName] ?? lossName ?? 'loss';
  lines.push(`loss = ${formatValue(trace.loss).replace('-', '\u2212')} (${loss})`);
  return lines;
}

export class TracePanel {
  constructor(container, { onStep = () => {}, onClose = () => {}, autoAnimate = true } = {}) {
    Object.assign(this, { onStep, onClose, autoAnimate, upTo: 0, layers: 0, timer: 0, rows: [] });
    const doc = container.ownerDocument;
    this.doc = doc;
    const make = (tag, className, text) => {
      const el = doc.createElement(tag);
      el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const button = (text, className, label, action) => {
      const el = make('button', `tp-btn ${className}`, text);
      el.type = 'button';
      el.setAttribute('aria-label', label);
      el.addEventListener('click', action);
      return el;
    };
    this.list = make('ol', 'tp-lines');
    this.status = make('p', 'tp-status');
    this.status.setAttribute('aria-live', 'polite');
    this.backButton = button('◀ Layer', 'tp-back', 'Previous layer', () => this.move(-1));
    this.nextButton = button('Layer ▶', 'tp-next', 'Next layer', () => this.move(1));
    this.animateButton = button('▶ Animate', 'tp-animate', 'Animate the forward pass', () => this.toggleAnimation());
    const close = button('Close', 'tp-close', 'Stop following this point', () => { this.hide(); this.onClose(); });
    const bar = make('div', 'tp-buttons');
    bar.append(this.backButton, this.nextButton, this.animateButton, close);
    const title = make('h3', 'tp-title', 'Forward pass of one point');
    this.el = make('section', 'trace-panel');
    this.el.setAttribute('aria-label', 'Forward pass of one point');
    this.el.hidden = true;
    this.el.append(title, this.list, this.status, bar);
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    container.append(this.el);
  }

  // Shows a new point's pass: animated from the input layer, or all at once when the person
  // prefers reduced motion (or autoAnimate is off).
  show(data) {
    this.stop();
    const lines = traceLines(data);
    this.layers = data.sizes.length;
    this.rows = lines.map((text, j) => {
      const li = this.doc.createElement('li');
      li.className = j === lines.length - 1 ? 'tp-line tp-loss' : 'tp-line';
      li.textContent = text;
      return li;
    });
    this.list.replaceChildren(...this.rows);
    this.el.hidden = false;
    if (this.autoAnimate && !reducedMotion(this.doc)) {
      this.setUpTo(0);
      this.play();
    } else {
      this.setUpTo(this.layers - 1);
    }
  }

  // Reveals the lines of layers 0..n (the loss with the output) and reports onStep(n).
  setUpTo(n) {
    const last = this.layers - 1;
    this.upTo = Math.max(0, Math.min(last, Math.round(n)));
    this.rows.forEach((row, j) => {
      const layer = Math.min(j, last);
      row.classList.toggle('tp-later', layer > this.upTo);
      row.classList.toggle('tp-current', layer === this.upTo);
    });
    this.backButton.disabled = this.upTo === 0;
    this.nextButton.disabled = this.upTo === last;
    const shown = this.rows.slice(this.upTo, this.upTo === last ? undefined : this.upTo + 1);
    this.status.textContent = shown.map((row) => row.textContent).join('; ');
    this.onStep(this.upTo);
  }

  hide() {
    this.stop();
    this.el.hidden = true;
  }

  move(delta) {
    this.stop();
    this.setUpTo(this.upTo + delta);
  }

  play() {
    this.stop();
    if (this.upTo >= this.layers - 1) this.setUpTo(0);
    this.animateButton.textContent = '❚❚ Pause';
    this.animateButton.setAttribute('aria-label', 'Pause the animation');
    this.timer = setInterval(() => {
      this.setUpTo(this.upTo + 1);
      if (this.upTo >= this.layers - 1) this.stop();
    }, STEP_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = 0;
    this.animateButton.textContent = '▶ Animate';
    this.animateButton.setAttribute('aria-label', 'Animate the forward pass');
  }

  toggleAnimation() {
    if (this.timer) this.stop();
    else this.play();
  }

  onKey(e) {
    if (e.target.closest?.('input, select, textarea')) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      this.move(e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.hide();
      this.onClose();
    }
  }
}
