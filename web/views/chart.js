// The loss chart: training and test loss against epoch, on one canvas.
// Memory stays bounded on runs of any length (the Playground's history grows forever).
// This module imports nothing of the project.

const TRAIN_COLOR = '#777';
const TEST_COLOR = '#000';
// A flat loss curve still needs a y span to be drawn as a line rather than divide by zero.
const MIN_Y_SPAN = 1e-6;

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
    // Index of each kept point among accepted pushes; halving keeps multiples of the stride.
    this.sequence = new Float64Array(this.capacity);
    this.clear();
  }

  clear() {
    this.count = 0;
    this.stride = 1;
    this.accepted = 0;
    // True while the last point is off the stride and only stands in as the newest push.
    this.lastIsStandIn = false;
  }

  get length() {
    return this.count;
  }

  // Returns false when the point is skipped: a non-finite loss has no place on the y axis.
  push(epoch, trainLoss, testLoss) {
    if (!Number.isFinite(trainLoss) || !Number.isFinite(testLoss)) return false;
    const k = this.accepted++;
    if (this.lastIsStandIn) this.count--;
    if (this.count === this.capacity) this.halve();
    const i = this.count++;
    this.epochs[i] = epoch;
    this.trainLosses[i] = trainLoss;
    this.testLosses[i] = testLoss;
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
      this.sequence[kept] = this.sequence[i];
      kept++;
    }
    this.count = kept;
  }

  at(i) {
    return { epoch: this.epochs[i], trainLoss: this.trainLosses[i], testLoss: this.testLosses[i] };
  }

  points() {
    return Array.from({ length: this.count }, (_, i) => this.at(i));
  }
}

export class LossChart {
  constructor(canvas, { capacity = 400 } = {}) {
    this.canvas = canvas;
    this.history = new DownsampledHistory(capacity);
    this.showCount();
  }

  // Records only; the owner calls draw() once per animation frame, not once per epoch.
  push(epoch, trainLoss, testLoss) {
    const added = this.history.push(epoch, trainLoss, testLoss);
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

  // Maps data to canvas pixels for the points kept now; null when there is nothing to show.
  scales() {
    const h = this.history;
    if (h.length === 0) return null;
    const { width, height } = this.canvas;
    const pad = Math.max(1, (globalThis.devicePixelRatio || 1));
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < h.length; i++) {
      low = Math.min(low, h.trainLosses[i], h.testLosses[i]);
      high = Math.max(high, h.trainLosses[i], h.testLosses[i]);
    }
    const ySpan = Math.max(high - low, MIN_Y_SPAN);
    const first = h.epochs[0];
    const xSpan = Math.max(h.epochs[h.length - 1] - first, 1);
    return {
      x: (epoch) => pad + ((epoch - first) / xSpan) * (width - 2 * pad),
      y: (loss) => height - pad - ((loss - low) / ySpan) * (height - 2 * pad),
      epochAtPx: (px) => first + ((px - pad) / (width - 2 * pad)) * xSpan,
    };
  }

  draw() {
    const ctx = this.canvas.getContext('2d');
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scale = this.scales();
    if (!scale) return;
    ctx.lineWidth = globalThis.devicePixelRatio || 1;
    this.drawLine(ctx, scale, this.history.trainLosses, TRAIN_COLOR);
    this.drawLine(ctx, scale, this.history.testLosses, TEST_COLOR);
  }

  drawLine(ctx, scale, losses, color) {
    const h = this.history;
    ctx.strokeStyle = color;
    ctx.beginPath();
    ctx.moveTo(scale.x(h.epochs[0]), scale.y(losses[0]));
    for (let i = 1; i < h.length; i++) ctx.lineTo(scale.x(h.epochs[i]), scale.y(losses[i]));
    ctx.stroke();
  }

  // The kept point nearest to a horizontal position in CSS pixels (a mouse event's offsetX).
  pointAt(xPx) {
    const scale = this.scales();
    if (!scale || !Number.isFinite(xPx)) return null;
    const cssWidth = this.canvas.clientWidth || this.canvas.width;
    const epoch = scale.epochAtPx(xPx * (this.canvas.width / cssWidth));
    const h = this.history;
    let best = 0;
    for (let i = 1; i < h.length; i++) {
      if (Math.abs(h.epochs[i] - epoch) < Math.abs(h.epochs[best] - epoch)) best = i;
    }
    return h.at(best);
  }
}
