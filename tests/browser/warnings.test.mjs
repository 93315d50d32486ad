// The teacher's warnings, in Chromium: a dead network (ReLU at learning rate 10 on the circle)
// gets a message with what to try; a healthy circle run never does; Dismiss and Reset work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

const NOTE = 'nn-playground .warn-note';

// Records in the page whether the warning was ever shown, frame by frame.
function watchNote(page) {
  return page.evaluate(() => {
    const note = document.querySelector('nn-playground').shadowRoot.querySelector('.warn-note');
    window.noteEverShown = !note.hidden;
    new MutationObserver(() => { if (!note.hidden) window.noteEverShown = true; })
      .observe(note, { attributes: true, attributeFilter: ['hidden'] });
  });
}

const solidMap = (page) => page.evaluate(() => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) colours.add(`${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`);
  return colours.size;
});

for (const [name, width, height] of [['desktop', 1366, 768], ['phone', 360, 740]]) {
  test(`a dead ReLU network gets a warning with what to try (${name}); Dismiss hides it, Reset brings it back`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser, { width, height });
    // Seed 3: every ReLU unit of hidden layer 2 ends at 0 for every point within a few epochs.
    await page.goto(`${base}#dataset=circle&activation=relu&learningRate=10&seed=3&epochsPerFrame=20`);
    await firstFrame(page);
    await page.evaluate(() => document.querySelector('nn-playground').play());
    const note = page.locator(NOTE);
    await note.waitFor({ state: 'visible', timeout: 20000 });
    const text = await note.textContent();
    assert.match(text, /Dead ReLU units/);
    assert.match(text, /hidden layer 2 outputs 0/);
    assert.match(text, /Lower the learning rate \(now 10\)/);
    assert.match(text, /another activation/);
    assert.ok(await solidMap(page) <= 3, 'the map is one colour');
    await page.evaluate(() => document.querySelector('nn-playground').pause());
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT_DIR, `warning-dead-${name}.png`) });

    await page.locator(`${NOTE} .warn-dismiss`).click();
    await note.waitFor({ state: 'hidden' });
    await trainFor(page, 50);
    assert.equal(await note.isVisible(), false, 'a dismissed warning stays away while training goes on');
    await page.evaluate(() => document.querySelector('nn-playground').reset());
    // Until a frame after the reset is drawn the metrics still show the old epoch.
    await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch < 20);
    await trainFor(page, 40);
    await note.waitFor({ state: 'visible', timeout: 20000 });
    assert.deepEqual(problems, []);
  });
}

test('a loss stuck at chance accuracy gets a warning though no layer is all dead', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  // Seed 4: both hidden layers keep live units, yet the output saturates: loss 1.056, 47 %.
  await page.goto(`${base}#dataset=circle&activation=relu&learningRate=10&seed=4&epochsPerFrame=1`);
  await firstFrame(page);
  await trainFor(page, 150);
  assert.equal(await page.locator(NOTE).isVisible(), false, 'not before the loss has been flat for 200 epochs');
  await trainFor(page, 400);
  const note = page.locator(NOTE);
  await note.waitFor({ state: 'visible', timeout: 20000 });
  const text = await note.textContent();
  assert.match(text, /not learning/);
  assert.match(text, /for the last 200 epochs/);
  assert.match(text, /Lower the learning rate \(now 10\)/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'warning-stalled-desktop.png') });
  assert.deepEqual(problems, []);
});

for (const activation of ['tanh', 'relu']) {
  test(`a healthy circle run (${activation}, learning rate 0.03) never shows a warning`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser);
    await page.goto(`${base}#dataset=circle&activation=${activation}&learningRate=0.03&seed=3&epochsPerFrame=20`);
    await firstFrame(page);
    await watchNote(page);
    await trainFor(page, 800);
    const m = await page.evaluate(() => document.querySelector('nn-playground').metrics);
    assert.ok(m.trainAccuracy > 0.9, `it learned (train accuracy ${m.trainAccuracy})`);
    assert.equal(await page.evaluate(() => window.noteEverShown), false);
    assert.deepEqual(problems, []);
  });
}
