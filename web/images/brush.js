// The draw pad's arithmetic: a round brush with a soft edge stamped into an image of ink
// amounts (Float32Array, 0..1, row-major), strokes as stamps along a segment, and the
// keyboard pen's moves. Pure, so what a stroke leaves can be tested without a canvas.

// A brush this wide (in image pixels) paints garment-sized areas on a 28 x 28 image: the
// data set's pictures are filled shapes, not pen lines.
export const BRUSH_RADIUS = 1.6;

// Stamps a round brush at (cx, cy) in image pixels: each pixel takes the brush's coverage
// (1 inside, falling to 0 over the last pixel of the radius). erase lowers the ink instead.
// Returns whether any pixel changed.
export function stamp(ink, width, height, cx, cy, radius = BRUSH_RADIUS, erase = false) {
  let changed = false;
  const reach = Math.ceil(radius + 1);
  for (let y = Math.max(0, Math.floor(cy) - reach); y <= Math.min(height - 1, Math.floor(cy) + reach); y++) {
    for (let x = Math.max(0, Math.floor(cx) - reach); x <= Math.min(width - 1, Math.floor(cx) + reach); x++) {
      // Distance from the pixel's centre.
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const cover = Math.max(0, Math.min(1, radius + 0.5 - d));
      if (cover <= 0) continue;
      const i = y * width + x;
      const next = erase ? Math.min(ink[i], 1 - cover) : Math.max(ink[i], cover);
      if (next !== ink[i]) {
        ink[i] = next;
        changed = true;
      }
    }
  }
  return changed;
}

// A stroke from `from` to `to` ({ x, y } in image pixels): stamps every half pixel, so a fast
// pointer leaves a line and not a row of dots.
export function strokeTo(ink, width, height, from, to, radius = BRUSH_RADIUS, erase = false) {
  const steps = Math.max(1, Math.ceil(Math.hypot(to.x - from.x, to.y - from.y) * 2));
  let changed = false;
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    changed = stamp(ink, width, height, from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t, radius, erase) || changed;
  }
  return changed;
}

// The keyboard pen: arrow keys move it one pixel (four with Shift), Home / End to the row's
// ends; it stays inside the image. Returns the new { x, y } (pixel centres), or null for a
// key that is not a move.
export function movePen(pen, key, shift, width, height) {
  const step = shift ? 4 : 1;
  const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
  let { x, y } = pen;
  if (moves[key]) {
    x += moves[key][0];
    y += moves[key][1];
  } else if (key === 'Home') x = 0.5;
  else if (key === 'End') x = width - 0.5;
  else return null;
  return { x: Math.max(0.5, Math.min(width - 0.5, x)), y: Math.max(0.5, Math.min(height - 0.5, y)) };
}

// The ink as bytes 0..255, the data set's own form (what the engine is handed).
export function inkBytes(ink) {
  return Uint8Array.from(ink, (v) => Math.round(Math.max(0, Math.min(1, v)) * 255));
}
