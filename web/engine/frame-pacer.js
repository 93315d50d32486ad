// How frames flow from the worker to the screen. While training, a request goes out at each
// animation frame even if the last answer is still on its way, so the worker computes while
// the page draws and paints (never more than maxInFlight outstanding, so a slow worker is not
// buried in requests), and at most one answer is drawn per animation frame: the first at once,
// later ones wait for an animation frame of their own rather than being drawn and never seen.
// Paused, one request at a time, drawn as soon as it comes; older waiting answers go.
// It knows nothing of frames' contents: the caller fetches, draws and discards them.
export class FramePacer {
  // fetch(epochs) -> Promise of a frame, or of null when the answer is stale; draw(frame);
  // discard(frame) for an answer that will not be drawn; live() whether training is running.
  // later(fn) runs fn in a task of its own after the current one.
  constructor({ fetch, draw, discard = () => {}, live, maxInFlight = 2, later = (fn) => setTimeout(fn, 0) }) {
    Object.assign(this, { fetch, draw, discard, live, maxInFlight, later });
    this.inFlight = 0;         // requests not answered yet
    this.waiting = [];         // answers that wait for an animation frame
    this.drewThisFrame = false;
  }

  // Whether another request fits now.
  get hasRoom() {
    return this.inFlight + this.waiting.length < (this.live() ? this.maxInFlight : 1);
  }

  // Asks for one frame; resolves once its answer is drawn, queued or dropped as stale.
  request(epochs) {
    this.inFlight += 1;
    return this.fetch(epochs)
      .then((frame) => {
        if (!frame) return;
        if (!this.live()) {
          for (const old of this.waiting.splice(0)) this.discard(old);
          this.draw(frame);
        } else if (this.drewThisFrame || this.waiting.length) {
          this.waiting.push(frame);
        } else {
          this.drewThisFrame = true;
          this.draw(frame);
        }
      })
      .finally(() => { this.inFlight -= 1; });
  }

  // Call at the start of every animation frame. A waiting answer is drawn in a task of its own
  // after this one, which then only renders: the two together took over 50 ms on 2 cores when
  // Chromium's commit had to wait for its compositor.
  onAnimationFrame() {
    this.drewThisFrame = false;
    if (!this.waiting.length) return;
    this.drewThisFrame = true;
    this.later(() => {
      const frame = this.waiting.shift();
      if (frame) this.draw(frame);
    });
  }
}
