// The canvases in words, in real Chromium: the live region's pace and wording, and the map as a
// table that axe-core (WCAG 2.1 A/AA and best practice) finds nothing wrong with. The axe runs
// over every page and the keyboard walks, in every engine, are in a11y-engines.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openBrowser, newPage, firstFrame, trainFor } from './browser.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// axe's violations on the page as "rule (n): target, target ..." lines, for a readable failure.
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' >>> ')),
      summary: v.nodes[0]?.failureSummary ?? '' }))), RULE_SETS);
  return violations.map((v) => `${v.id} (${v.targets.length}): ${v.targets.slice(0, 4).join(', ')}\n    ${v.summary.split('\n').slice(0, 3).join(' ')}`);
}

test('the canvases in words: metrics read politely now and then, the map as a 3 x 3 table on request', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
  // A slow learner, so that the loss keeps moving for the whole run (at learning rate 0.01 the
  // merged engine's test loss is down to 0.021 by epoch 555 and moves 0.003 in the last 1.5 s,
  // which the announcer rightly calls no news).
  await page.goto(`${base}#dataset=circle&networkShape=3&activation=tanh&seed=4&learningRate=0.003&epochsPerFrame=1`);
  await firstFrame(page);
  const region = page.locator('nn-playground [role="status"][aria-live="polite"]');
  assert.equal(await region.count(), 1);
  // Record every change of the live region's text with its time.
  await page.evaluate(() => {
    const el = document.querySelector('nn-playground').shadowRoot.querySelector('[role="status"][aria-live="polite"]');
    window.spoken = [];
    new MutationObserver(() => window.spoken.push([performance.now(), el.textContent])).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForTimeout(11500);
  const pausedAt = await page.evaluate(() => {
    const el = document.querySelector('nn-playground');
    el.pause();
    return el.metrics.epoch;
  });
  await page.waitForTimeout(300);
  const spoken = await page.evaluate(() => window.spoken);
  assert.ok(spoken.length >= 2 && spoken.length <= 4, `${spoken.length} announcements in 12 s: ${spoken.map((s) => s[1]).join(' | ')}`);
  for (let i = 1; i < spoken.length - 1; i++) assert.ok(spoken[i][0] - spoken[i - 1][0] >= 4900, 'at most one per 5 s while training');
  const last = spoken.at(-1)[1];
  const match = last.match(/^Epoch (\d+)\. Test loss \d\.\d{3}, training loss \d\.\d{3}\. Test accuracy \d+\.\d %\.$/);
  assert.ok(match, last);
  assert.ok(Number(match[1]) >= pausedAt, `on pause, the values training stopped at (epoch ${pausedAt} or the frame after)`);

  await page.evaluate(() => { document.querySelector('nn-playground').config = { dataset: 'gauss', learningRate: 0.03 }; });
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch === 0);
  await trainFor(page, 100);
  await page.locator('nn-playground button', { hasText: 'Describe the map' }).click();
  const cells = await page.evaluate(() => [...document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.map-table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  assert.equal(cells.length, 3);
  for (const row of cells) {
    assert.equal(row.length, 3);
    for (const cell of row) assert.match(cell, /^class [\u2212+]1, \d+ %$/);
  }
  // Two Gaussian clouds in opposite corners: the opposite corners are predicted differently.
  assert.notEqual(cells[0][2].split(',')[0], cells[2][0].split(',')[0], `top right ${cells[0][2]}, bottom left ${cells[2][0]}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe with the table shown:\n  ${violations.join('\n  ')}`);
  assert.deepEqual(problems, []);
});
