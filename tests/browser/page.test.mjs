// The standalone page in real Chromium: it loads clean, trains in its worker and redraws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { openBrowser, newPage, metrics, OUTPUT_DIR, ROOT } from './browser.mjs';

// A hash of the whole output heat map's pixels, read inside the shadow root.
function boundaryFingerprint(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const canvas = root.querySelector('.heatmap-grid');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 7) hash = (hash * 31 + data[i]) >>> 0;
    return { hash, width: canvas.width };
  });
}

test('the page loads without errors, trains when played and redraws the boundary', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=spiral&networkShape=8,8&sinX=true&sinY=true&seed=7&learningRate=0.03`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.shadowRoot
    ?.querySelector('.readout-value[data-readout="testLoss"]')?.textContent !== '–', null, { timeout: 15000 });
  const before = await metrics(page);
  const pictureBefore = await boundaryFingerprint(page);
  assert.equal(before.epoch, 0);
  assert.equal(pictureBefore.width, 100, 'the boundary is drawn from a 100x100 grid');

  await page.evaluate(() => document.querySelector('nn-playground').shadowRoot.querySelector('.play-button').click());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 200, null, { timeout: 20000 });
  const after = await metrics(page);
  assert.equal(after.running, true);
  assert.ok(after.testLoss < before.testLoss, `test loss fell: ${before.testLoss} -> ${after.testLoss}`);
  assert.ok(after.testAccuracy > 0.8, `spiral test accuracy ${after.testAccuracy}`);
  assert.notEqual((await boundaryFingerprint(page)).hash, pictureBefore.hash, 'the boundary changed');
  await page.evaluate(() => document.querySelector('nn-playground').pause());
  assert.match(page.url(), /dataset=spiral/, 'the URL hash keeps the settings');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'spiral.png') });
  assert.deepEqual(problems, []);
});

test('a malformed hash value shows a message, uses the default and the page still trains', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#batchSize=abc&dataset=xor&seed=3&learningRate=<b>x</b>`);
  const message = await page.waitForFunction(() => {
    const el = document.querySelector('nn-playground')?.shadowRoot?.querySelector('.message');
    return el && !el.hidden && el.textContent;
  }, null, { timeout: 15000 });
  const text = await message.jsonValue();
  assert.match(text, /batchSize: "abc" is not a whole number/);
  assert.match(text, /learningRate: "<b>x<\/b>" is not a number/);
  const injected = await page.evaluate(() => document.querySelector('nn-playground').shadowRoot.querySelectorAll('b').length);
  assert.equal(injected, 0, 'values are shown as text, never as markup');
  await page.evaluate(() => document.querySelector('nn-playground').step());
  assert.equal((await metrics(page)).epoch, 1);
  assert.match(page.url(), /batchSize=10/);
  assert.deepEqual(problems, []);
});

// For each neuron of the diagram: whether a map canvas is opaque at its box's centre, and how
// many of the link canvas's pixels are painted.
function diagramPaint(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const opaqueAt = (x, y) => [...root.querySelectorAll('.nv-map-canvas')].some((canvas) => {
      const box = canvas.getBoundingClientRect();
      if (x < box.left || x >= box.right || y < box.top || y >= box.bottom) return false;
      const scale = canvas.width / box.width;
      return canvas.getContext('2d').getImageData(Math.floor((x - box.left) * scale), Math.floor((y - box.top) * scale), 1, 1).data[3] === 255;
    });
    const neurons = [...root.querySelectorAll('[data-role="neuron"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return opaqueAt(r.left + r.width / 2, r.top + r.height / 2);
    });
    const links = root.querySelector('.nv-link-canvas');
    const linkData = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(links).getImageData(0, 0, links.width, links.height).data;
    let painted = 0;
    for (let i = 3; i < linkData.length; i += 4) if (linkData[i] > 0) painted++;
    return { neurons, painted, width: root.querySelector('.nv-map-canvas').width };
  });
}

test('the diagram paints every neuron\'s map and the links, and paints them again after a resize', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#networkShape=6,6,6,3&seed=2`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0, null, { timeout: 15000 });
  const first = await diagramPaint(page);
  assert.equal(first.neurons.length, 6 + 6 + 6 + 3 + 1);
  assert.ok(first.neurons.every(Boolean), `every neuron's map is painted: ${first.neurons}`);
  assert.ok(first.painted > 2000, `the links are painted (${first.painted} pixels)`);
  // Paused, a phone-wide window lays the diagram out again with smaller nodes: the maps come
  // back at the new size.
  await page.setViewportSize({ width: 360, height: 900 });
  await page.waitForFunction((w) => document.querySelector('nn-playground').shadowRoot.querySelector('.nv-map-canvas').width !== w,
    first.width);
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  await page.waitForTimeout(300);
  const resized = await diagramPaint(page);
  assert.ok(resized.neurons.every(Boolean), `every map is painted again after the resize: ${resized.neurons}`);
  assert.ok(resized.painted > 1000, `the links are painted again (${resized.painted} pixels)`);
  assert.deepEqual(problems, []);
});

test('Chromium runs the SIMD128 build; the scalar build, served in its place, trains the same page', async (t) => {
  const { browser, base } = await openBrowser(t);
  const simd = await newPage(browser);
  await simd.page.goto(`${base}#dataset=xor&seed=3`);
  await simd.page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0, null, { timeout: 15000 });
  assert.equal(await simd.page.evaluate(() => document.querySelector('nn-playground').playground.build), 'simd128');

  // A browser without SIMD128 fetches nncore-scalar.wasm through the same glue; here Chromium
  // is handed those bytes when it asks for nncore.wasm.
  const { page, problems } = await newPage(browser);
  const scalar = await readFile(path.join(ROOT, 'web/gen/nncore-scalar.wasm'));
  let served = 0;
  await page.context().route('**/gen/nncore.wasm', (route) => {
    served += 1;
    return route.fulfill({ body: scalar, contentType: 'application/wasm' });
  });
  await page.goto(`${base}#dataset=xor&seed=3`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0, null, { timeout: 15000 });
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 150, null, { timeout: 20000 });
  const m = await metrics(page);
  assert.ok(served >= 1, 'the scalar module was served');
  assert.ok(m.testAccuracy > 0.9, `xor learned by the scalar build: ${m.testAccuracy}`);
  assert.deepEqual(problems, []);
  assert.deepEqual(simd.problems, []);
});
