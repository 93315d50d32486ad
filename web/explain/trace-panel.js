// The followed point's passes in words: its input and target, each layer's values one line at
// a time, the output and the loss (forward), then the error and each layer's delta from the
// output back to the first hidden layer (backward). Buttons step through these stages or
// animate them; onStep({ phase, layer }) lets the caller show the same layer on the diagram.
// Below the lines, a detail area the caller fills (a hovered node's sum, a link's update).
import { compact } from '../network/network-overlay.js';
import { unitIndex, formatValue } from '../network/network-layout.js';
import { className, classOfLabel, classOfOutputs } from '../state/class-names.js';
import { backwardLines } from './backward-lines.js';

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
// image: { width, height, caption } when the inputs are a picture's pixels.
export function traceLines({ point, trace, sizes, labels = [], lossName, classes, image = null }) {
  const lines = [];
  const values = (layer, array) => Array.from({ length: sizes[layer] },
    (_, k) => compact(array[unitIndex(sizes, layer, k)])).join(', ');
  if (image) {
    // A picture's inputs are its pixels: named as a picture, not listed one by one.
    // A network that sees the picture at half its side averages each 2 × 2 block into one input.
    const block = Math.round(Math.sqrt((image.width * image.height) / sizes[0]));
    const per = block > 1 ? `one input per ${block} × ${block} block of pixels, their mean` : 'one input per pixel';
    lines.push(`Input: ${image.caption ? `${image.caption}, ` : ''}a ${image.width} × ${image.height} picture, ${per} `
      + `(${sizes[0]} inputs, 0 = blank to 1 = full ink); ${labelText(point.label, classes)}`);
  } else {
    const inputs = Array.from({ length: sizes[0] }, (_, k) =>
      `${labels[k] ?? `input ${k + 1}`} = ${compact(trace.activations[k])}`).join(', ');
    lines.push(`Input x = (${compact(point.x)}, ${compact(point.y)}), ${labelText(point.label, classes)}; inputs ${inputs}`);
  }
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

// Stage s of a network with `layers` columns: forward up to layer s, then backward down to
// layer 2L + 1 - s (L = layers - 1), ending at the first hidden layer.
export function stageOf(s, layers) {
  const last = layers - 1;
  return s <= last ? { phase: 'forward', layer: s } : { phase: 'backward', layer: 2 * last + 1 - s };
}

export class TracePanel {
  // onStep({ phase, layer }); onClose(); onStepBatch() runs one mini-batch of training.
  constructor(container, { onStep = () => {}, onClose = () => {}, onStepBatch = null, autoAnimate = true } = {}) {
    Object.assign(this, { onStep, onClose, autoAnimate, stage: 0, stages: 0, timer: 0, rows: [] });
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
    this.backButton = button('\u25c0 Step', 'tp-back', 'Previous step of the pass', () => this.move(-1));
    this.nextButton = button('Step \u25b6', 'tp-next', 'Next step of the pass', () => this.move(1));
    this.animateButton = button('\u25b6 Animate', 'tp-animate', 'Animate the forward and backward pass', () => this.toggleAnimation());
    const close = button('Close', 'tp-close', 'Close: stop following this point (Esc)', () => { this.hide(); this.onClose(); });
    const bar = make('div', 'tp-buttons');
    bar.append(this.backButton, this.nextButton, this.animateButton);
    if (onStepBatch) {
      bar.append(button('Step one mini-batch', 'tp-batch', 'Train one mini-batch and show each weight before and after',
        () => { this.stop(); onStepBatch(); }));
    }
    bar.append(close);
    this.title = make('h3', 'tp-title', 'Forward pass of one point');
    this.detail = make('div', 'tp-detail');
    this.detail.setAttribute('aria-live', 'polite');
    this.el = make('section', 'trace-panel');
    this.el.setAttribute('aria-label', 'Forward and backward pass of one point');
    this.el.hidden = true;
    const head = make('div', 'tp-head');
    head.append(this.title, bar);
    this.head = head;
    const body = make('div', 'tp-body');
    body.append(this.list, this.detail);
    this.el.append(head, body, this.status);
    this.el.addEventListener('keydown', (e) => this.onKey(e));
    container.append(this.el);
  }

  // Shows a new point's passes: animated from the input layer, or the whole forward pass at
  // once when the person prefers reduced motion (or autoAnimate is off).
  show(data) {
    this.stop();
    this.setLines(data);
    this.el.hidden = false;
    if (this.autoAnimate && !reducedMotion(this.doc)) {
      this.setStage(0);
      this.play(data.sizes.length - 1);
    } else {
      this.setStage(data.sizes.length - 1);
    }
  }

  // New numbers for the same point (the weights moved): the lines change, the stage stays.
  update(data) {
    this.setLines(data);
    this.setStage(this.stage);
  }

  setLines(data) {
    const forward = traceLines(data);
    const backward = backwardLines(data);
    const last = data.sizes.length - 1;
    this.layers = data.sizes.length;
    this.stages = 2 * last + 1;
    const row = (text, stage, className) => {
      const li = this.doc.createElement('li');
      li.className = `tp-line ${className}`;
      li.textContent = text;
      li.dataset.stage = String(stage);
      return li;
    };
    this.rows = [
      ...forward.map((text, j) => row(text, Math.min(j, last), j === forward.length - 1 ? 'tp-loss' : 'tp-forward')),
      ...backward.map((text, j) => row(text, Math.min(last + 1 + j, this.stages - 1), 'tp-backward')),
    ];
    this.list.replaceChildren(...this.rows);
  }

  // Reveals the lines of stages 0..s and reports onStep for stage s.
  setStage(s) {
    this.stage = Math.max(0, Math.min(this.stages - 1, Math.round(s)));
    const current = [];
    for (const row of this.rows) {
      const stage = Number(row.dataset.stage);
      row.classList.toggle('tp-later', stage > this.stage);
      row.classList.toggle('tp-current', stage === this.stage);
      if (stage === this.stage) current.push(row.textContent);
    }
    this.backButton.disabled = this.stage === 0;
    this.nextButton.disabled = this.stage === this.stages - 1;
    const where = stageOf(this.stage, this.layers);
    const what = this.el.dataset.what ?? 'point';
    this.title.textContent = where.phase === 'forward' ? `Forward pass of one ${what}` : `Backward pass of one ${what}`;
    // Backwards, the forward lines give way to the backward ones (the loss stays, it starts them).
    this.list.classList.toggle('tp-in-backward', where.phase === 'backward');
    this.status.textContent = current.join('; ');
    this.onStep(where);
  }

  hide() {
    this.stop();
    this.el.hidden = true;
  }

  move(delta) {
    this.stop();
    this.setStage(this.stage + delta);
  }

  // Steps on every STEP_MS until stage `until` (the last one by default).
  play(until = this.stages - 1) {
    this.stop();
    if (this.stage >= until) this.setStage(0);
    this.animateButton.textContent = '\u275a\u275a Pause';
    this.animateButton.setAttribute('aria-label', 'Pause the animation');
    this.timer = setInterval(() => {
      this.setStage(this.stage + 1);
      if (this.stage >= until) this.stop();
    }, STEP_MS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = 0;
    this.animateButton.textContent = '\u25b6 Animate';
    this.animateButton.setAttribute('aria-label', 'Animate the forward and backward pass');
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
