// The colour scales shared by heat maps, points, links and biases. Two classes (and regression)
// use a diverging scale: the first colour for -1, light grey for 0, the second for +1 (the
// Playground's orange and blue by default). Several classes use one colour per class.
// This module imports nothing of the project.

const ZERO = [0xe8, 0xea, 0xeb];

// classic: the Playground's pair, then distinct hues. colorblind: the Okabe-Ito palette, which
// stays distinguishable under the common colour-vision deficiencies.
export const PALETTES = {
  classic: [[0xf5, 0x93, 0x22], [0x08, 0x77, 0xbd], [0x2c, 0xa0, 0x2c], [0xd6, 0x27, 0x28], [0x94, 0x67, 0xbd], [0x8c, 0x56, 0x4b]],
  colorblind: [[0xd5, 0x5e, 0x00], [0x00, 0x72, 0xb2], [0x00, 0x9e, 0x73], [0xe6, 0x9f, 0x00], [0xcc, 0x79, 0xa7], [0x56, 0xb4, 0xe9]],
};

function paletteOf(name) {
  return PALETTES[name] ?? PALETTES.classic;
}

// v in [-1, 1] -> [r, g, b] as fractional channels; NaN reads as 0 so broken values show grey.
function mix(v, palette = 'classic') {
  const [negative, positive] = paletteOf(palette);
  const t = Number.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  const end = t < 0 ? negative : positive;
  const w = Math.abs(t);
  return ZERO.map((zero, c) => zero + (end[c] - zero) * w);
}

// Shades * 4 RGBA bytes; entry i is the colour of -1 + 2i/(shades-1). Alpha is opaque:
// a canvas that should be see-through gets its opacity from CSS.
export function buildLut(shades = 256, palette = 'classic') {
  const n = Math.max(2, Math.floor(shades));
  const lut = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = mix(-1 + (2 * i) / (n - 1), palette);
    lut.set([Math.round(r), Math.round(g), Math.round(b), 255], i * 4);
  }
  return lut;
}

// The LUT entry for v: clamped to [-1, 1], rounded to the nearest shade; NaN -> the middle.
export function valueToIndex(v, shades) {
  const t = Number.isNaN(v) ? 0 : v < -1 ? -1 : v > 1 ? 1 : v;
  // (x + 0.5) | 0 is Math.round for x >= 0, and much cheaper per pixel.
  return ((((t + 1) / 2) * (shades - 1)) + 0.5) | 0;
}

// A CSS colour for one value, exact rather than quantised (links, points, bias squares).
export function colorFor(v, palette = 'classic') {
  const [r, g, b] = mix(Number(v), palette);
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

// [r, g, b] of class k (0-based) in a palette.
export function classRgb(k, palette = 'classic') {
  const colors = paletteOf(palette);
  return colors[((k % colors.length) + colors.length) % colors.length];
}

// A CSS colour for class k.
export function classColor(k, palette = 'classic') {
  const [r, g, b] = classRgb(k, palette);
  return `rgb(${r},${g},${b})`;
}
