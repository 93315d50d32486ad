// Loss and accuracy over time, in Chromium: an empty state at epoch 0, then axes with a scale,
// a legend, train and test loss and (classification) accuracy curves, and a read-out that
// does not cover the title, at 1366x768 and at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

// Pixels of the chart's canvas within 12 of an [r, g, b] colour.
function pixelsOf(page, rgb) {
  return page.evaluate(([r, g, b]) => {
    const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.loss-chart');
    const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - g) < 12 && Math.abs(data[i + 2] - b) < 12) count++;
    }
    return count;
  }, rgb);
}

const TEST_ACCURACY = [0x1d, 0x6f, 0x65];
const TEST_LOSS = [0x11, 0x11, 0x11];
const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

for (const [width, height] of [[1366, 768], [360, 800]]) {
  test(`the chart at ${width} px: empty at epoch 0, then axes, legend, loss and accuracy, a read-out clear of the title`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser, { width, height });
    await page.goto(`${base}#dataset=circle&seed=3&epochsPerFrame=auto`);
    await firstFrame(page);
    const empty = page.locator('nn-playground .chart-empty');
    assert.equal(await empty.isVisible(), true, 'at epoch 0 the chart says why it is empty');
    assert.match(await empty.textContent(), /Epoch 0.*Play/);
    assert.equal(await pixelsOf(page, TEST_LOSS), 0, 'no curve before training');

    await trainFor(page, 60);
    const epoch = await page.evaluate(() => document.querySelector('nn-playground').metrics.epoch);
    assert.equal(await empty.isVisible(), false, 'the empty state goes once there is a curve');
    const canvas = page.locator('nn-playground .loss-chart');
    const label = await canvas.getAttribute('aria-label');
    const scale = label.match(/loss 0 to ([\d.]+) \(left axis\), accuracy 0 to 100 % \(right axis\), epochs 0 to (\d+)/);
    assert.ok(scale, `the chart states its scale: "${label}"`);
    assert.equal(Number(scale[2]), epoch, 'the epoch axis runs to the current epoch');
    assert.ok(Number(scale[1]) > 0, 'the loss axis has a top');
    assert.ok(await pixelsOf(page, TEST_LOSS) > 20, 'the test loss curve is drawn');
    assert.ok(await pixelsOf(page, TEST_ACCURACY) > 20, 'the test accuracy curve is drawn');
    const keys = await page.locator('nn-playground .chart-key:visible').allTextContents();
    assert.deepEqual(keys, ['train loss', 'test loss', 'train accuracy', 'test accuracy (right axis)']);

    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.locator('nn-playground .chart-tip');
    await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.chart-tip').textContent !== '');
    assert.match(await tip.textContent(), /^epoch \d+: loss train \d\.\d{3}, test \d\.\d{3}; accuracy train [\d.]+ %, test [\d.]+ %$/);
    const titleBox = await page.locator('nn-playground .chart-title').boundingBox();
    const tipBox = await tip.boundingBox();
    assert.equal(overlaps(titleBox, tipBox), false, `read-out ${JSON.stringify(tipBox)} clear of title ${JSON.stringify(titleBox)}`);
    assert.equal(overlaps(box, tipBox), false, 'the read-out does not cover the curves either');
    await page.locator('nn-playground .chart-box').screenshot({ path: path.join(OUTPUT_DIR, `chart-${width}.png`) });
    assert.deepEqual(problems, []);
  });
}

test('regression charts loss only: no accuracy curve, axis or legend entry', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#problem=regression&regDataset=reg-plane&seed=3&epochsPerFrame=auto`);
  await firstFrame(page);
  await trainFor(page, 30);
  const label = await page.locator('nn-playground .loss-chart').getAttribute('aria-label');
  assert.match(label, /loss 0 to [\d.]+ \(left axis\), epochs 0 to \d+/);
  assert.doesNotMatch(label, /accuracy/);
  assert.equal(await pixelsOf(page, TEST_ACCURACY), 0);
  assert.deepEqual(await page.locator('nn-playground .chart-key:visible').allTextContents(), ['train loss', 'test loss']);
  assert.deepEqual(problems, []);
});
