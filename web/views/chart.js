// The loss chart: training and test loss (left axis) and, for classification, training and
// test accuracy (right axis, 0 to 100 %) against epoch, with axes and a scale, on one canvas.
// Memory stays bounded on runs of any length (the Playground's history grows forever).
import { drawAxes, niceTicks } from './chart-axes.js';
import { StillCanvas } from './still-canvas.js';
import { context2d } from '../shared/canvas.js';

export const SERIES = {
  trainLoss: { color: '#888', dash: [] },
  testLoss: { color: '#111', dash: [] },
  trainAccuracy: { color: '#2a9d8f', dash: [4, 3] },
  testAccuracy: { color: '#1d6f65', dash: [] },
};
// A flat loss curve still needs a y span to be drawn as a line rather than divide by zero.
const MIN_Y_SPAN = 1e-6;
// Room around the plot for tick labels, in CSS px.
const MARGIN = { left: 36, right: 34, top: 7, bottom: 16 };

// Loss history thinned as it grows: at most `capacity` points, covering the whole run.
// When full, every other kept point is dropped and only every 2nd push (then 4th, ...) is
// kept, so resolution falls evenly along the run instead of losing its start. The newest
// push is always the last point, so the chart's right end is current.
export class DownsampledHistory {
  constructor(capacity = 400) {
    this.capacity = Math.max(4, Math.floor(capacity));
    this.epochs = new Float64Array(this.capacity);
    this.trainLosses = new Float64Array(this.capacity);
    this.testLosses = new Float64Array(this.capacity);
    this.trainAccuracies = new Float64Array(this.capacity);
    this.testAccuracies = new Float64Array(this.capacity);
    // Index of each kept point among accepted pushes; halving keeps multiples of the stride.
    this.sequence = new Float64Array(this.capacity);
    this.clear();
  }

  clear() {
    this.count = 0;
    this.stride = 1;
    this.accepted = 0;
    this.hasAccuracy = false;  // some push carried accuracies (classification)
    // True while the last point is off the stride and only stands in as the newest push.
    this.lastIsStandIn = false;
  }

  get length() {
    return this.count;
  }

  // Returns false when the point is skipped: a non-finite loss has no place on the y axis.
  // Accuracies (fractions) are optional: NaN for regression.
  push(epoch, trainLoss, testLoss, trainAccuracy = NaN, testAccuracy = NaN) {
    if (!Number.isFinite(trainLoss) || !Number.isFinite(testLoss)) return false;
    const k = this.accepted++;
    if (this.lastIsStandIn) this.count--;
    if (this.count === this.capacity) this.halve();
    const i = this.count++;
    this.epochs[i] = epoch;
    this.trainLosses[i] = trainLoss;
    this.testLosses[i] = testLoss;
    this.trainAccuracies[i] = trainAccuracy;
    this.testAccuracies[i] = testAccuracy;
    if (Number.isFinite(trainAccuracy) || Number.isFinite(testAccuracy)) this.hasAccuracy = true;
    this.sequence[i] = k;
    this.lastIsStandIn = k % this.stride !== 0;
    return true;
  }

  halve() {
    this.stride *= 2;
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      if (this.sequence[i] % this.stride !== 0) continue;
      this.epochs[kept] = this.epochs[i];
      this.trainLosses[kept] = this.trainLosses[i];
      this.testLosses[kept] = this.testLosses[i];
      this.trainAccuracies[kept] = this.trainAccuracies[i];
      this.testAccuracies[kept] = this.testAccuracies[i];
      this.sequence[kept] = this.sequence[i];
      kept++;
    }
    this.count = kept;
  }

  at(i) {
    const point = { epoch: this.epochs[i], trainLoss: this.trainLosses[i], testLoss: this.testLosses[i] };
    if (this.hasAccuracy) Object.assign(point, { trainAccuracy: this.trainAccuracies[i], testAccuracy: this.testAccuracies[i] });
    return point;
  }

  points() {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }
}

export class LossChart {
  constructor(canvas, { capacity = 400 } = {}) {
    this.canvas = canvas;
    // Shown as one picture per redraw (still-canvas.js): the page repaints every frame while
    // training, and a 2-D canvas would hand over a copy of its pixels each time.
    this.picture = new StillCanvas(canvas);
    this.history = new DownsampledHistory(capacity);
    this.showCount();
  }

  // Records only; the owner calls draw() once per animation frame, not once per epoch.
  push(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy) {
    const added = this.history.push(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy);
    this.showCount();
    return added;
  }

  clear() {
    this.history.clear();
    this.showCount();
    this.draw();
  }

  // Points pushed since the last clear (thinning drops kept points, not this count), as the
  // canvas's data-points attribute: the browser tests count on it that a redraw adds none
  // (the Playground's bug #184). A canvas without a dataset (OffscreenCanvas) goes without.
  showCount() {
    if (this.canvas.dataset) this.canvas.dataset.points = String(this.history.accepted);
  }

  // Canvas px per CSS px (the owner sizes the canvas to its box times the device pixel ratio).
  get ratio() {
    return this.canvas.width / (this.canvas.clientWidth || this.canvas.width);
  }

  // The plot area in canvas px, inside the margins for tick labels.
  plot() {
    const r = this.ratio;
    const right = this.history.hasAccuracy ? MARGIN.right : 8;
    return { left: MARGIN.left * r, right: this.canvas.width - right * r, top: MARGIN.top * r,
      bottom: this.canvas.height - MARGIN.bottom * r };
  }

  // Maps data to canvas pixels for the points kept now; null when there is no curve to show
  // (epoch 0 alone is one point: the owner shows its empty state instead).
  // Loss runs from 0 up to a round value above the largest; accuracy from 0 to 100 %.
  scales() {
    const h = this.history;
    if (h.length < 2) return null;
    const p = this.plot();
    let high = 0;
    for (let i = 0; i < h.length; i++) high = Math.max(high, h.trainLosses[i], h.testLosses[i]);
    const yTicks = niceTicks(0, Math.max(high, MIN_Y_SPAN), 3);
    // The scale ends on a tick at or above the largest loss, so every curve is inside it.
    const step = yTicks.length > 1 ? yTicks[1] - yTicks[0] : MIN_Y_SPAN;
    if (yTicks[yTicks.length - 1] < high) yTicks.push(Number((yTicks[yTicks.length - 1] + step).toPrecision(12)));
    const top = Math.max(yTicks[yTicks.length - 1], MIN_Y_SPAN);
    const first = h.epochs[0];
    const xSpan = Math.max(h.epochs[h.length - 1] - first, 1);
    const width = p.right - p.left;
    const height = p.bottom - p.top;
    return {
      plot: p, yTicks, top, first, last: first + xSpan,
      xTicks: niceTicks(first, first + xSpan, Math.max(2, Math.floor(width / (60 * this.ratio))), 1),
      x: (epoch) => p.left + ((epoch - first) / xSpan) * width,
      y: (loss) => p.bottom - (loss / top) * height,
      accuracy: (fraction) => p.bottom - fraction * height,
      epochAtPx: (px) => first + ((px - p.left) / width) * xSpan,
    };
  }

  // The scales in words, for the canvas's screen-reader label: '' while nothing is drawn.
  describe() {
    const s = this.scales();
    if (!s) return '';
    const accuracy = this.history.hasAccuracy ? ', accuracy 0 to 100 % (right axis)' : '';
    // Picture epochs are measured part-way through (fractions): a tenth is enough to say.
    const epoch = (v) => Number(v.toFixed(1));
    return `loss 0 to ${s.top} (left axis)${accuracy}, epochs ${epoch(s.first)} to ${epoch(s.last)}`;
  }

  draw() {
    const ctx = context2d(this.picture.begin(this.canvas.width, this.canvas.height));
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.drawCurves(ctx);
    this.picture.show();
  }

  drawCurves(ctx) {
    const scale = this.scales();
    if (!scale) return;
    const h = this.history;
    drawAxes(ctx, scale.plot, {
      x: scale.xTicks.map((v) => [v, scale.x(v)]),
      y: scale.yTicks.map((v) => [v, scale.y(v)]),
      right: h.hasAccuracy ? [[0, '0 %'], [0.5, '50 %'], [1, '100 %']].map(([f, text]) => [text, scale.accuracy(f)]) : null,
    }, this.ratio);
    ctx.lineWidth = 1.5 * this.ratio;
    this.drawLine(ctx, scale.x, scale.y, h.trainLosses, SERIES.trainLoss);
    this.drawLine(ctx, scale.x, scale.y, h.testLosses, SERIES.testLoss);
    if (h.hasAccuracy) {
      this.drawLine(ctx, scale.x, scale.accuracy, h.trainAccuracies, SERIES.trainAccuracy);
      this.drawLine(ctx, scale.x, scale.accuracy, h.testAccuracies, SERIES.testAccuracy);
    }
  }

  drawLine(ctx, x, y, values, { color, dash }) {
    const h = this.history;
    ctx.strokeStyle = color;
    ctx.setLineDash(dash.map((d) => d * this.ratio));
    ctx.beginPath();
    ctx.moveTo(x(h.epochs[0]), y(values[0]));
    for (let i = 1; i < h.length; i++) ctx.lineTo(x(h.epochs[i]), y(values[i]));
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // The kept point nearest to a horizontal position in CSS pixels (a mouse event's offsetX).
  pointAt(xPx) {
    const scale = this.scales();
    if (!scale || !Number.isFinite(xPx)) return null;
    const epoch = scale.epochAtPx(xPx * this.ratio);
    const h = this.history;
    let best = 0;
    for (let i = 1; i < h.length; i++) {
      if (Math.abs(h.epochs[i] - epoch) < Math.abs(h.epochs[best] - epoch)) best = i;
    }
    return h.at(best);
  }
}
