// The run history and sweeps in Chromium (issue 14): a 4-way learning-rate sweep draws 4 maps
// and 4 curves and joins the history; restore brings a run's settings back exactly (the URL
// hash); the standalone page keeps its runs over a reload and forgets them on request; an
// embed without `store-runs` writes nothing to storage; the panel works from the keyboard and
// axe finds nothing in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openBrowser, newPage, firstFrame, trainFor } from './browser.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// Runs `fn(shadowRoot, arg)` in the first playground's shadow root.
const inShadow = (page, fn, arg) => page.evaluate(([source, a]) => {
  const root = document.querySelector('nn-playground').shadowRoot;
  return new Function('root', 'arg', `return (${source})(root, arg);`)(root, a);
}, [fn.toString(), arg]);

async function openRuns(page) {
  await page.locator('nn-playground [data-control=runs]').click();
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.runs-panel:not([hidden])'));
}

// Each row of the runs table as its cells' text joined by ' | '.
const tableRows = (page) => inShadow(page, (root) => [...root.querySelectorAll('.runs-table tbody tr')]
  .map((tr) => [...tr.children].map((cell) => cell.textContent).join(' | ')));

// Ends the run on screen with Reset and waits until the panel's table (if open) or the log has it.
async function trainAndReset(page, epochs) {
  await trainFor(page, epochs);
  await page.evaluate(() => document.querySelector('nn-playground').reset());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
}

async function sweep(page, values, epochs) {
  await page.locator('nn-playground .sweep-values').fill(values);
  await page.locator('nn-playground .sweep-budget').fill(String(epochs));
  await page.locator('nn-playground .sweep-run').click();
  await page.waitForFunction(() => /^Done in/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.sweep .runs-status').textContent),
    null, { timeout: 60000 });
}

test('a sweep of 4 learning rates shows 4 drawn maps and 4 curves, and its runs join the table', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  await page.goto(`${base}embed.html#seed=sweep4`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').setAttribute('controls', 'full'));
  await openRuns(page);
  await sweep(page, '0.003 0.03 0.3 1', 100);
  const shown = await inShadow(page, (root) => {
    const maps = [...root.querySelectorAll('.sweep-map')];
    // A drawn map has opaque pixels of more than one colour.
    const drawn = maps.map((canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return colours.size;
    });
    const chart = root.querySelector('.sweep-chart');
    return { drawn, curves: Number(chart.dataset.curves), legend: root.querySelectorAll('.sweep .runs-legend li').length,
      captions: maps.map((c) => c.getAttribute('aria-label')), chartLabel: chart.getAttribute('aria-label') };
  });
  assert.equal(shown.drawn.length, 4);
  for (const colours of shown.drawn) assert.ok(colours > 1, `a map of ${colours} colour(s) was not drawn`);
  assert.equal(shown.curves, 4);
  assert.equal(shown.legend, 4);
  shown.captions.forEach((label, i) => assert.match(label, new RegExp(`^learning rate ${['0.003', '0.03', '0.3', '1'][i]}: decision map, test loss [\\d.]+ at epoch 100$`)));
  assert.match(shown.chartLabel, /^Chart of test loss .* against epochs 0 to 100, one curve per value$/);
  const rows = await tableRows(page);
  assert.equal(rows.length, 4);
  for (const row of rows) assert.match(row, /sweep.*learning rate [\d.]+.*100/);
  // The oldest member (no weights kept) restored and played in the page stops at the budget
  // with the very test loss the sweep recorded: same seed, same data, same settings.
  const member = await inShadow(page, (root) => {
    const row = [...root.querySelectorAll('.runs-table tbody tr')].at(-1);
    return { id: row.dataset.run, testLoss: Number(row.dataset.testLoss) };
  });
  await page.locator(`nn-playground tr[data-run="${member.id}"] .runs-restore`).click();
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  await page.evaluate(() => { const el = document.querySelector('nn-playground'); el.config = { epochsPerFrame: '10' }; el.play(); });
  await page.waitForFunction(() => { const m = document.querySelector('nn-playground').metrics; return m.epoch === 100 && !m.running; }, null, { timeout: 30000 });
  assert.equal((await page.evaluate(() => document.querySelector('nn-playground').metrics)).testLoss, member.testLoss);
  assert.deepEqual(problems, []);
});

test('restore brings back a run\'s settings exactly (the URL hash): an older run from its initial weights, the newest with its weights', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&activation=relu&networkShape=3,2&learningRate=0.1&seed=restore`);
  await firstFrame(page);
  const runs = [];   // [hash, epochs] of each run as it ends
  const setups = [{ activation: 'sigmoid', networkShape: [5], learningRate: 0.3 }, { dataset: 'gauss', batchSize: 5 },
    { networkShape: [2, 2], regularization: 'L2', regularizationRate: 0.01 }, { activation: 'tanh' }];
  for (const [i, setup] of setups.entries()) {
    await trainFor(page, 10 + 5 * i);
    runs.push([await page.evaluate(() => location.hash), (await page.evaluate(() => document.querySelector('nn-playground').metrics)).epoch]);
    // A new setting rebuilds: the run above ends with the settings it had.
    await page.evaluate((c) => { document.querySelector('nn-playground').config = c; }, setup);
    await page.waitForFunction((h) => location.hash !== h && document.querySelector('nn-playground').metrics.epoch === 0, runs.at(-1)[0]);
  }
  await openRuns(page);
  const rows = await tableRows(page);
  assert.equal(rows.length, 4);
  assert.doesNotMatch(rows.at(-1), /weights kept/, 'the oldest of four runs has no weights left');
  assert.match(rows[0], /weights kept/);
  const restore = async (id) => {
    await page.locator(`nn-playground tr[data-run="${id}"] .runs-restore`).click();
    await page.waitForFunction((n) => document.querySelector('nn-playground').shadowRoot.querySelector('.runs-panel > .runs-status')
      .textContent.startsWith(`Run #${n} restored`), id);
  };
  await restore(1);
  assert.equal(await page.evaluate(() => location.hash), runs[0][0]);
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  await restore(4);
  assert.equal(await page.evaluate(() => location.hash), runs[3][0]);
  // With its weights: the epoch count is where the run ended.
  await page.waitForFunction((e) => document.querySelector('nn-playground').metrics.epoch === e, runs[3][1]);
  assert.deepEqual(problems, []);
});

test('the standalone page keeps its runs over a reload, and Forget empties the panel and the storage', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=reload`);
  await firstFrame(page);
  await trainFor(page, 20);
  // A live change, then Reset: the run is kept under the learning rate it trained with.
  await page.evaluate(() => { document.querySelector('nn-playground').config = { learningRate: 0.3 }; });
  await page.evaluate(() => document.querySelector('nn-playground').reset());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  await trainAndReset(page, 25);
  await openRuns(page);
  const before = await tableRows(page);
  assert.equal(before.length, 2);
  assert.match(before[0], /#2.* \| learning rate 0\.3 \| \d+ \|/);
  assert.match(before[1], /#1.* \| learning rate 0\.03 \| \d+ \|/);
  assert.ok(await page.evaluate(() => localStorage.getItem('nnplay-runs')), 'the runs are in localStorage');
  await page.reload();
  await firstFrame(page);
  await openRuns(page);
  assert.deepEqual(await tableRows(page), before);
  await page.locator('nn-playground .runs-panel button', { hasText: 'Forget stored runs' }).click();
  assert.deepEqual(await tableRows(page), []);
  assert.equal(await page.evaluate(() => localStorage.getItem('nnplay-runs')), null);
  await page.reload();
  await firstFrame(page);
  await openRuns(page);
  assert.deepEqual(await tableRows(page), []);
  assert.deepEqual(problems, []);
});

test('an embed without store-runs keeps its runs for the page only and writes nothing to storage', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}embed.html#seed=embed`);
  await firstFrame(page);
  await trainAndReset(page, 20);
  await page.evaluate(() => document.querySelector('nn-playground').setAttribute('controls', 'full'));
  await openRuns(page);
  await sweep(page, '0.03 0.3', 20);
  assert.equal((await tableRows(page)).length, 3);
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
  await page.reload();
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').setAttribute('controls', 'full'));
  await openRuns(page);
  assert.deepEqual(await tableRows(page), []);
  assert.deepEqual(problems, []);
});

test('the panel works from the keyboard, sorts, and axe finds nothing in it (light and dark)', async (t) => {
  const { browser, base } = await openBrowser(t);
  for (const scheme of ['light', 'dark']) {
    const { page, problems } = await newPage(browser);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${base}#seed=keys`);
    await firstFrame(page);
    await trainAndReset(page, 15);
    await page.locator('nn-playground [data-control=runs]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.activeElement?.classList.contains('runs-panel'));
    assert.equal(await page.locator('nn-playground [data-control=runs]').getAttribute('aria-expanded'), 'true');
    await page.locator('nn-playground .sweep-values').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.01 0.1');
    await page.locator('nn-playground .sweep-budget').fill('30');
    await page.keyboard.press('Enter');   // submits the form
    await page.waitForFunction(() => /^Done in/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.sweep .runs-status').textContent), null, { timeout: 60000 });
    await page.locator('nn-playground button[aria-label="Sort by test loss"]').focus();
    await page.keyboard.press('Enter');
    const sorted = await inShadow(page, (root) => ({
      sort: root.querySelector('th[aria-sort=ascending]')?.textContent,
      focused: root.activeElement?.getAttribute('aria-label'),
      losses: [...root.querySelectorAll('.runs-table tbody tr')].map((tr) => Number(tr.children[4].textContent)),
    }));
    assert.match(sorted.sort, /Test loss/);
    assert.equal(sorted.focused, 'Sort by test loss', 'focus stays on the sort button');
    assert.deepEqual(sorted.losses, [...sorted.losses].sort((a, b) => a - b));
    await page.addScriptTag({ path: AXE_PATH });
    const violations = await page.evaluate(() => globalThis.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'], resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' >>> ')).join(', ')}`)));
    assert.deepEqual(violations, [], `axe (${scheme}):\n  ${violations.join('\n  ')}`);
    await page.keyboard.press('Shift+Tab');
    await page.locator('nn-playground .runs-panel button', { hasText: 'Close runs' }).press('Enter');
    assert.equal(await page.locator('nn-playground [data-control=runs]').getAttribute('aria-expanded'), 'false');
    assert.deepEqual(problems, []);
    await page.close();
  }
});
