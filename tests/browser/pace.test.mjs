// Pace, in Chromium: by default one epoch per drawn frame, the pace buttons beside Play, and
// Step by one mini-batch or one epoch, checked on the engine's epoch counter and weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

const el = 'document.querySelector("nn-playground")';

// The engine's weights now (a frame that trains nothing).
const params = (page) => page.evaluate(async () => Array.from(
  (await document.querySelector('nn-playground').playground.engine.frame(0, 2)).params));

test('the default pace trains one epoch per drawn frame: epochs/s is within 10 % of frames/s', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&seed=5`);
  await firstFrame(page);
  const pressed = page.locator('nn-playground .pace-button[aria-pressed=true]');
  assert.equal(await pressed.count(), 1);
  assert.equal(await pressed.textContent(), 'Epoch', 'the pace beside Play shows one epoch per frame');
  await page.evaluate(`${el}.play()`);
  await page.waitForTimeout(800);  // past the first frames, which include the build
  const sample = () => page.evaluate(`({ t: performance.now(), ...${el}.metrics })`);
  const a = await sample();
  await page.waitForTimeout(3000);
  const b = await sample();
  const speed = await page.locator('nn-playground .speed-value').textContent();
  await page.evaluate(`${el}.pause()`);
  const seconds = (b.t - a.t) / 1000;
  const framesPerSecond = (b.frames - a.frames) / seconds;
  const epochsPerSecond = (b.epoch - a.epoch) / seconds;
  t.diagnostic(`${epochsPerSecond.toFixed(2)} epochs/s, ${framesPerSecond.toFixed(2)} drawn frames/s over ${seconds.toFixed(1)} s`);
  assert.ok(framesPerSecond > 5, `the page drew frames (${framesPerSecond.toFixed(1)}/s)`);
  assert.ok(Math.abs(epochsPerSecond - framesPerSecond) <= 0.1 * framesPerSecond,
    `${epochsPerSecond.toFixed(1)} epochs/s at ${framesPerSecond.toFixed(1)} drawn frames/s`);
  const shown = Number(speed.match(/^([\d.,]+) epochs\/s$/)?.[1].replace(',', ''));
  // The meter looks at the last second only, so it is compared loosely with the 3 s average.
  assert.ok(shown > epochsPerSecond / 3 && shown < epochsPerSecond * 3, `the speed read-out stays: "${speed}" at ${epochsPerSecond.toFixed(1)} epochs/s`);
  assert.deepEqual(problems, []);
});

test('Fast is one click beside Play and trains many epochs per frame; Batch trains a mini-batch a frame', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&seed=5`);
  await firstFrame(page);
  const rate = async () => {
    await page.evaluate(`${el}.play()`);
    await page.waitForTimeout(400);
    const a = await page.evaluate(`({ ...${el}.metrics })`);
    await page.waitForTimeout(1500);
    const b = await page.evaluate(`({ ...${el}.metrics })`);
    await page.evaluate(`${el}.pause()`);
    return (b.epoch - a.epoch) / Math.max(1, b.frames - a.frames);
  };
  await page.locator('nn-playground .pace-button[data-pace=auto]').click();
  assert.equal(await page.evaluate(`${el}.playground.state.epochsPerFrame`), 'auto');
  assert.match(await page.evaluate('location.hash'), /epochsPerFrame=auto/, 'the pace is in the link');
  const fast = await rate();
  t.diagnostic(`Fast: ${fast.toFixed(1)} epochs per drawn frame`);
  assert.ok(fast > 2, `Fast trains several epochs per drawn frame (${fast.toFixed(1)})`);
  await page.locator('nn-playground .pace-button[data-pace=batch]').click();
  const slow = await rate();
  t.diagnostic(`Batch: ${slow.toFixed(3)} epochs per drawn frame`);
  // 250 training points in batches of 10: 25 frames to an epoch.
  assert.ok(slow < 0.2, `Batch trains a fraction of an epoch per frame (${slow.toFixed(3)})`);
  assert.deepEqual(problems, []);
});

test('Step offers one mini-batch and one epoch, and each advances the engine by exactly that', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  // 40 points, half for training, in batches of 6: an epoch is 4 mini-batches (6, 6, 6, 2).
  await page.goto(`${base}#dataset=circle&seed=5&batchSize=6&percTrainData=50`);
  await firstFrame(page);
  const rows = Array.from({ length: 40 }, (_, i) => `${(i % 8) - 4},${Math.floor(i / 8) - 2},${i % 2 ? 1 : -1}`);
  await page.locator('nn-playground .tool-row[data-control=csv] button', { hasText: 'Paste CSV' }).click();
  await page.locator('nn-playground .paste-area').fill(rows.join('\n'));
  await page.locator('nn-playground .paste-panel button').click();
  await page.waitForFunction(`${el}.playground.pointCount === 40`);
  const epoch = () => page.evaluate(`${el}.metrics.epoch`);
  const batch = page.locator('nn-playground button[data-step=batch]');
  const epochButton = page.locator('nn-playground button[data-step=epoch]');
  const waitEpoch = (e) => page.waitForFunction(`${el}.metrics.epoch === ${e}`);
  assert.equal(await epoch(), 0);
  let before = await params(page);
  for (let b = 1; b <= 3; b++) {
    await batch.click();
    await page.waitForFunction((p) => document.querySelector('nn-playground').playground.engine.frame(0, 2)
      .then((f) => f.params.some((v, i) => v !== p[i])), before);
    assert.equal(await epoch(), 0, `after ${b} of 4 mini-batches the epoch is not done`);
    before = await params(page);
  }
  await batch.click();
  await waitEpoch(1);
  assert.equal(await epoch(), 1, 'the 4th mini-batch completes epoch 1');
  assert.equal(await page.evaluate(`${el}.metrics.running`), false, 'a step leaves training paused');
  before = await params(page);
  await epochButton.click();
  await waitEpoch(2);
  assert.notDeepEqual(await params(page), before, 'one epoch moved the weights');
  await epochButton.click();
  await waitEpoch(3);
  await batch.click();
  await page.waitForTimeout(300);
  assert.equal(await epoch(), 3, 'one mini-batch after whole epochs starts the next one');
  assert.deepEqual(problems, []);
});
