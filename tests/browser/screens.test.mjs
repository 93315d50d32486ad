// Right on every screen, in real Chromium: every click counts, thumbnails keep their colours at
// any device-pixel ratio, the columns keep their order at every width and zoom, errors show
// beside what caused them, and the page has a dark theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

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
