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
