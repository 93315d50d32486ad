// Draws grids of numbers and sets of points on canvases. It knows no network: callers hand
// it plain typed arrays. The data domain is [-6, 6] on both axes, y pointing up.
import { buildLut, classColor, classRgb, colorFor, valueToIndex } from './colors.js';
import { context2d } from '../shared/canvas.js';

export const SHADES = 256;
const DOMAIN_MIN = -6;
const DOMAIN_SPAN = 12;
const POINT_RADIUS_CSS_PX = 3;
const TEST_STROKE = '#222';
const TRAIN_STROKE = '#fff';

// Built on first use per palette and opacity and shared by every canvas on the page.
const lutWords = new Map();
// One ImageData per canvas, reused across frames so drawing allocates nothing per frame.
const imageCache = new WeakMap();

// The colour scale as one 32-bit RGBA word per shade (index it with valueToIndex(v, SHADES));
// alpha below 1 makes every shade see-through. Reading 4 bytes as one 32-bit word copies a whole
// pixel per store; byte order is the same on both sides, so endianness does not matter.
export function lookupTable(palette = 'classic', alpha = 1) {
  const key = `${palette}/${alpha}`;
  if (!lutWords.has(key)) {
    const bytes = buildLut(SHADES, palette);
    for (let i = 3; i < bytes.length; i += 4) bytes[i] = Math.round(255 * alpha);
    lutWords.set(key, new Uint32Array(bytes.buffer));
  }
  return lutWords.get(key);
}

function imageFor(ctx, canvas, n) {
  let image = imageCache.get(canvas);
  if (!image || image.width !== n || image.height !== n) {
    image = ctx.createImageData(n, n);
    imageCache.set(canvas, image);
  }
  return image;
}

// values: n*n numbers, row-major; row 0 is the top (y = +6), column 0 the left (x = -6).
// One canvas pixel per value; CSS scales the canvas to its display size.
export function drawHeatmap(canvas, values, n, { discretize = false, palette = 'classic' } = {}) {
  if (!(n > 0) || values.length < n * n) {
    throw new RangeError(`drawHeatmap: need ${n}x${n} values, got ${values.length}`);
  }
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  const ctx = context2d(canvas);
  const image = imageFor(ctx, canvas, n);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, n * n);
  const lut = lookupTable(palette);
  for (let i = 0; i < n * n; i++) {
    let v = values[i];
    // NaN fails both comparisons and stays NaN, so it keeps showing grey.
    if (discretize) v = v >= 0 ? 1 : v < 0 ? -1 : v;
    pixels[i] = lut[valueToIndex(v, SHADES)];
  }
  ctx.putImageData(image, 0, 0);
}

// Several classes: `values` holds K maps of n*n probabilities (class k's map at k*n*n). Each pixel
// takes the colour of its most likely class, faded towards white as the network is less sure
// (at 1/K, no better than a guess, it is white). discretize shows the winning class at full colour.
export function drawClassMap(canvas, values, classes, n, { discretize = false, palette = 'classic' } = {}) {
  const per = n * n;
  if (!(n > 0) || values.length < classes * per) {
    throw new RangeError(`drawClassMap: need ${classes} maps of ${n}x${n} values, got ${values.length}`);
  }
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  const ctx = context2d(canvas);
  const image = imageFor(ctx, canvas, n);
  const data = image.data;
  const colors = Array.from({ length: classes }, (_, k) => classRgb(k, palette));
  const floor = 1 / classes;
  for (let i = 0; i < per; i++) {
    let best = 0;
    let top = values[i];
    for (let k = 1; k < classes; k++) {
      const v = values[k * per + i];
      if (v > top) { top = v; best = k; }
    }
    const sure = discretize ? 1 : Math.max(0, Math.min(1, (top - floor) / (1 - floor)));
    const [r, g, b] = colors[best];
    const o = i * 4;
    data[o] = 255 + (r - 255) * sure;
    data[o + 1] = 255 + (g - 255) * sure;
    data[o + 2] = 255 + (b - 255) * sure;
    data[o + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

// The small per-neuron maps use the same drawing; the name says what the caller means.
export function drawThumbnail(canvas, values, n) {
  drawHeatmap(canvas, values, n);
}

function drawPointSet(ctx, points, wantTest, radius, stroke, scaleX, scaleY, fillOf, radii) {
  ctx.strokeStyle = stroke ?? 'transparent';
  for (let i = 0; i + 3 < points.length; i += 4) {
    if ((points[i + 3] === 1) !== wantTest) continue;
    const x = points[i];
    const y = points[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.beginPath();
    ctx.arc((x - DOMAIN_MIN) * scaleX, (DOMAIN_MIN + DOMAIN_SPAN - y) * scaleY, radii ? radii[i / 4] : radius, 0, 2 * Math.PI);
    ctx.fillStyle = fillOf(points[i + 2]);
    ctx.fill();
    if (stroke) ctx.stroke();
  }
}

// points: records [x, y, label, isTest] of 4 floats each. The canvas's own pixel size is
// used as is: the caller sets it to its CSS size times devicePixelRatio for sharp circles.
// sizePx overrides the radius in canvas pixels (default 3 CSS px).
// classes > 2 colours labels 0..K-1 by class; palette picks the colours; radii (CSS px, one per
// point) overrides the size of each point, e.g. to show each point's loss. outline false draws
// bare dots: on a thumbnail a 1 px outline round a 2 px dot is most of the dot.
export function drawPoints(canvas, points, { showTest = false, sizePx, classes = 2, palette = 'classic', radii, outline = true } = {}) {
  const ctx = context2d(canvas);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const ratio = globalThis.devicePixelRatio || 1;
  const radius = sizePx ?? POINT_RADIUS_CSS_PX * ratio;
  const scaleX = canvas.width / DOMAIN_SPAN;
  const scaleY = canvas.height / DOMAIN_SPAN;
  ctx.lineWidth = ratio;
  const fillOf = classes > 2 ? (label) => classColor(label, palette) : (label) => colorFor(label, palette);
  const scaled = radii ? Float32Array.from(radii, (r) => r * ratio) : null;
  drawPointSet(ctx, points, false, radius, outline ? TRAIN_STROKE : null, scaleX, scaleY, fillOf, scaled);
  // Test points go on top, so the dark outline shows where they overlap training points.
  if (showTest) drawPointSet(ctx, points, true, radius, outline ? TEST_STROKE : null, scaleX, scaleY, fillOf, scaled);
}
