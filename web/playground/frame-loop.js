// The playground's animation-frame loop, and whether a paused playground has a frame to draw
// (dirty). It runs only while there is something to draw: a change to show (markDirty), or
// whatever busy() says (training, a build under way); paused and drawn, it asks for no more
// frames until woken. Off screen (setShown(false)) it asks for none at all.
//
// Why it stops: every animation frame a page asks for is a rendering update, whether or not
// anything changed. A paused standalone page kept 11 % of a core busy in Chromium and 6 % in
// Firefox while it polled on every display frame, 3 % and 4 % with this loop
// (bench/idle-cpu.mjs). In WebKitGTK the native scrollbar kept the window repainting anyway,
// which page.css answers (bench/README.md, "An idle page"). Each playground on a page pays it.
export class FrameLoop {
  // onFrame() runs once per animation frame while the loop runs; busy() is asked at the start
  // of each. request and cancel stand in for requestAnimationFrame and cancelAnimationFrame.
  constructor({ onFrame, busy, shown = true,
    request = (fn) => requestAnimationFrame(fn), cancel = (id) => cancelAnimationFrame(id) }) {
    Object.assign(this, { onFrame, busy, shown, request, cancel, id: 0, stopped: false });
    this.dirty = true;  // the first frame is still to be drawn
  }

  // Something changed that the next frame shows; the caller clears dirty when it asks for it.
  markDirty() {
    this.dirty = true;
    this.wake();
  }

  // Starts the loop if it is not already waiting for a frame.
  wake() {
    if (this.id || !this.shown || this.stopped) return;
    this.id = this.request(() => this.tick());
  }

  tick() {
    this.id = 0;
    // The next frame is asked for first, so that a failing onFrame does not end the loop.
    if (this.dirty || this.busy()) this.wake();
    this.onFrame();
  }

  setShown(shown) {
    this.shown = shown;
    if (shown) this.wake();
    else this.halt();
  }

  destroy() {
    this.stopped = true;
    this.halt();
  }

  halt() {
    if (this.id) this.cancel(this.id);
    this.id = 0;
  }
}
