// The diverging colour scale shared by heat maps, points, links and biases:
// orange for -1, light grey for 0, blue for +1 (the Playground's colours), linear in RGB.
// This module imports nothing of the project.

const NEGATIVE = [0xf5, 0x93, 0x22];
const ZERO = [0xe8, 0xea, 0xeb];
const POSITIVE = [0x08, 0x77, 0xbd];

// v in [-1, 1] -> [r, g, b] as fractional channels; NaN reads as 0 so broken values show grey.
function mix(v) {
  const t = Number.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const w = Math.abs(t);
  return ZERO.map((zero, c) => zero + (end[c] - zero) * w);
}

// Shades * 4 RGBA bytes; entry i is the colour of -1 + 2i/(shades-1). Alpha is opaque:
// a canvas that should be see-through gets its opacity from CSS.
export function buildLut(shades = 256) {
  const n = Math.max(2, Math.floor(shades));
  const lut = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = mix(-1 + (2 * i) / (n - 1));
    lut.set([Math.round(r), Math.round(g), Math.round(b), 255], i * 4);
  }
  return lut;
}

// The LUT entry for v: clamped to [-1, 1], rounded to the nearest shade; NaN -> the middle.
export function valueToIndex(v, shades) {
  const t = Number.isNaN(v) ? 0 : v < -1 ? -1 : v > 1 ? 1 : v;
  return Math.round(((t + 1) / 2) * (shades - 1));
}

// A CSS colour for one value, exact rather than quantised (links, points, bias squares).
export function colorFor(v) {
  const [r, g, b] = mix(Number(v));
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}
