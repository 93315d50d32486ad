// Every 2-D canvas of the element gets its context here, so that all are drawn the same way.
//
// Why CPU-backed (willReadFrequently): an accelerated canvas is a compositing layer of its own,
// and so is every element drawn over it (the diagram's nodes, bias squares and labels over the
// link canvas). WebKitGTK recomposites the whole window each frame something changes, and with
// software GL (llvmpipe, any machine without a GPU) each layer costs CPU there: 36 ms of llvmpipe
// per drawn frame at the default setup, 54-65 ms at 6x8, against 22 and 26-33 ms with CPU-backed
// canvases painted into the page's own tiles (bench/webkit-frame.mjs). Our canvases are small and
// drawn with putImageData or a few paths, which the CPU does cheaply in every engine.
const CPU_BACKED = Object.freeze({ willReadFrequently: true });

// The canvas's 2-D context, or null where there is none (an object that only looks like a canvas).
export function context2d(canvas) {
  return canvas.getContext?.('2d', CPU_BACKED) ?? null;
}
