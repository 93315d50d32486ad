// The colour scales shared by heat maps, points, links and biases. Two classes (and regression)
// use a diverging scale: the first colour for -1, light grey for 0, the second for +1 (the
// Playground's orange and blue by default). Several classes use one colour per class.
// This module imports nothing of the project.

const ZERO = [0xe8, 0xea, 0xeb];

// Both palettes keep all six class colours at least 20 CIEDE2000 units apart for normal vision
// and for protanopia, deuteranopia and tritanopia as simulated with Machado et al.'s matrices
// (tests/js/views/palette.test.mjs measures it). classic: the Playground's orange and blue,
// then teal, plum, lavender and red, picked by search for the largest smallest difference
// under all four views with orange and blue fixed (the old green, red, purple and brown were
// 0.6 apart for protanopia). colorblind: six colours searched freely for the three
// deficiencies alone (at least 22 apart under each), and differing from classic in every
// colour, for readers who find the Playground's pair hard: rose and indigo for two classes.
export const PALETTES = {
  classic: [[0xf5, 0x93, 0x22], [0x08, 0x77, 0xbd], [0x27, 0xcb, 0xac], [0x9a, 0x21, 0x5f], [0xb6, 0xb0, 0xfc], [0xd2, 0x00, 0x04]],
  colorblind: [[0xd8, 0x46, 0x6e], [0x37, 0x38, 0xd7], [0xc8, 0xb1, 0x00], [0x2c, 0xcd, 0xbb], [0x98, 0x87, 0xfc], [0x55, 0x58, 0x00]],
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
