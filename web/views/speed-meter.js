// Epochs per second over roughly the last second of drawn frames, for the speed read-out.
const WINDOW_MS = 1000;

export class SpeedMeter {
  constructor(now = () => performance.now()) {
    this.now = now;
    this.samples = [];
  }

  // Records the epoch counter at this frame; returns the rate, or NaN while paused or too early.
  add(epoch, running) {
    if (!running) {
      this.samples = [];
      return NaN;
    }
    const t = this.now();
    this.samples.push([t, epoch]);
    while (this.samples.length > 2 && t - this.samples[0][0] > WINDOW_MS) this.samples.shift();
    const [t0, e0] = this.samples[0];
    return t - t0 > 100 ? ((epoch - e0) * 1000) / (t - t0) : NaN;
  }
}
