// How long a piece of training took, as the 'auto' paces (worker.js for points, image-data.js
// for pictures) size the next frame's chunk from it.

// The coarsest step of performance.now() in the engines we run in (Firefox: 1 ms in a worker).
const CLOCK_TICK_MS = 1;

// Milliseconds since `start` (a performance.now()), at least one tick: a fast chunk reads as 0 ms
// on a coarse clock, and taken for free it made the next frame's chunk the cap (seconds of
// training in one frame). Taken as one tick, the estimate errs slow and the chunk grows by the
// budget each frame until the clock can see it.
export const elapsedSince = (start) => Math.max(performance.now() - start, CLOCK_TICK_MS);
