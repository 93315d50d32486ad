// Your own data, in Chromium: the data column says when the points are yours, and anything that
// would regenerate them asks first in the playground's own dialog; Cancel keeps them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, OUTPUT_DIR } from './browser.mjs';

const pointCount = (page) => page.evaluate(() => document.querySelector('nn-playground').playground.pointCount);
// Every point of the data, as the engine writes it out.
const pointsKey = (page) => page.evaluate(() => document.querySelector('nn-playground').playground.engine.exportCsv());

async function addPoints(page, count) {
  // On a phone the data set's tools start folded, as a person would find them: unfold first.
  const more = page.locator('nn-playground details.data-more');
  if (!(await more.evaluate((el) => el.open))) await more.locator('summary').click();
  await page.locator('nn-playground button[data-control="editData"]').click();
  const map = page.locator('nn-playground .heatmap');
  const box = await map.boundingBox();
  const before = await pointCount(page);
  for (let i = 0; i < count; i++) {
    await map.click({ position: { x: box.width * (0.2 + 0.1 * i), y: box.height * 0.15 } });
    await page.waitForFunction((n) => document.querySelector('nn-playground').playground.pointCount === n, before + i + 1);
  }
  await page.locator('nn-playground button[data-control="editData"]').click();
}

for (const [name, width, height] of [['desktop', 1366, 768], ['phone', 360, 740]]) {
  test(`edited data: the column says so; Regenerate asks, Cancel keeps the points, confirming regenerates (${name})`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser, { width, height });
    await page.goto(`${base}#dataset=circle&seed=3`);
    await firstFrame(page);
    const origin = page.locator('nn-playground .data-origin');
    assert.equal(await origin.isVisible(), false, 'a generated set is not called yours');
    const generated = await pointCount(page);
    await addPoints(page, 2);
    await origin.waitFor({ state: 'visible' });
    assert.match(await origin.textContent(), new RegExp(`Your data: ${generated + 2} points \\(edited\\)`));
    assert.match(await origin.textContent(), /Regenerate or pick a data set to go back to generated points/);
    const edited = await pointsKey(page);

    // Regenerate asks; the focus is on Cancel and Escape says no.
    await page.locator('nn-playground [data-control="regenerate"]').click();
    const dialog = page.locator('nn-playground dialog.confirm-dialog');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.textContent(), /replaces your \d+ points \(edited\)/);
    assert.equal(await page.evaluate(() => document.querySelector('nn-playground').shadowRoot.activeElement?.textContent), 'Cancel');
    await origin.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT_DIR, `own-data-confirm-${name}.png`) });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForTimeout(300);
    assert.equal(await pointsKey(page), edited, 'Escape keeps the edited points');

    // Cancel by click keeps them too.
    await page.locator('nn-playground [data-control="regenerate"]').click();
    await page.locator('nn-playground .confirm-cancel').click();
    await page.waitForTimeout(300);
    assert.equal(await pointsKey(page), edited, 'Cancel keeps the edited points');
    assert.equal(await origin.isVisible(), true);

    // From the keyboard: Tab from Cancel to the confirm button, Enter regenerates.
    const seed = await page.evaluate(() => document.querySelector('nn-playground').playground.state.seed);
    await page.locator('nn-playground [data-control="regenerate"]').click();
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('nn-playground').playground.pointCount === n, generated);
    await origin.waitFor({ state: 'hidden' });
    assert.notEqual(await page.evaluate(() => document.querySelector('nn-playground').playground.state.seed), seed);
    assert.notEqual(await pointsKey(page), edited);
    assert.deepEqual(problems, []);
  });
}

test('CSV data: the column names the source; a data slider asks and Cancel puts the slider back', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}#seed=4`);
  await firstFrame(page);
  const rows = ['x,y,label'];
  for (let i = 0; i < 37; i++) rows.push(`${(i % 6) - 3},${Math.floor(i / 6) - 3},${i % 2 ? 'cat' : 'dog'}`);
  await page.locator('nn-playground .paste-panel').evaluate((el) => { el.hidden = false; });
  await page.locator('nn-playground .paste-area').fill(rows.join('\n'));
  await page.locator('nn-playground .paste-panel button').click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.pointCount === 37);
  const origin = page.locator('nn-playground .data-origin');
  await origin.waitFor({ state: 'visible' });
  assert.match(await origin.textContent(), /Your data: 37 points \(from a CSV file\)/);

  const noise = page.locator('nn-playground [data-key="noise"]');
  const before = await noise.inputValue();
  await noise.fill('35');
  await noise.dispatchEvent('change');
  const dialog = page.locator('nn-playground dialog.confirm-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.locator('nn-playground .confirm-cancel').click();
  assert.equal(await noise.inputValue(), before, 'the slider is back where it was');
  assert.equal(await pointCount(page), 37);
  assert.equal(await page.evaluate(() => document.querySelector('nn-playground').playground.state.noise), Number(before));

  // Picking a thumbnail asks too; confirming brings a generated set back.
  await page.locator('nn-playground .dataset-button[data-dataset="xor"]').click();
  await page.locator('nn-playground .confirm-ok').click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.pointCount !== 37);
  await origin.waitFor({ state: 'hidden' });
  assert.deepEqual(problems, []);
});
