// Every canvas of the element is CPU-backed (web/shared/canvas.js says why: WebKitGTK with
// software GL paid 36 of ~50 ms per drawn frame compositing the accelerated canvases and the
// layers they forced on the diagram's elements). Chromium reports the option it was made with.
// A 'bitmaprenderer' canvas (no 2-D context: null) is no layer in WebKit either and passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

test('every 2-D canvas of the playground is made CPU-backed (willReadFrequently)', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#networkShape=4,2&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.frames > 5);
  const seen = await page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('canvas')]
    .map((canvas) => {
      const ctx = canvas.getContext('2d');
      return { name: canvas.className, cpu: ctx === null || ctx.getContextAttributes().willReadFrequently };
    }));
  assert.ok(seen.length > 10, `the check saw the thumbnails, diagram, chart and map (${seen.length} canvases)`);
  assert.deepEqual(seen.filter((c) => !c.cpu), []);
  assert.deepEqual(problems, []);
});

// The canvases redrawn on every frame are layers of their own (will-change), so that WebKit does
// not re-raster the page's tiles around them each frame (web/playground/styles.js says why);
// the readable ones that stay still (the input features' maps) are not: no layer they do not need.
test('the canvases that change while training are layers of their own, the still ones are not', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#networkShape=4,2&seed=1&epochsPerFrame=1`);
  await firstFrame(page);
  // A digest of each readable canvas's pixels ('bitmaprenderer' ones have no 2-D context: null).
  const digests = () => page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('canvas')]
    .map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || !canvas.width || !canvas.height) return null;
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let sum = 0;
      for (let i = 0; i < data.length; i += 1) sum = (sum * 31 + data[i]) % 1000000007;
      return sum;
    }));
  const before = await digests();
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch > 20);
  const after = await digests();
  const layers = await page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('canvas')]
    .map((canvas) => ({ name: canvas.className, layer: getComputedStyle(canvas).willChange.includes('transform') })));
  const changed = layers.filter((c, i) => before[i] !== null && before[i] !== after[i]);
  const still = layers.filter((c, i) => before[i] !== null && before[i] === after[i]);
  assert.ok(changed.length >= 3, `the neuron maps and the decision map changed (${changed.map((c) => c.name)})`);
  assert.deepEqual(changed.filter((c) => !c.layer), [], 'every canvas that changed is a layer');
  assert.ok(still.length > 5, `the input features' maps stayed still (${still.length})`);
  assert.deepEqual(still.filter((c) => c.layer), [], 'no still canvas is a layer');
  assert.deepEqual(problems, []);
});
