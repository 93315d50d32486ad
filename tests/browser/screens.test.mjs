// Right on every screen, in real Chromium: every click counts, thumbnails keep their colours at
// any device-pixel ratio, the columns keep their order at every width and zoom, errors show
// beside what caused them, and the page has a dark theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame, OUTPUT_DIR } from './browser.mjs';

test('six synchronous clicks on a layer\'s "+" add six neurons', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&networkShape=4,2&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => {
    const plus = document.querySelector('nn-playground').shadowRoot.querySelector('[data-role="add-neuron"][data-layer="0"]');
    for (let i = 0; i < 6; i++) plus.click();
  });
  assert.deepEqual(await page.evaluate(() => document.querySelector('nn-playground').config.networkShape), [10, 2]);
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('[data-role="neuron"]').length === 10 + 2 + 1, null, { timeout: 10000 });
  // Past the diagram's limit of 16 the presses stop counting instead of overshooting it.
  await page.evaluate(() => {
    const plus = document.querySelector('nn-playground').shadowRoot.querySelector('[data-role="add-neuron"][data-layer="1"]');
    for (let i = 0; i < 20; i++) plus.click();
  });
  assert.deepEqual(await page.evaluate(() => document.querySelector('nn-playground').config.networkShape), [10, 16]);
  assert.deepEqual(problems, []);
});

// For each data-set thumbnail: its canvas's backing size and CSS size, and how its painted
// pixels divide into "a class colour" (within 60 of one, in RGB), "dark" (an outline) and other.
function thumbnailPixels(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const ink = [[0xf5, 0x93, 0x22], [0x08, 0x77, 0xbd]];
    return [...root.querySelectorAll('.dataset-list:not([hidden]) .dataset-thumb')].map((canvas) => {
      const box = canvas.getBoundingClientRect();
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0; let classy = 0; let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 250) continue;
        painted++;
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (ink.some(([R, G, B]) => Math.hypot(r - R, g - G, b - B) < 60)) classy++;
        else if (r + g + b < 200) dark++;
      }
      return { width: canvas.width, cssWidth: box.width, painted, classy, dark };
    });
  });
}

for (const ratio of [1, 2, 3]) {
  test(`data-set thumbnails are drawn one canvas pixel per device pixel, in their classes' colours, at DPR ${ratio}`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: ratio });
    await page.goto(`${base}#dataset=circle&seed=2`);
    await page.waitForFunction(() => {
      const c = document.querySelector('nn-playground')?.shadowRoot?.querySelector('.dataset-thumb');
      return c && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v > 0);
    }, null, { timeout: 15000 });
    const thumbs = await thumbnailPixels(page);
    assert.equal(thumbs.length, 9);
    for (const [i, { width, cssWidth, painted, classy, dark }] of thumbs.entries()) {
      assert.equal(width, Math.round(cssWidth * ratio), `thumbnail ${i}: ${width} canvas px on ${cssWidth} CSS px`);
      assert.ok(painted > width * width * 0.05, `thumbnail ${i} shows its points (${painted} px)`);
      assert.ok(classy / painted > 0.9, `thumbnail ${i}: ${(100 * classy / painted).toFixed(1)} % of the dots in a class colour`);
      assert.ok(dark / painted < 0.01, `thumbnail ${i}: ${(100 * dark / painted).toFixed(1)} % dark outline`);
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/thumbnails-dpr${ratio}.png`, clip: { x: 0, y: 100, width: 300, height: 300 } });
  });
}

test('a bad pasted CSV is reported right under its box, not at the top, and a good one clears it', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=4`);
  await firstFrame(page);
  await page.locator('nn-playground .data-tools button', { hasText: 'Paste CSV' }).click();
  await page.locator('nn-playground .paste-area').fill('x,y,label\n1,2,a\n3,oops,b\n');
  await page.locator('nn-playground .data-tools button', { hasText: 'Use this data' }).click();
  const error = page.locator('nn-playground .data-tools .tool-error:not([hidden])');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /line 3: y "oops" is not a number/);
  const area = await page.locator('nn-playground .paste-area').boundingBox();
  const box = await error.boundingBox();
  assert.ok(box.y >= area.y + area.height && box.y - (area.y + area.height) < 60,
    `the message starts ${box.y - area.y - area.height} px under the box`);
  assert.equal(await page.locator('nn-playground .playground > .message:not(.attribute-message)').isVisible(), false,
    'nothing at the top of the playground');
  assert.equal(await page.locator('nn-playground .paste-area').getAttribute('aria-describedby'), await error.getAttribute('id'));

  await page.locator('nn-playground .paste-area').fill('x,y,label\n1,2,a\n3,4,b\n5,1,a\n2,6,b\n');
  await page.locator('nn-playground .data-tools button', { hasText: 'Use this data' }).click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.pointCount === 4);
  assert.equal(await error.count(), 0, 'the message is gone once the data is good');
  assert.deepEqual(problems, []);
});
