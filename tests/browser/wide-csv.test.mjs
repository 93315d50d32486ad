// Wide CSV data in Chromium: a pasted 4-column file trains, the input layer shows its 4 named
// columns, the line under the map says which slice it shows, the axis pickers (mouse and
// keyboard) change the map, axe finds nothing wrong, and bad wide files get a message beside
// the box while the page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { openBrowser, newPage, firstFrame, metrics, trainFor, OUTPUT_DIR } from './browser.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// 200 rows; the class is the sign of c - d, so the default slice (a, b) shows no boundary.
function fourColumns() {
  const rows = ['a,b,c,d,label'];
  for (let i = 0; i < 200; i++) {
    const [a, b, c, d] = [(i * 37) % 101, (i * 53) % 97, (i * 71) % 89, (i * 29) % 83].map((v, k) => v / (9 + k) - 5);
    rows.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(3)},${d.toFixed(3)},${c - d > 0 ? 'up' : 'down'}`);
  }
  return rows.join('\n');
}

const inShadow = (page, selector) => page.evaluate((s) => document.querySelector('nn-playground').shadowRoot.querySelector(s)?.textContent ?? null, selector);
const mapPixels = (page) => page.evaluate(() => document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid').toDataURL());

// Per input node: whether its thumbnail's colours change across (left to right) and up (top to
// bottom), read from the canvas's pixels, and its tooltip.
const inputMaps = (page) => page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('.nv-feature')]
  .map((el) => {
    const c = el.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const at = (x, y) => Array.from(d.subarray((y * c.width + x) * 4, (y * c.width + x) * 4 + 3)).join();
    const [w, h] = [c.width - 1, c.height - 1];
    return { across: at(0, 0) !== at(w, 0), up: at(0, 0) !== at(0, h), color: at(0, 0), title: el.title };
  }));

async function paste(page, text) {
  const panel = page.locator('nn-playground .paste-panel');
  await panel.evaluate((el) => { el.hidden = false; });
  await page.locator('nn-playground .paste-area').fill(text);
  await page.locator('nn-playground .paste-panel button').click();
}

test('a pasted 4-column CSV trains on its 4 inputs; the slice text and the axis pickers change the map', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 900 });
  await page.goto(`${base}#dataset=gauss&networkShape=6&activation=tanh&learningRate=0.03&seed=4`);
  await firstFrame(page);
  assert.equal(await page.locator('nn-playground .wide-slice').count(), 0, 'no slice picker for 2-D data');
  await paste(page, fourColumns());
  const text = page.locator('nn-playground .wide-slice-text');
  await text.waitFor({ state: 'visible' });
  assert.match(await text.textContent(), /slice through a \(across\) and b \(up\); the other 2 inputs are held at their mean over the training data/);
  assert.match(await inShadow(page, '.wide-inputs-note'), /file's 4 columns; the feature transforms .* apply to two-column data only/);
  const inputs = await page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.nv-feature .nv-feature-label')].map((el) => el.textContent));
  assert.deepEqual(inputs, ['a', 'b', 'c', 'd']);
  assert.match(await inShadow(page, '.network'), /Input: 4 columns/);
  // Each input's thumbnail is its value over the slice: a (across) and b (up) rise, c and d are
  // flat at their mean, and the tooltips say so.
  await page.waitForFunction(() => /^a: rises across/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.nv-feature').title));
  const maps = await inputMaps(page);
  assert.deepEqual(maps.map(({ across, up }) => [across, up]), [[true, false], [false, true], [false, false], [false, false]]);
  assert.deepEqual(maps.slice(0, 2).map((m) => m.title), ['a: rises across the map', 'b: rises up the map']);
  assert.match(maps[2].title, /^c: held at its mean, -?\d\.\d+, on this map$/);
  assert.match(maps[3].title, /^d: held at its mean, -?\d\.\d+, on this map$/);
  assert.notEqual(maps[2].color, maps[3].color, 'two different means, two colours');

  const start = await metrics(page);
  await trainFor(page, 60);
  const trained = await metrics(page);
  assert.ok(trained.testAccuracy >= 0.85 && trained.testAccuracy > start.testAccuracy,
    `test accuracy ${start.testAccuracy} -> ${trained.testAccuracy}`);

  // Mouse: across = c. The map and the points are redrawn for the new slice.
  const before = await mapPixels(page);
  await page.locator('nn-playground select.wide-axis').first().selectOption({ label: 'c' });
  await page.waitForFunction(() => /slice through c \(across\) and b \(up\)/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.wide-slice-text').textContent));
  await page.waitForFunction((old) => document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid').toDataURL() !== old, before);
  // Keyboard: up moves from b to c, the input across already shows, so the two swap.
  const up = page.locator('nn-playground select.wide-axis').nth(1);
  await up.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /slice through b \(across\) and c \(up\)/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.wide-slice-text').textContent));
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /slice through b \(across\) and d \(up\)/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.wide-slice-text').textContent));
  // The inputs' thumbnails follow the slice: now b rises across and d up.
  await page.waitForFunction(() => /^d: rises up/.test(document.querySelector('nn-playground').shadowRoot.querySelectorAll('.nv-feature')[3].title));
  assert.deepEqual((await inputMaps(page)).map(({ across, up }) => [across, up]), [[false, false], [true, false], [false, false], [false, true]]);
  await page.locator('nn-playground .wide-slice').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'wide-csv-slice.png') });

  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' >>> ')).slice(0, 3).join(', ')}`)), RULE_SETS);
  assert.deepEqual(violations, []);

  // Back to generated points: the picker goes.
  await page.locator('nn-playground .dataset-button[data-dataset="xor"]').click();
  await page.locator('nn-playground .confirm-ok').click();
  await page.locator('nn-playground .wide-slice').waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});

test('on a phone the slice\'s pickers and words sit right under the map, above the chart', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 360, height: 800 });
  await page.goto(`${base}#dataset=gauss&seed=4`);
  await firstFrame(page);
  await page.locator('nn-playground .data-more').evaluate((details) => { details.open = true; });  // folded on a phone
  await paste(page, fourColumns());
  await page.locator('nn-playground .wide-slice-text').waitFor({ state: 'visible' });
  const tops = await page.evaluate(() => Object.fromEntries(['.heatmap-box', '.wide-slice', '.chart-box'].map((s) =>
    [s, document.querySelector('nn-playground').shadowRoot.querySelector(s).getBoundingClientRect().top])));
  assert.ok(tops['.heatmap-box'] < tops['.wide-slice'] && tops['.wide-slice'] < tops['.chart-box'], JSON.stringify(tops));
  assert.deepEqual(problems, []);
});

test('bad wide CSV files get a message beside the box and the page keeps working', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 900 });
  await page.goto(`${base}#dataset=gauss&seed=5`);
  await firstFrame(page);
  const error = page.locator('nn-playground .tool-error').first();
  await paste(page, 'a,b,c,label\n1,2,3,x\n4,5,y\n');
  await error.waitFor({ state: 'visible' });
  assert.equal(await error.textContent(), 'line 3: expected 4 values (3 inputs, then the label, as line 1 has), found 3');
  const columns = `${Array.from({ length: 20 }, (_, k) => `x${k + 1}`).join(',')},label\n`;
  await paste(page, columns);
  await page.waitForFunction(() => /the header has 21 columns; allowed up to 17/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.tool-error').textContent));
  assert.equal(await page.locator('nn-playground .wide-slice').count(), 0);
  // Still the generated points, and they still train.
  const before = (await metrics(page)).epoch;
  await trainFor(page, before + 20);
  assert.ok((await metrics(page)).epoch >= before + 20);
  // A good wide file after the bad ones clears the message.
  await paste(page, fourColumns());
  await page.locator('nn-playground .wide-slice-text').waitFor({ state: 'visible' });
  assert.equal(await error.isVisible(), false);
  assert.deepEqual(problems, []);
});
