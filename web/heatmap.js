// Draws grids of numbers and sets of points on canvases. It knows no network: callers hand
// it plain typed arrays. The data domain is [-6, 6] on both axes, y pointing up.
import { buildLut, colorFor, valueToIndex } from './colors.js';

const SHADES = 256;
const DOMAIN_MIN = -6;
const DOMAIN_SPAN = 12;
const POINT_RADIUS_CSS_PX = 3;
const TEST_STROKE = '#222';
const TRAIN_STROKE = '#fff';

// Built on first use and shared: the scale is the same for every canvas on the page.
let lutWords = null;
// One ImageData per canvas, reused across frames so drawing allocates nothing per frame.
const imageCache = new WeakMap();

function lookupTable() {
  // Reading 4 bytes as one 32-bit word copies a whole pixel per store; byte order is the
  // same on both sides, so endianness does not matter.
  if (!lutWords) lutWords = new Uint32Array(buildLut(SHADES).buffer);
  return lutWords;
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
export function drawHeatmap(canvas, values, n, { discretize = false } = {}) {
  if (!(n > 0) || values.length < n * n) {
    throw new RangeError(`drawHeatmap: need ${n}x${n} values, got ${values.length}`);
  }
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  const ctx = canvas.getContext('2d');
  const image = imageFor(ctx, canvas, n);
  const pixels = new Uint32Array(image.data.buffer, image.data.byteOffset, n * n);
  const lut = lookupTable();
  for (let i = 0; i < n * n; i++) {
    let v = values[i];
    // NaN fails both comparisons and stays NaN, so it keeps showing grey.
    if (discretize) v = v >= 0 ? 1 : v < 0 ? -1 : v;
    pixels[i] = lut[valueToIndex(v, SHADES)];
  }
  ctx.putImageData(image, 0, 0);
}

// The small per-neuron maps use the same drawing; the name says what the caller means.
export function drawThumbnail(canvas, values, n) {
  drawHeatmap(canvas, values, n);
}

function drawPointSet(ctx, points, wantTest, radius, stroke, scaleX, scaleY) {
  ctx.strokeStyle = stroke;
  for (let i = 0; i + 3 < points.length; i += 4) {
    if ((points[i + 3] === 1) !== wantTest) continue;
    const x = points[i];
    const y = points[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.beginPath();
    ctx.arc((x - DOMAIN_MIN) * scaleX, (DOMAIN_MIN + DOMAIN_SPAN - y) * scaleY, radius, 0, 2 * Math.PI);
    ctx.fillStyle = colorFor(points[i + 2]);
    ctx.fill();
    ctx.stroke();
  }
}

// points: records [x, y, label, isTest] of 4 floats each. The canvas's own pixel size is
// used as is: the caller sets it to its CSS size times devicePixelRatio for sharp circles.
// sizePx overrides the radius in canvas pixels (default 3 CSS px).
export function drawPoints(canvas, points, { showTest = false, sizePx } = {}) {
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const ratio = globalThis.devicePixelRatio || 1;
  const radius = sizePx ?? POINT_RADIUS_CSS_PX * ratio;
  const scaleX = canvas.width / DOMAIN_SPAN;
  const scaleY = canvas.height / DOMAIN_SPAN;
  ctx.lineWidth = ratio;
  drawPointSet(ctx, points, false, radius, TRAIN_STROKE, scaleX, scaleY);
  // Test points go on top, so the dark outline shows where they overlap training points.
  if (showTest) drawPointSet(ctx, points, true, radius, TEST_STROKE, scaleX, scaleY);
}
