// Images as numbers in, RGBA bytes out: a greyscale image (the clothing, the drawing) and the
// picture of one neuron's incoming weights, written into a shared RGBA buffer (an ImageData's
// data) at a given place. Pure, no DOM, so the views' pixels can be tested with typed arrays.
import { buildLut, classRgb } from '../views/colors.js';

// Shades of the weight pictures' colour scale: the diagram's own (views/colors.js).
export const SHADES = 256;
// Ink is drawn dark on a light ground (a printed picture of the garment); 0 is the ground.
const GROUND = 255;
const INK = 24;

// Colours of class k for image data sets, which have up to ten classes: the palette's six,
// then four more of the same lightness range, kept apart from those six by hue.
const MORE_CLASS_COLORS = {
  classic: [[0x6b, 0x8e, 0x23], [0x8c, 0x56, 0x4b], [0x11, 0x3f, 0x67], [0xe3, 0x77, 0xc2]],
  colorblind: [[0x99, 0x4f, 0x00], [0x00, 0x6c, 0xd1], [0x7f, 0x7f, 0x7f], [0xe1, 0xbe, 0x6a]],
};

export function imageClassRgb(k, palette = 'classic') {
  const more = MORE_CLASS_COLORS[palette] ?? MORE_CLASS_COLORS.classic;
  return k < 6 ? classRgb(k, palette) : more[(k - 6) % more.length];
}

export function imageClassColor(k, palette = 'classic') {
  const [r, g, b] = imageClassRgb(k, palette);
  return `rgb(${r},${g},${b})`;
}

// The brightness 0..1 of pixel i: bytes are 0..255 (the data set's own), floats 0..1.
export function inkAt(pixels, i) {
  const v = pixels instanceof Uint8Array || pixels instanceof Uint8ClampedArray ? pixels[i] / 255 : pixels[i];
  return v > 1 ? 1 : v > 0 ? v : 0;
}

// Writes a width x height greyscale image at (x0, y0) of an RGBA buffer `out` that is
// `outWidth` pixels wide. pixels: Uint8Array (0..255) or Float32Array (0..1), row-major.
export function paintImage(out, outWidth, x0, y0, pixels, offset, width, height) {
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grey = Math.round(GROUND + (INK - GROUND) * inkAt(pixels, offset + y * width + x));
      const o = ((y0 + y) * outWidth + x0 + x) * 4;
      out[o] = grey;
      out[o + 1] = grey;
      out[o + 2] = grey;
      out[o + 3] = 255;
    }
  }
}

// The largest |w| of `count` weights from `offset`; 0 when all are zero (or not numbers).
export function largestMagnitude(weights, offset, count) {
  let top = 0;
  for (let i = offset; i < offset + count; i++) {
    const a = Math.abs(weights[i]);
    if (a > top) top = a;
  }
  return top;
}

// The colour scale's byte table, one per palette, built on first use.
const luts = new Map();
export function weightLut(palette = 'classic') {
  if (!luts.has(palette)) luts.set(palette, buildLut(SHADES, palette));
  return luts.get(palette);
}

// Shade index of v in [-1, 1] (clamped; NaN is the middle, as the diagram draws it).
function shadeOf(v) {
  const t = v > 1 ? 1 : v < -1 ? -1 : v === v ? v : 0;
  return Math.round(((t + 1) / 2) * (SHADES - 1));
}

// Writes one neuron's incoming weights (width x height of them from `offset`) as a picture at
// (x0, y0): each weight divided by the neuron's largest |w|, so every neuron uses the whole
// scale (a first layer's 784 weights are small, and their pattern is what matters), then
// coloured as the diagram colours a weight: the second colour positive, the first negative.
export function paintWeights(out, outWidth, x0, y0, weights, offset, width, height, lut) {
  const top = largestMagnitude(weights, offset, width * height) || 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const s = shadeOf(weights[offset + y * width + x] / top) * 4;
      const o = ((y0 + y) * outWidth + x0 + x) * 4;
      out[o] = lut[s];
      out[o + 1] = lut[s + 1];
      out[o + 2] = lut[s + 2];
      out[o + 3] = 255;
    }
  }
}

// A w x h block of one colour at (x0, y0): a value on the diagram's scale, or an [r, g, b].
export function paintBlock(out, outWidth, x0, y0, w, h, color, lut) {
  const rgb = Array.isArray(color) ? color : [lut[shadeOf(color) * 4], lut[shadeOf(color) * 4 + 1], lut[shadeOf(color) * 4 + 2]];
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const o = (y * outWidth + x) * 4;
      out[o] = rgb[0];
      out[o + 1] = rgb[1];
      out[o + 2] = rgb[2];
      out[o + 3] = 255;
    }
  }
}

// Where n tiles of tileW x tileH go in rows of `columns`, `gap` pixels apart: the buffer's
// size and each tile's top-left corner.
export function tileGrid(n, columns, tileW, tileH, gap = 1) {
  const cols = Math.max(1, Math.min(n, columns));
  const rows = Math.max(1, Math.ceil(n / cols));
  const at = Array.from({ length: n }, (_, k) => ({ x: (k % cols) * (tileW + gap), y: Math.floor(k / cols) * (tileH + gap) }));
  return { width: cols * (tileW + gap) - gap, height: rows * (tileH + gap) - gap, columns: cols, rows, at };
}

// How many tiles a row of the weight grid holds for n neurons: square-ish, at most 16.
export function gridColumns(n) {
  if (n <= 4) return Math.max(1, n);
  if (n <= 16) return 4;
  return n <= 64 ? 8 : 16;
}
