// Every Playground control in Chromium: its effect on the element's state, the URL hash and the
// picture; hash round trips; the Playground's known bugs stay fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, metrics, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

const PLAYGROUND_HASH = 'activation=relu&batchSize=17&dataset=spiral&regDataset=reg-gauss&learningRate=0.3&' +
  'regularizationRate=0.001&noise=15&networkShape=6,5,3&seed=0.12345&showTestData=true&discretize=true&' +
  'percTrainData=70&x=true&y=false&xTimesY=true&xSquared=false&ySquared=true&cosX=false&sinX=true&cosY=false&' +
  'sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false&regularization=L2';

const hashPairs = (url) => new Map(new URL(url).hash.slice(1).split('&').filter(Boolean).map((p) => p.split('=')));
const pixelHash = (page, selector) => page.evaluate((sel) => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector(sel);
  const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 5) hash = (hash * 31 + data[i]) >>> 0;
  return hash;
}, selector);
const distinctColours = (page) => page.evaluate(() => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return seen.size;
});
// Sets a range or number input and fires change, as a person letting go of a slider does.
const setInput = (page, key, value) => page.locator(`nn-playground input[data-key="${key}"]`).evaluate((el, v) => {
  el.value = v;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}, String(value));

test('a Playground permalink opens the same setup, and the hash reads back losslessly', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#${PLAYGROUND_HASH}`);
  await firstFrame(page);
  const value = (key) => page.locator(`nn-playground [data-key="${key}"]`).inputValue();
  assert.equal(await value('activation'), 'relu');
  assert.equal(await value('learningRate'), '0.3');
  assert.equal(await value('regularization'), 'L2');
  assert.equal(await value('batchSize'), '17');
  assert.equal(await value('percTrainData'), '70');
  assert.equal(await page.locator('nn-playground [data-key="showTestData"]').isChecked(), true);
  assert.equal(await page.locator('nn-playground .nv-head').count(), 3, 'three hidden layers');
  assert.equal(await page.locator('nn-playground [data-role="neuron"]').count(), 6 + 5 + 3 + 1);
  assert.equal(await page.locator('nn-playground [data-role="feature"][aria-pressed="true"]').count(), 4);
  assert.equal(await page.locator('nn-playground .dataset-button[data-dataset="spiral"]').getAttribute('aria-pressed'), 'true');
  const given = hashPairs(`${base}#${PLAYGROUND_HASH}`);
  const back = hashPairs(page.url());
  for (const [key, v] of given) if (!['cosX', 'cosY', 'collectStats'].includes(key) || back.has(key)) assert.equal(back.get(key), v, key);
  // Reading our own hash again gives the same hash.
  const first = page.url();
  await page.reload();
  await firstFrame(page);
  assert.equal(page.url(), first);
  assert.deepEqual(problems, []);
});

test('live settings keep training; shape, activation, data and features rebuild', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&seed=2&epochsPerFrame=1`);
  await firstFrame(page);
  await trainFor(page, 15);
  await page.locator('nn-playground select[data-key="learningRate"]').selectOption('0.1');
  await page.locator('nn-playground select[data-key="regularization"]').selectOption('L2');
  await page.locator('nn-playground select[data-key="regularizationRate"]').selectOption('0.001');
  assert.ok((await metrics(page)).epoch >= 15, 'learning rate and regularisation do not reset');
  const hash = hashPairs(page.url());
  assert.equal(hash.get('learningRate'), '0.1');
  assert.equal(hash.get('regularization'), 'L2');
  assert.equal(hash.get('regularizationRate'), '0.001');

  await page.locator('nn-playground select[data-key="activation"]').selectOption('sigmoid');
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  assert.equal(hashPairs(page.url()).get('activation'), 'sigmoid');

  await trainFor(page, 3);
  await page.locator('nn-playground [data-role="add-layer"]').click();
  await page.waitForFunction(() => /networkShape=4,2,2(&|$)/.test(location.hash));
  await page.locator('nn-playground [data-role="remove-neuron"][data-layer="0"]').click();
  await page.waitForFunction(() => /networkShape=3,2,2(&|$)/.test(location.hash));
  assert.equal((await metrics(page)).epoch, 0);
  await page.locator('nn-playground [data-role="feature"][data-key="xSquared"]').click();
  await page.waitForFunction(() => /xSquared=true/.test(location.hash));
  assert.equal(await page.locator('nn-playground [data-role="feature"][aria-pressed="true"]').count(), 3);

  const pointsBefore = await pixelHash(page, '.heatmap-points');
  await page.locator('nn-playground .dataset-button[data-dataset="xor"]').click();
  await page.waitForFunction(() => /dataset=xor/.test(location.hash));
  await page.waitForFunction((h) => {
    const c = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-points');
    const d = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(c).getImageData(0, 0, c.width, c.height).data;
    let x = 0;
    for (let i = 0; i < d.length; i += 5) x = (x * 31 + d[i]) >>> 0;
    return x !== h;
  }, pointsBefore);
  assert.deepEqual(problems, []);
});

test('data sliders, regenerate, show test data and discretize do what they say', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=gauss&seed=3`);
  await firstFrame(page);
  await setInput(page, 'percTrainData', 70);
  await page.waitForFunction(() => /percTrainData=70/.test(location.hash));
  await setInput(page, 'noise', 35);
  await page.waitForFunction(() => /noise=35/.test(location.hash));
  await setInput(page, 'batchSize', 25);
  await page.waitForFunction(() => /batchSize=25/.test(location.hash));
  const seed = hashPairs(page.url()).get('seed');
  await page.locator('nn-playground button[data-control="regenerate"]').click();
  await page.waitForFunction((s) => !location.hash.includes(`seed=${s}&`), seed);

  const hidden = await pixelHash(page, '.heatmap-points');
  await page.locator('nn-playground [data-key="showTestData"]').check();
  await page.waitForFunction(() => /showTestData=true/.test(location.hash));
  assert.notEqual(await pixelHash(page, '.heatmap-points'), hidden, 'test points appear');

  await trainFor(page, 30);
  // The points the loss chart holds (web/chart.js writes the count on its canvas).
  const chartPoints = () => page.locator('nn-playground .loss-chart').evaluate((c) => Number(c.dataset.points));
  const pointsBefore = await chartPoints();
  const epochBefore = (await metrics(page)).epoch;
  assert.ok(pointsBefore >= 1, `the chart has points after training (${pointsBefore})`);
  const smooth = await distinctColours(page);
  await page.locator('nn-playground [data-key="discretize"]').check();
  await page.waitForFunction(() => /discretize=true/.test(location.hash));
  await page.waitForTimeout(200);
  assert.ok(await distinctColours(page) <= 3, 'a discretized map has two colours (and grey for NaN)');
  assert.ok(smooth > 3);
  // The Playground's #184: discretize and window resizes each appended a loss-chart point.
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.locator('nn-playground [data-key="discretize"]').uncheck();
  await page.waitForFunction(() => /discretize=false/.test(location.hash) || !/discretize=/.test(location.hash));
  await page.waitForTimeout(200);
  assert.equal(await chartPoints(), pointsBefore, 'toggling discretize and resizing add no chart point');
  assert.equal((await metrics(page)).epoch, epochBefore, 'and train nothing');
  assert.deepEqual(problems, []);
});

test('hovering a link shows its weight live; typing a value changes the running network', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=6`);
  await firstFrame(page);
  const link = page.locator('nn-playground [data-role="link"]').first();
  await link.focus();
  const card = page.locator('nn-playground .nv-card');
  await card.waitFor({ state: 'visible' });
  const before = await card.locator('.nv-card-text').textContent();
  assert.match(before, /^Weight is -?\d/);
  await trainFor(page, 20);
  assert.notEqual(await card.locator('.nv-card-text').textContent(), before, 'the card follows training');
  await link.press('Enter');
  const input = page.locator('nn-playground .nv-card-input');
  await input.fill('2.5');
  await input.press('Enter');
  await link.focus();
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelector('.nv-card-text').textContent === 'Weight is 2.5');
  assert.deepEqual(problems, []);
});

test('a diverging run pauses with advice and keeps its picture; reset recovers', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#problem=regression&activation=linear&networkShape=8,8,8&learningRate=10&seed=6`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  const message = page.locator('nn-playground .playground > .message:not(.attribute-message)');
  await message.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await message.textContent(), /loss became infinite or not a number.*Lower the learning rate \(now 10\)/);
  assert.equal((await metrics(page)).running, false);
  assert.ok(await distinctColours(page) > 1, 'the last finite picture stays');
  await page.evaluate(() => document.querySelector('nn-playground').reset());
  assert.equal(await message.isVisible(), false);
  assert.equal((await metrics(page)).epoch, 0);
  assert.deepEqual(problems, []);
});

test('hidden controls hide only themselves; the page fits a 360 px phone', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 360, height: 800 });
  await page.goto(`${base}#seed=1&percTrainData_hide=true&noise_hide=true&playButton_hide=true`);
  await firstFrame(page);
  assert.equal(await page.locator('nn-playground [data-control="percTrainData"]').isVisible(), false);
  assert.equal(await page.locator('nn-playground [data-control="noise"]').isVisible(), false);
  assert.equal(await page.locator('nn-playground [data-control="play"]').isVisible(), false);
  assert.equal(await page.locator('nn-playground [data-readout="testLoss"]').isVisible(), true, 'Playground #129 fixed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `page width ${overflow}`);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'phone.png'), fullPage: true });
  assert.deepEqual(problems, []);
});
