// A canvas for pictures redrawn less often than the page repaints (the map's data points, the
// data-set thumbnails, the diagram's links, the loss chart), drawn on an OffscreenCanvas and
// shown as one ImageBitmap per redraw through a 'bitmaprenderer' context.
//
// Why: Chromium composites every 2-D canvas and hands the compositor a fresh copy of its pixels
// whenever anything on the page repaints, keeping up to four such copies (shared memory) next
// to the canvas's own: a canvas drawn once costs five times its pixels while the epoch counter
// ticks. An ImageBitmap cannot change, so the compositor keeps using the one it was given:
// the 420x420 points canvas went from 3.4 MiB to 0.7 MiB (memory-infra, measure-memory page),
// and one redrawn every few frames keeps one or two pictures rather than five.
// Where OffscreenCanvas or 'bitmaprenderer' is missing the canvas is drawn on directly.
export class StillCanvas {
  constructor(canvas) {
    this.canvas = canvas;
    this.renderer = typeof OffscreenCanvas === 'function' ? canvas.getContext('bitmaprenderer') : null;
    this.surface = null;
  }

  // A canvas-like surface (width, height, a 2-D context from context2d) for the next picture,
  // width x height px, cleared. show() puts it on screen.
  begin(width, height) {
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    if (!this.renderer) return this.canvas;
    if (this.surface?.width !== width || this.surface?.height !== height) this.surface = new OffscreenCanvas(width, height);
    return this.surface;
  }

  show() {
    if (this.renderer) this.renderer.transferFromImageBitmap(this.surface.transferToImageBitmap());
  }
}
