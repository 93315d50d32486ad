// Beyond the Playground, in Chromium: many classes, points added by click, CSV upload, and an
// experiment saved and opened again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { openBrowser, newPage, metrics, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

const playground = (page, fn, arg) => page.evaluate(fn, arg);

test('switching to 4 classes trains a softmax network with a 4 x 4 confusion matrix', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=gauss&seed=2&networkShape=6`);
  await firstFrame(page);
  await page.locator('nn-playground select[data-key="numClasses"]').selectOption('4');
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.classes === 4);
  assert.match(page.url(), /numClasses=4/);
  await trainFor(page, 60);
  const m = await metrics(page);
  assert.ok(m.testAccuracy > 0.8, `4-class gauss test accuracy ${m.testAccuracy}`);
  const cells = await page.locator('nn-playground .confusion-table tbody td').count();
  assert.equal(cells, 16);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'four-classes.png') });
  assert.deepEqual(problems, []);
});

test('clicking the map in edit mode adds a point of the picked class; shift+click removes it', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&seed=3`);
  await firstFrame(page);
  const count = () => playground(page, () => document.querySelector('nn-playground').playground.pointCount);
  const before = await count();
  await page.locator('nn-playground button[data-control="editData"]').click();
  // Class -1: new points are +1 until another class is picked, so the pick must take effect.
  const swatch = page.locator('nn-playground .class-picker .swatch[aria-label="class −1"]');
  await swatch.click();
  assert.equal(await swatch.getAttribute('aria-checked'), 'true');
  const map = page.locator('nn-playground .heatmap');
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });  // (0, 0): no point there
  await page.waitForFunction((n) => document.querySelector('nn-playground').playground.pointCount === n + 1, before);
  // The engine's data, as Download CSV writes it: the point nearest (0, 0) is the new one
  // (xor keeps its points 0.3 from the axes) and has the picked label.
  const csv = await playground(page, () => document.querySelector('nn-playground').playground.engine.exportCsv());
  const rows = csv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const [x, y, label] = rows.reduce((a, b) => (Math.hypot(b[0], b[1]) < Math.hypot(a[0], a[1]) ? b : a));
  assert.ok(Math.hypot(x, y) < 0.2, `a point was added at the click, (${x}, ${y})`);
  assert.equal(label, -1, 'the added point has the picked class');
  await trainFor(page, 5);  // keeps training on the edited data
  await map.click({ position: { x: box.width * 0.5, y: box.height * 0.5 }, modifiers: ['Shift'] });
  await page.waitForFunction((n) => document.querySelector('nn-playground').playground.pointCount === n, before);
  assert.deepEqual(problems, []);
});

test('uploading a CSV replaces the data; a bad CSV keeps what was there and says which line', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=4`);
  await firstFrame(page);
  const good = path.join(OUTPUT_DIR, 'three-classes.csv');
  const rows = ['x,y,label'];
  for (let i = 0; i < 90; i++) rows.push(`${(i % 9) * 10},${Math.floor(i / 9) * 10},${['red', 'green', 'blue'][i % 3]}`);
  await writeFile(good, `${rows.join('\n')}\n`);
  const input = page.locator('nn-playground input[type=file][accept*="csv"]');
  await input.setInputFiles(good);
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.pointCount === 90);
  assert.equal(await playground(page, () => document.querySelector('nn-playground').playground.classes), 3);
  assert.match(page.url(), /numClasses=3/);

  const bad = path.join(OUTPUT_DIR, 'bad.csv');
  await writeFile(bad, 'x,y,label\n1,2,a\n3,oops,b\n');
  await input.setInputFiles(bad);
  // The message shows beside the CSV controls, not at the top of the playground.
  const message = page.locator('nn-playground .data-tools .tool-error').first();
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent(), /line 3: y "oops" is not a number/);
  assert.equal(await playground(page, () => document.querySelector('nn-playground').playground.pointCount), 90);
  assert.deepEqual(problems, []);
});

test('a saved experiment opens again and continues exactly: the next epoch has the same loss', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=spiral&seed=5&networkShape=6,4&optimizer=adam&learningRate=0.01`);
  await firstFrame(page);
  await trainFor(page, 20);
  const downloading = page.waitForEvent('download');
  await page.locator('nn-playground .data-tools button', { hasText: 'Save experiment' }).click();
  const file = path.join(OUTPUT_DIR, 'experiment.json');
  await (await downloading).saveAs(file);
  assert.match(await readFile(file, 'utf8'), /"format":"nnplay-experiment"/);
  const epochAtSave = (await metrics(page)).epoch;

  await page.evaluate(() => document.querySelector('nn-playground').step());
  const direct = await metrics(page);
  await page.locator('nn-playground input[type=file][accept*="json"]').setInputFiles(file);
  await page.waitForFunction((e) => document.querySelector('nn-playground').metrics.epoch === e, epochAtSave);
  await page.evaluate(() => document.querySelector('nn-playground').step());
  const again = await metrics(page);
  assert.equal(again.epoch, direct.epoch);
  assert.equal(again.trainLoss, direct.trainLoss);
  assert.equal(again.testLoss, direct.testLoss);
  assert.deepEqual(problems, []);
});

test('"More settings" is built on first open, showing the settings the playground already has', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&seed=7&optimizer=adam&beta1=0.7&stopEpochs=40&networkShape=3,2&activations=relu,tanh`);
  await firstFrame(page);
  const inPanel = () => page.evaluate(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('details.advanced .advanced-grid *').length);
  assert.equal(await inPanel(), 0, 'closed and never opened: nothing inside');
  await page.locator('nn-playground details.advanced > summary').click();
  await page.locator('nn-playground select[data-key="optimizer"]').waitFor();
  assert.ok(await inPanel() > 100, 'open: every control');
  assert.equal(await page.locator('nn-playground select[data-key="optimizer"]').inputValue(), 'adam');
  assert.equal(await page.locator('nn-playground input[data-key="beta1"]').inputValue(), '0.7');
  assert.equal(await page.locator('nn-playground input[data-key="stopEpochs"]').inputValue(), '40');
  assert.equal(await page.locator('nn-playground [data-control="momentum"]').isVisible(), false, 'shown for adam as built at once');
  assert.equal(await page.locator('nn-playground .layer-activations select').count(), 2, 'one select per hidden layer');
  assert.equal(await page.locator('nn-playground .layer-activations select').first().inputValue(), 'relu');
  // Closed and opened again: built once.
  const count = await inPanel();
  await page.locator('nn-playground details.advanced > summary').click();
  await page.locator('nn-playground details.advanced > summary').click();
  await page.locator('nn-playground select[data-key="optimizer"]').waitFor();
  assert.equal(await inPanel(), count);
  await page.locator('nn-playground select[data-key="optimizer"]').selectOption('sgd');
  await page.waitForFunction(() => !location.hash.includes('optimizer=adam'));
  assert.deepEqual(problems, []);
});

test('optimizer, schedule and auto-stop apply live; a per-layer activation rebuilds', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&seed=7&epochsPerFrame=1`);
  await firstFrame(page);
  await page.locator('nn-playground details.advanced > summary').click();
  await trainFor(page, 10);
  await page.locator('nn-playground select[data-key="optimizer"]').selectOption('adam');
  await page.locator('nn-playground input[data-key="beta1"]').fill('0.8');
  await page.locator('nn-playground input[data-key="beta1"]').dispatchEvent('change');
  await page.locator('nn-playground select[data-key="lrSchedule"]').selectOption('cosine');
  assert.ok((await metrics(page)).epoch >= 10, 'optimizer settings keep the weights');
  assert.match(page.url(), /optimizer=adam/);
  assert.match(page.url(), /beta1=0.8/);
  assert.match(page.url(), /lrSchedule=cosine/);
  assert.equal(await page.locator('nn-playground [data-control="momentum"]').isVisible(), false, 'momentum applies to momentum optimizers only');

  await page.locator('nn-playground input[data-key="stopEpochs"]').fill('25');
  await page.locator('nn-playground input[data-key="stopEpochs"]').dispatchEvent('change');
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => !document.querySelector('nn-playground').metrics.running, null, { timeout: 20000 });
  assert.equal((await metrics(page)).epoch, 25, 'auto-stop ends training at 25 epochs');
  assert.match(await page.locator('nn-playground .playground > .message:not(.attribute-message)').textContent(), /reached 25 epochs/);

  await page.locator('nn-playground .layer-activations select').first().selectOption('relu');
  await page.waitForFunction(() => /activations=relu,tanh/.test(location.hash));
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  assert.deepEqual(problems, []);
});
