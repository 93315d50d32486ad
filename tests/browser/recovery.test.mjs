// A playground whose worker dies offers a restart with the same settings, and the other
// playgrounds on the page keep training meanwhile.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

test('a crashed engine shows a restart button that restores the settings; its neighbour keeps training', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&seed=4&networkShape=5`);
  await firstFrame(page);
  await page.evaluate(() => {
    const other = document.createElement('nn-playground');
    other.setAttribute('dataset', 'gauss');
    document.body.prepend(other);
  });
  await firstFrame(page, 0);
  const [neighbour, crashing] = [0, 1];
  const epoch = (i) => page.evaluate((k) => document.querySelectorAll('nn-playground')[k].metrics.epoch, i);
  await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].play(), crashing);
  await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].play(), neighbour);
  // The worker dies, as after a crash: its error event reaches the engine.
  await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].playground.engine.worker
    .dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' })), crashing);
  const restart = page.locator('nn-playground .restart-button');
  await restart.waitFor({ state: 'visible' });
  assert.match(await page.locator('nn-playground .playground > .message:not(.attribute-message)').nth(crashing).textContent(),
    /the engine stopped: simulated crash/);
  const before = await epoch(neighbour);
  await page.waitForFunction(([k, e]) => document.querySelectorAll('nn-playground')[k].metrics.epoch > e + 20, [neighbour, before]);

  await restart.click();
  await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].step(), crashing);
  assert.equal(await epoch(crashing), 1);
  assert.match(page.url(), /dataset=xor/);
  assert.match(page.url(), /networkShape=5(&|$)/);
  // The recovered instance itself: its diagram and its new engine have networkShape=5 on xor
  // (5 hidden neurons and the output), not the defaults (4, 2: the neighbour's 7 neurons).
  const recovered = page.locator('nn-playground').nth(crashing);
  assert.equal(await recovered.locator('[data-role="neuron"]').count(), 5 + 1);
  assert.equal(await page.locator('nn-playground').nth(neighbour).locator('[data-role="neuron"]').count(), 4 + 2 + 1);
  const engineConfig = await page.evaluate(async (k) => JSON.parse(
    await document.querySelectorAll('nn-playground')[k].playground.engine.save()).config, crashing);
  assert.match(engineConfig, /(^|&)dataset=xor(&|$)/);
  assert.match(engineConfig, /(^|&)networkShape=5(&|$)/);
  assert.match(engineConfig, /(^|&)seed=4(&|$)/);
  // The crash itself is reported by our own message; nothing else went wrong.
  assert.deepEqual(problems.filter((p) => !p.includes('simulated crash')), []);
});
