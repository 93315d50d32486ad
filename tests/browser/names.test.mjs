// Names for everything, in Chromium: one naming of classes in the legend, the edit swatches,
// the diagram's output nodes, the trace and the confusion matrix (and their screen-reader
// labels and colours), for 2, 3 and 6 classes and a CSV with named classes; layer titles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, OUTPUT_DIR } from './browser.mjs';

const MINUS = '\u2212';

// Every place a class is named, read from the page: names and colours in class order where
// the place has an order.
function readNames(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const all = (selector) => [...root.querySelectorAll(selector)];
    const color = (el) => getComputedStyle(el).backgroundColor;
    const named = (selector) => all(selector).map((el) => ({ name: el.textContent.trim(), color: color(el.querySelector('.swatch')) }));
    return {
      legend: named('.legend .legend-class'),
      matrixColumns: named('.confusion-table thead .confusion-class'),
      matrixRows: named('.confusion-table tbody .confusion-class'),
      swatches: all('.class-picker .swatch').map((el) => ({ name: el.getAttribute('aria-label'), color: color(el) })),
      outputNames: all('.nv-class-name').map((el) => ({ name: el.textContent.trim(), color: color(el.querySelector('.nv-class-swatch')) })),
      outputLabels: all('.nv-output').map((el) => el.getAttribute('aria-label')),
      titles: all('.nv-layer-title').map((el) => el.textContent),
    };
  });
}

// Follows the first training point and returns its label and the trace's words for it.
async function traceFirstPoint(page) {
  const [x, y, label] = await page.evaluate(() => document.querySelector('nn-playground').playground.firstPoint());
  const map = page.locator('nn-playground .heatmap');
  const box = await map.boundingBox();
  await map.click({ position: { x: ((x + 6) / 12) * box.width, y: ((6 - y) / 12) * box.height } });
  const lines = page.locator('nn-playground .tp-lines');
  await lines.waitFor({ state: 'visible' });
  const text = await lines.textContent();
  return { label, said: text.match(/label (.+?);/)?.[1], says: text.match(/says (.+?)(loss|$)/)?.[1] };
}

function checkAgreement(seen, expected, trace, classes) {
  const byName = (list) => list.map((c) => c.name);
  assert.deepEqual(byName(seen.legend), expected, 'legend');
  assert.deepEqual(byName(seen.matrixColumns), expected, 'confusion matrix columns');
  assert.deepEqual(byName(seen.matrixRows), expected, 'confusion matrix rows');
  assert.deepEqual(byName(seen.swatches), expected, 'edit swatches (their screen-reader labels)');
  assert.deepEqual([...byName(seen.outputNames)].sort(), [...expected].sort(), 'output nodes');
  for (const name of expected) assert.ok(seen.outputLabels.some((l) => l.includes(name)), `an output node's label names ${name}`);
  // One colour per class, the same in every place.
  const colors = seen.legend.map((c) => c.color);
  assert.equal(new Set(colors).size, expected.length, 'each class has its own colour');
  assert.deepEqual(seen.matrixColumns.map((c) => c.color), colors, 'matrix colours');
  assert.deepEqual(seen.swatches.map((c) => c.color), colors, 'swatch colours');
  for (const c of seen.outputNames) assert.equal(c.color, colors[expected.indexOf(c.name)], `output colour of ${c.name}`);
  const k = classes === 2 ? (trace.label > 0 ? 1 : 0) : trace.label;
  assert.equal(trace.said, expected[k], `the trace names the followed point's class (label ${trace.label})`);
  assert.ok(expected.includes(trace.says.trim()), `the trace's prediction "${trace.says}" is a class name`);
}

const CASES = [
  { classes: 2, hash: 'dataset=circle&seed=3', expected: [`class ${MINUS}1`, 'class +1'], output: 'Output: 1 node, tanh' },
  { classes: 3, hash: 'dataset=spiral&numClasses=3&seed=3', expected: ['class 0', 'class 1', 'class 2'], output: 'Output: 3 nodes, softmax' },
  { classes: 6, hash: 'dataset=circle&numClasses=6&seed=3', expected: ['class 0', 'class 1', 'class 2', 'class 3', 'class 4', 'class 5'],
    output: 'Output: 6 nodes, softmax' },
];

for (const { classes, hash, expected, output } of CASES) {
  test(`${classes} classes have one name each, the same in legend, swatches, diagram, trace and matrix`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base}#${hash}&networkShape=4,2&activations=relu,tanh`);
    await firstFrame(page);
    const seen = await readNames(page);
    assert.deepEqual(seen.titles, ['Input: 2 features', 'Hidden 1: ReLU', 'Hidden 2: Tanh', output], 'layer titles');
    checkAgreement(seen, expected, await traceFirstPoint(page), classes);
    if (classes === 3) {
      await page.locator('nn-playground .tp-close').click();
      for (const [width, height, name] of [[1366, 768, 'names-3-classes-1366.png'], [360, 800, 'names-3-classes-360.png']]) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(300);
        await page.locator('nn-playground .column-network .network').screenshot({ path: path.join(OUTPUT_DIR, name) });
        const boxes = await page.locator('nn-playground .nv-layer-title').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()));
        const stage = await page.locator('nn-playground .nv-stage').boundingBox();
        boxes.forEach((b, i) => {
          assert.ok(b.left >= stage.x - 1 && b.right <= stage.x + stage.width + 1 && b.bottom <= stage.y + stage.height + 1,
            `title ${i} inside the diagram at ${width} px`);
          if (i > 0) assert.ok(boxes[i - 1].right <= b.left, `titles ${i - 1} and ${i} apart at ${width} px`);
        });
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('a CSV with named classes (cat, dog, bird) shows those names everywhere', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}#seed=4`);
  await firstFrame(page);
  const centres = { cat: [-3, -3], dog: [3, 3], bird: [-3, 3] };
  const rows = ['x,y,animal'];
  for (let i = 0; i < 20; i++) {
    for (const [name, [cx, cy]] of Object.entries(centres)) rows.push(`${cx + (i % 5) * 0.3},${cy + Math.floor(i / 5) * 0.3},${name}`);
  }
  await page.locator('nn-playground .tool-row[data-control=csv] button', { hasText: 'Paste CSV' }).click();
  await page.locator('nn-playground .paste-area').fill(rows.join('\n'));
  await page.locator('nn-playground .paste-panel button').click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.classes === 3);
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelectorAll('.legend .legend-class').length === 3);
  checkAgreement(await readNames(page), ['cat', 'dog', 'bird'], await traceFirstPoint(page), 3);
  // Generated data again: the CSV's names go with its points.
  await page.locator('nn-playground .dataset-button[data-dataset=gauss]').click();
  await page.locator('nn-playground .confirm-ok').click();  // the CSV's points are replaced only when confirmed
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.legend').textContent.includes('class 0'));
  assert.deepEqual(problems, []);
});

test('data sets the chosen number of classes cannot use say why', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page } = await newPage(browser);
  await page.goto(`${base}#dataset=circle&numClasses=3&seed=3`);
  await firstFrame(page);
  const xor = page.locator('nn-playground .dataset-button[data-dataset=xor]');
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('[data-dataset=xor]').disabled);
  assert.match(await xor.getAttribute('aria-label'), /only two classes/);
  assert.match(await page.locator('nn-playground .dataset-note').textContent(), /only two classes/);
});
