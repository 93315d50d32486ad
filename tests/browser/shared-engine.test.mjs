// One engine per page: three playgrounds share one worker, the wasm module is fetched once, and
// equal networks on screen train at about the same speed (measure-memory.mjs holds the 20 %
// floor with five; here, on a machine shared with other test runs, 35 % with three).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage } from './browser.mjs';

test('three playgrounds: one worker, one wasm fetch, equal progress for equal networks', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 900, height: 4800 });
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(request.url()); });
  await page.route(`${base}three.html`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>three</title><link rel="icon" href="favicon.svg">
<script type="module" src="nnplay.js"></script></head><body>${'<nn-playground dataset="circle" seed="s"></nn-playground>'.repeat(3)}</body></html>` }));
  await page.goto(`${base}three.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('nn-playground')].every((el) => el.metrics.frames > 0),
    null, { timeout: 20000 });
  assert.equal(page.workers().length, 1, 'one worker');
  assert.equal(wasm.length, 1, `wasm fetched once: ${wasm.join(', ')}`);
  await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
  await page.waitForTimeout(3000);
  const epochs = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) => el.metrics.epoch));
  const spread = (Math.max(...epochs) - Math.min(...epochs)) / Math.max(...epochs);
  assert.ok(Math.min(...epochs) > 0, `all trained: ${epochs}`);
  assert.ok(spread <= 0.35, `epochs ${epochs.join(', ')}: spread ${(100 * spread).toFixed(0)} %`);
  // Equal networks, equal seeds, equal epochs: the same model, so the sessions do not mix.
  await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.pause()));
  const saved = await page.evaluate(() => Promise.all([...document.querySelectorAll('nn-playground')]
    .map((el) => el.playground.engine.save().then((json) => JSON.parse(json).config))));
  assert.ok(saved.every((config) => /(^|&)seed=s(&|$)/.test(config)), saved.join('\n'));
  assert.equal(wasm.length, 1);
  assert.deepEqual(problems, []);
});
