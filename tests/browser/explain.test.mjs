// Showing the ideas, in Chromium: follow a point through the network, the gradient view, the
// guided tour, and explanations reachable by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

// Clicks the map at the first training point's position.
async function clickFirstPoint(page) {
  const [x, y] = await page.evaluate(() => {
    const el = document.querySelector('nn-playground');
    return el.playground.firstPoint();
  });
  const map = page.locator('nn-playground .heatmap');
  const box = await map.boundingBox();
  await map.click({ position: { x: ((x + 6) / 12) * box.width, y: ((6 - y) / 12) * box.height } });
}

test('clicking a point shows its forward pass, layer by layer, on the diagram and in words', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}#dataset=circle&seed=3&networkShape=4,2`);
  await firstFrame(page);
  await trainFor(page, 30);
  await clickFirstPoint(page);
  const panel = page.locator('nn-playground .tp-lines');
  await panel.waitFor({ state: 'visible' });
  const text = await panel.textContent();
  assert.match(text, /Input x = \(/);
  assert.match(text, /Hidden layer 1: z = \(/);
  assert.match(text, /loss = /);
  const labels = page.locator('nn-playground .ov-label');
  assert.ok(await labels.count() >= 2 + 4 + 2 + 1, 'every node shows its values');
  await page.locator('nn-playground .tp-back').click();
  assert.ok(await page.locator('nn-playground .ov-faded').count() > 0, 'later layers fade when stepping back');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'follow-point.png') });
  await page.locator('nn-playground .tp-close').click();
  assert.equal(await page.locator('nn-playground .ov-label').count(), 0);
  assert.deepEqual(problems, []);
});

test('the gradient toggle recolours the links by how much the last error blamed each weight', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&seed=4`);
  await firstFrame(page);
  await trainFor(page, 5);
  // The links are painted on the diagram's link canvas. Weights are orange or blue; the
  // gradient scale ends in dark red (green and blue channels low), which no weight colour has.
  const redLinkPixels = () => page.evaluate(() => {
    const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.nv-link-canvas');
    const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 128 && data[i] > 120 && data[i + 1] < 90 && data[i + 2] < 90) count++;
    }
    return count;
  });
  assert.equal(await redLinkPixels(), 0, 'no link is red before the gradients show');
  await page.locator('nn-playground [data-key="showGradients"]').check();
  await page.evaluate(() => document.querySelector('nn-playground').step());
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.ov-gradients'));
  assert.ok(await redLinkPixels() > 50, 'the most blamed links are drawn in the gradient scale');
  assert.match(page.url(), /showGradients=true/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'gradients.png') });
  await page.locator('nn-playground [data-key="showGradients"]').uncheck();
  await page.evaluate(() => document.querySelector('nn-playground').step());
  await page.waitForFunction(() => !document.querySelector('nn-playground').shadowRoot.querySelector('.ov-gradients'));
  assert.equal(await redLinkPixels(), 0, 'the links take their weight colours again');
  assert.deepEqual(problems, []);
});

test('the tour starts, advances, goes back and closes; explanations open from the keyboard', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=5`);
  await firstFrame(page);
  await page.locator('nn-playground button[data-control="tour"]').click();
  const title = page.locator('nn-playground .tour-title');
  await title.waitFor({ state: 'visible' });
  const first = await title.textContent();
  await page.locator('nn-playground .tour-next').click();
  const second = await title.textContent();
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await title.textContent(), first);
  await page.keyboard.press('Escape');
  await title.waitFor({ state: 'hidden' });

  // Tab to the first info button and open it with Enter.
  const info = page.locator('nn-playground .info-btn').first();
  await info.focus();
  await page.keyboard.press('Enter');
  assert.equal(await info.getAttribute('aria-expanded'), 'true');
  const buttons = await page.locator('nn-playground .info-btn').count();
  assert.ok(buttons >= 20, `${buttons} info buttons`);
  assert.deepEqual(problems, []);
});
