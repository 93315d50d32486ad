// Clothing pictures in Chromium: a playground of points never fetches the picture views, the
// worker's image code, the image engine or the pictures (the network log says so, and says they
// come once Clothing is picked); picking
// Clothing and pressing Play raises the test accuracy and changes the first layer's weight
// pictures; drawing on the pad, by pointer or by keys, changes the prediction; a confusion
// cell shows its pictures; one picture can be followed through the network; a bad
// imageClasses value gets a message and the default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openBrowser, newPage, firstFrame, metrics, OUTPUT_DIR } from './browser.mjs';

const PG = 'nn-playground';
// Waits until the picture views are in and a frame of the picture network is drawn.
async function pictureFrame(page) {
  await firstFrame(page);
  await page.waitForFunction(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    return root.querySelector('.image-mode') && root.querySelectorAll('.class-bar').length > 0
      && /says/.test(root.querySelector('.image-prediction')?.textContent ?? '');
  }, null, { timeout: 60000 });
}

// Every byte of the picked neuron's weight picture (weights only: the grid's strips under each
// tile change with the current picture's activations), as a short fingerprint.
const weightPixels = (page) => page.evaluate(() => {
  const c = document.querySelector('nn-playground').shadowRoot.querySelector('.weight-big');
  const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum = (sum * 31 + data[i]) % 1000000007;
  return `${c.width}x${c.height}:${sum}`;
});

const bars = (page) => page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('.class-bar')]
  .map((li) => li.textContent));
// Each class's unrounded probability (the bars' text rounds a confident network's to "100 %").
const probabilities = (page) => page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('.class-bar')]
  .map((li) => li.dataset.p));

test('a 2-D playground requests neither the picture views, the image engine nor the pictures; Clothing then fetches them', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: 'dist' });
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${base}#dataset=circle&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 20);
  const pictures = (paths) => paths.filter((p) => /fashion|nnplay-images|nnplay-worker-images|nncore-images/.test(p));
  assert.deepEqual(pictures(requested), [], `requested: ${requested.join(', ')}`);
  await page.locator(`${PG} button[data-dataset="fashion"]`).click();
  await pictureFrame(page);
  assert.ok(pictures(requested).some((p) => p.endsWith('/nnplay-images.js')), `the views once asked for: ${requested.join(', ')}`);
  assert.ok(pictures(requested).some((p) => p.includes('/fashion/')), `the pictures once asked for: ${requested.join(', ')}`);
  const engines = requested.filter((p) => p.endsWith('.wasm')).map((p) => p.split('/').pop());
  assert.deepEqual(engines, ['nncore.wasm', 'nncore-images.wasm'], 'the 2-D engine, then the image engine once');
  assert.deepEqual(problems, []);
});

test('pick Clothing, play: accuracy rises, the weight pictures change, the output has one named row per class', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}#dataset=circle&seed=1`);
  await firstFrame(page);
  await page.locator(`${PG} button[data-dataset="fashion"]`).click();
  await pictureFrame(page);
  assert.equal(await page.locator(`${PG} .heatmap-box`).isVisible(), false, 'no 2-D map for pictures');
  const names = (await bars(page)).map((text) => text.replace(/[\d.–]+ %?$/, '').trim());
  assert.deepEqual(names, ['T-shirt/top', 'Trouser', 'Sneaker']);
  assert.equal(await page.locator(`${PG} .sample-canvas`).count(), 3, 'a sample strip per class');
  const before = await weightPixels(page);
  const start = await page.evaluate(() => document.querySelector('nn-playground').metrics);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction((a) => document.querySelector('nn-playground').metrics.testAccuracy >= Math.max(0.8, a + 0.2),
    start.testAccuracy || 0, { timeout: 60000 });
  assert.notEqual(await weightPixels(page), before, 'the weight pictures redraw while training');
  await page.evaluate(() => document.querySelector('nn-playground').pause());
  // The keys pick a neuron, whose picture and numbers are then shown large and in words.
  const caption = page.locator(`${PG} .weight-caption`);
  assert.match(await caption.textContent(), /^Neuron 1 of \d+/);
  await page.locator(`${PG} .weight-grid`).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.match(await caption.textContent(), /^Neuron (\d+) of/);
  const picked = Number((await caption.textContent()).match(/^Neuron (\d+)/)[1]);
  assert.ok(picked > 2, `arrow keys moved the pick to neuron ${picked}`);
  assert.deepEqual(problems, []);
});

test('drawing on the pad, with the pointer or the keys, changes the prediction; a confusion cell shows its pictures', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}#dataset=fashion&seed=1`);
  await pictureFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.testAccuracy >= 0.8, null, { timeout: 60000 });
  await page.evaluate(() => document.querySelector('nn-playground').pause());
  const pad = page.locator(`${PG} .draw-canvas`);
  await page.locator(`${PG} .draw-tools button`).click();  // Clear: the pad's picture is current
  await page.waitForFunction(() => /says/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.image-prediction').textContent));
  await page.waitForTimeout(200);
  const blank = await probabilities(page);
  // Two trouser legs, top to bottom.
  const box = await pad.boundingBox();
  for (const x of [0.38, 0.62]) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.9, { steps: 12 });
    await page.mouse.up();
  }
  await page.waitForFunction((b) => JSON.stringify([...document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.class-bar')].map((li) => li.dataset.p)) !== JSON.stringify(b), blank, { timeout: 10000 });
  const drawn = await probabilities(page);
  // By keys: the pen paints a horizontal band while P holds it down.
  await pad.focus();
  await page.keyboard.press('p');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('p');
  await page.waitForFunction((b) => JSON.stringify([...document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.class-bar')].map((li) => li.dataset.p)) !== JSON.stringify(b), drawn, { timeout: 10000 });
  assert.equal(await pad.getAttribute('role'), 'application');
  assert.match(await pad.getAttribute('aria-label'), /drawing/i);

  // A confusion cell: its pictures appear below the table, and one becomes the current picture.
  await page.locator(`${PG} .cell-button[data-actual="1"][data-predicted="1"]`).click();
  await page.locator(`${PG} .cell-image-button`).first().waitFor();
  await page.locator(`${PG} .cell-image-button`).first().click();
  await page.waitForFunction(() => /Trouser/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.image-input-caption').textContent));
  // Follow it: the explanations' panel writes out its passes.
  await page.locator(`${PG} .image-try button`, { hasText: 'Follow' }).click();
  await page.locator(`${PG} .trace-panel`).waitFor();
  assert.match(await page.locator(`${PG} .trace-panel .tp-lines`).textContent(), /28 × 28 picture/);
  // Drawing while it is followed: the panel follows the drawing, named and labelled as such.
  await page.locator(`${PG} .draw-tools button`).click();  // Clear: the blank pad is current
  await page.waitForFunction(() => /^Input: your drawing, a 28 × 28 picture, .*; label T-shirt\/top/
    .test(document.querySelector('nn-playground').shadowRoot.querySelector('.trace-panel .tp-lines').textContent));
  assert.deepEqual(problems, []);
});

// A pointer the browser no longer knows cannot be captured (setPointerCapture throws in every
// engine): its stroke is still drawn, with no uncaught error.
test('a stroke of a pointer that cannot be captured still draws', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}#dataset=fashion&seed=1`);
  await pictureFrame(page);
  await page.locator(`${PG} .draw-tools button`).click();  // Clear: the blank pad is current
  await page.waitForTimeout(300);
  const blank = await probabilities(page);
  await page.locator(`${PG} .draw-canvas`).evaluate((c) => {
    const r = c.getBoundingClientRect();
    const at = (fy) => ({ clientX: r.left + r.width / 2, clientY: r.top + r.height * fy, pointerId: 77, pointerType: 'pen',
      isPrimary: true, bubbles: true, buttons: 1 });
    c.dispatchEvent(new PointerEvent('pointerdown', at(0.1)));
    for (let k = 1; k <= 10; k++) c.dispatchEvent(new PointerEvent('pointermove', at(0.1 + 0.08 * k)));
    c.dispatchEvent(new PointerEvent('pointerup', { ...at(0.9), buttons: 0 }));
  });
  await page.waitForFunction((b) => JSON.stringify([...document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.class-bar')].map((li) => li.dataset.p)) !== JSON.stringify(b), blank, { timeout: 10000 });
  assert.deepEqual(problems, []);
});

// Most of what the three default classes learn, they learn within the first epoch (a long one
// of pictures): the chart draws each measurement where in that epoch it was made, and does not
// still say that nothing is trained.
test('the loss chart draws the mini-batches of the first epoch', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}#dataset=fashion&seed=1`);
  await pictureFrame(page);
  const chart = () => page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    return { empty: !root.querySelector('.chart-empty').hidden, label: root.querySelector('.loss-chart').getAttribute('aria-label') };
  });
  assert.deepEqual(await chart(), { empty: true, label: 'Loss and accuracy per epoch: nothing trained yet' });
  for (let i = 0; i < 3; i++) {
    const frames = (await metrics(page)).frames;
    await page.locator(`${PG} button`, { hasText: '+1 batch' }).click();
    await page.waitForFunction((f) => document.querySelector('nn-playground').metrics.frames > f, frames);
  }
  assert.equal((await metrics(page)).epoch, 0, 'three mini-batches are a small part of an epoch');
  const { empty, label } = await chart();
  assert.equal(empty, false, 'the chart no longer says nothing is trained');
  assert.match(label, /^Loss and accuracy per epoch: loss 0 to [\d.]+ \(left axis\), accuracy 0 to 100 % \(right axis\), epochs 0 to 1$/);
  await page.locator(`${PG} .loss-chart`).hover({ position: { x: 200, y: 50 } });
  assert.match(await page.locator(`${PG} .chart-tip`).textContent(), /^epoch 0\.0\d: loss train/);
  // Played on: the chart's words round the part-way epoch it ends at.
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 2, null, { timeout: 60000 });
  await page.evaluate(() => document.querySelector('nn-playground').pause());
  assert.match((await chart()).label, /, epochs 0 to \d+(\.\d)?$/);
  assert.deepEqual(problems, []);
});

test('a bad imageClasses value gets a message and the default', async (t) => {
  const { browser, base } = await openBrowser(t);
  for (const bad of ['tshirt,hat', 'tshirt']) {
    const { page } = await newPage(browser, { width: 1366, height: 768 });
    await page.goto(`${base}#dataset=fashion&imageClasses=${bad}&seed=1`);
    await pictureFrame(page);
    const message = await page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('[role=alert]')]
      .map((el) => el.textContent).join(' '));
    assert.match(message, /imageClasses/, `a message for ${bad}`);
    const names = (await bars(page)).map((text) => text.replace(/[\d.–]+ %?$/, '').trim());
    assert.deepEqual(names, ['T-shirt/top', 'Trouser', 'Sneaker'], `the default for ${bad}`);
    await page.close();
  }
});

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Picture mode in both colour schemes at a phone's and a desktop's width: axe finds nothing
// (names, roles, contrast), and a screenshot of each is kept in test-output/ to look at.
for (const scheme of ['light', 'dark']) {
  for (const [name, width, height] of [['desktop', 1366, 768], ['phone', 360, 740]]) {
    test(`picture mode: axe finds no violations, screenshot (${scheme}, ${name})`, async (t) => {
      const { browser, base } = await openBrowser(t);
      const { page, problems } = await newPage(browser, { width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${base}#dataset=fashion&seed=1`);
      await pictureFrame(page);
      await page.evaluate(() => document.querySelector('nn-playground').play());
      await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 5, null, { timeout: 60000 });
      await page.evaluate(() => document.querySelector('nn-playground').pause());
      await page.locator(`${PG} .cell-button[data-actual="0"][data-predicted="0"]`).click();
      await page.locator(`${PG} .cell-image-button`).first().waitFor();
      await page.addScriptTag({ path: AXE_PATH });
      const violations = await page.evaluate(() => globalThis.axe.run(document, {
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'], resultTypes: ['violations'] })
        .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' >>> ')).join(', ')}`)));
      assert.deepEqual(violations, []);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `fashion-${name}-${scheme}.png`), fullPage: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUTPUT_DIR, `fashion-${name}-${scheme}-first-screen.png`) });
      assert.deepEqual(problems, []);
    });
  }
}
