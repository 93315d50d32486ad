// The picture views' pixels from typed arrays: a weight picture of a known pattern gives known
// colours (the diagram's scale, each neuron scaled by its own largest weight), pictures of
// clothing are dark ink on a light ground, tiles fall where the grid says, and the draw pad's
// brush, strokes and keyboard pen leave what they should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paintWeights, paintImage, paintBlock, tileGrid, gridColumns, weightLut, largestMagnitude } from '../../../web/images/pixels.js';
import { stamp, strokeTo, movePen, inkBytes } from '../../../web/images/brush.js';
import { classKeys } from '../../../web/images/class-picker.js';
import { PALETTES } from '../../../web/views/colors.js';

const rgbAt = (out, width, x, y) => Array.from(out.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));
const [ORANGE, BLUE] = PALETTES.classic;
const GREY = [0xe8, 0xea, 0xeb];
// 256 shades have no exact middle: zero falls on the shade just above it, as in the diagram.
const nearly = (actual, expected, what) => actual.forEach((c, i) => assert.ok(Math.abs(c - expected[i]) <= 1, `${what}: ${actual} vs ${expected}`));

test('a weight picture shows positive weights blue, negative orange, zero grey, each neuron on its own scale', () => {
  // Two neurons seeing a 3 x 2 picture. Neuron 0 has a largest |w| of 1; neuron 1 of 0.01,
  // which must still reach the ends of the scale.
  const weights = Float32Array.from([1, -1, 0, 0.5, -0.5, 0, 0, 0, 0, 0, 0.01, -0.01]);
  const out = new Uint8ClampedArray(3 * 4 * 4);
  const lut = weightLut('classic');
  paintWeights(out, 3, 0, 0, weights, 0, 3, 2, lut);
  paintWeights(out, 3, 0, 2, weights, 6, 3, 2, lut);
  assert.deepEqual(rgbAt(out, 3, 0, 0), BLUE);
  assert.deepEqual(rgbAt(out, 3, 1, 0), ORANGE);
  nearly(rgbAt(out, 3, 2, 0), GREY, 'zero');
  // Half way: each channel half way between grey and the end (within a shade's rounding).
  rgbAt(out, 3, 0, 1).forEach((c, i) => assert.ok(Math.abs(c - (GREY[i] + BLUE[i]) / 2) <= 1, `channel ${i}: ${c}`));
  rgbAt(out, 3, 1, 1).forEach((c, i) => assert.ok(Math.abs(c - (GREY[i] + ORANGE[i]) / 2) <= 1, `channel ${i}: ${c}`));
  assert.deepEqual(rgbAt(out, 3, 1, 3), BLUE, 'a neuron of small weights still reaches the end of the scale');
  assert.deepEqual(rgbAt(out, 3, 2, 3), ORANGE);
  nearly(rgbAt(out, 3, 0, 2), GREY, 'zero');
  assert.equal(out[(3 * 3 + 2) * 4 + 3], 255, 'opaque');
});

test('an all-zero neuron is grey, not NaN-coloured, and the colour-blind palette is used when asked', () => {
  const out = new Uint8ClampedArray(4 * 4);
  paintWeights(out, 4, 0, 0, new Float32Array(4), 0, 4, 1, weightLut('classic'));
  for (let x = 0; x < 4; x++) nearly(rgbAt(out, 4, x, 0), GREY, `pixel ${x}`);
  paintWeights(out, 4, 0, 0, Float32Array.from([2, 0, 0, 0]), 0, 4, 1, weightLut('colorblind'));
  assert.deepEqual(rgbAt(out, 4, 0, 0), PALETTES.colorblind[1]);
  assert.equal(largestMagnitude(Float32Array.from([0.5, -3, 2]), 0, 3), 3);
});

test('pictures are dark ink on a light ground, from bytes 0..255 or floats 0..1', () => {
  const out = new Uint8ClampedArray(4 * 4);
  paintImage(out, 4, 0, 0, Uint8Array.from([0, 255]), 0, 2, 1);
  paintImage(out, 4, 2, 0, Float32Array.from([1, 0.5]), 0, 2, 1);
  assert.deepEqual(rgbAt(out, 4, 0, 0), [255, 255, 255]);
  assert.deepEqual(rgbAt(out, 4, 1, 0), [24, 24, 24]);
  assert.deepEqual(rgbAt(out, 4, 2, 0), [24, 24, 24]);
  assert.deepEqual(rgbAt(out, 4, 3, 0), [140, 140, 140]);
});

test('tiles sit in rows of the grid, one gap apart; blocks fill their box only', () => {
  const grid = tileGrid(10, 4, 28, 34, 2);
  assert.equal(grid.columns, 4);
  assert.equal(grid.rows, 3);
  assert.equal(grid.width, 4 * 30 - 2);
  assert.equal(grid.height, 3 * 36 - 2);
  assert.deepEqual(grid.at[5], { x: 30, y: 36 });
  assert.deepEqual(grid.at[9], { x: 30, y: 72 });
  assert.deepEqual([gridColumns(3), gridColumns(10), gridColumns(32), gridColumns(128)], [3, 4, 8, 16]);
  const out = new Uint8ClampedArray(3 * 3 * 4);
  paintBlock(out, 3, 1, 1, 2, 1, [9, 8, 7]);
  assert.deepEqual(rgbAt(out, 3, 1, 1), [9, 8, 7]);
  assert.deepEqual(rgbAt(out, 3, 2, 1), [9, 8, 7]);
  assert.deepEqual(rgbAt(out, 3, 0, 1), [0, 0, 0]);
  assert.deepEqual(rgbAt(out, 3, 1, 2), [0, 0, 0]);
});

test('the brush fills its disc, a stroke leaves an unbroken line, erasing takes ink away', () => {
  const ink = new Float32Array(28 * 28);
  assert.equal(stamp(ink, 28, 28, 14, 14, 1.6), true);
  assert.equal(ink[13 * 28 + 13], 1, 'the pixels at the centre are full');
  assert.equal(ink[14 * 28 + 14], 1);
  assert.equal(ink[0], 0, 'far away nothing');
  assert.equal(stamp(ink, 28, 28, 14, 14, 1.6), false, 'the same stamp again changes nothing');
  ink.fill(0);
  strokeTo(ink, 28, 28, { x: 2.5, y: 5.5 }, { x: 25.5, y: 5.5 }, 1);
  for (let x = 2; x <= 25; x++) assert.equal(ink[5 * 28 + x], 1, `pixel ${x} of the line`);
  assert.equal(ink[12 * 28 + 10], 0);
  strokeTo(ink, 28, 28, { x: 10.5, y: 5.5 }, { x: 12.5, y: 5.5 }, 1, true);
  assert.equal(ink[5 * 28 + 11], 0, 'erased');
  assert.equal(ink[5 * 28 + 20], 1, 'the rest stays');
  assert.deepEqual(Array.from(inkBytes(Float32Array.from([0, 0.5, 1, 2]))), [0, 128, 255, 255]);
  // A stroke off the picture's edge paints what lies inside and nothing else.
  ink.fill(0);
  strokeTo(ink, 28, 28, { x: -5, y: -5 }, { x: 1, y: 1 }, 1);
  assert.equal(ink[0], 1);
});

test('the keyboard pen moves a pixel (four with Shift) and stays inside the picture', () => {
  assert.deepEqual(movePen({ x: 14.5, y: 14.5 }, 'ArrowRight', false, 28, 28), { x: 15.5, y: 14.5 });
  assert.deepEqual(movePen({ x: 14.5, y: 14.5 }, 'ArrowUp', true, 28, 28), { x: 14.5, y: 10.5 });
  assert.deepEqual(movePen({ x: 0.5, y: 0.5 }, 'ArrowLeft', true, 28, 28), { x: 0.5, y: 0.5 });
  assert.deepEqual(movePen({ x: 3.5, y: 27.5 }, 'ArrowDown', false, 28, 28), { x: 3.5, y: 27.5 });
  assert.deepEqual(movePen({ x: 3.5, y: 2.5 }, 'End', false, 28, 28), { x: 27.5, y: 2.5 });
  assert.equal(movePen({ x: 3.5, y: 2.5 }, 'a', false, 28, 28), null);
});

test('a class setting names its keys: all is every key in order; unknown names are dropped', () => {
  const keys = ['tshirt', 'trouser', 'pullover', 'sneaker'];
  assert.deepEqual(classKeys('all', keys), keys);
  assert.deepEqual(classKeys(['all'], keys), keys);
  assert.deepEqual(classKeys(['sneaker', 'trouser'], keys), ['sneaker', 'trouser']);
  assert.deepEqual(classKeys('tshirt,hat', keys), ['tshirt']);
});
