// What the canvases show, in words for a screen reader: the epoch, losses and accuracy read
// into a polite live region now and then. Training changes them sixty times a second; a reader
// hears them at most once every few seconds, only when they moved enough to matter, and once
// more when training stops, so the announcements never pile up or drown the person's own
// actions.
import { h } from '../shared/dom.js';

export const MIN_INTERVAL_MS = 5000;
// A loss that moved by less than both of these, and accuracy by less than a point, is "the same".
const LOSS_ABSOLUTE = 0.005;
const LOSS_RELATIVE = 0.02;
const ACCURACY_POINTS = 0.01;

function formatLoss(v) {
  return Number.isFinite(v) ? v.toFixed(3) : 'not a number';
}

// The sentence read for metrics m ({ epoch, trainLoss, testLoss, testAccuracy }).
export function describeMetrics(m, { regression = false } = {}) {
  const parts = [`Epoch ${m.epoch}.`, `Test loss ${formatLoss(m.testLoss)}, training loss ${formatLoss(m.trainLoss)}.`];
  if (!regression && Number.isFinite(m.testAccuracy)) parts.push(`Test accuracy ${(m.testAccuracy * 100).toFixed(1)} %.`);
  return parts.join(' ');
}

const lossMoved = (a, b) => {
  if (Number.isFinite(a) !== Number.isFinite(b)) return true;
  if (!Number.isFinite(a)) return false;
  const change = Math.abs(a - b);
  return change >= LOSS_ABSOLUTE && change >= LOSS_RELATIVE * Math.abs(a);
};

// Whether `next` differs from what was last announced enough to be worth saying.
export function changedMeaningfully(last, next) {
  if (lossMoved(last.testLoss, next.testLoss) || lossMoved(last.trainLoss, next.trainLoss)) return true;
  const [a, b] = [last.testAccuracy, next.testAccuracy];
  return Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) >= ACCURACY_POINTS : Number.isFinite(a) !== Number.isFinite(b);
}

export class Announcer {
  // now(): the clock in ms (performance.now by default; tests pass their own).
  constructor(container, { now = () => performance.now(), interval = MIN_INTERVAL_MS } = {}) {
    Object.assign(this, { now, interval, last: null, lastAt: -Infinity, wasRunning: false });
    this.region = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    container.append(this.region);
  }

  // Per drawn frame. Speaks when the interval has passed and the values moved, or at once when
  // training has just stopped (with whatever it stopped on, if that is news).
  update(metrics, { running, regression = false }) {
    const stopped = this.wasRunning && !running;
    this.wasRunning = running;
    // The first values after a (re)build are the starting point, not news: kept, not read.
    if (!this.last) {
      Object.assign(this, { last: { ...metrics }, lastAt: this.now() });
      return false;
    }
    const due = this.now() - this.lastAt >= this.interval;
    if (!(due || stopped) || !changedMeaningfully(this.last, metrics)) return false;
    this.say(describeMetrics(metrics, { regression }));
    this.last = { ...metrics };
    this.lastAt = this.now();
    return true;
  }

  say(text) {
    if (this.region.textContent !== text) this.region.textContent = text;
  }

  // A new network or data: its first values become the new starting point.
  forget() {
    this.last = null;
  }
}
