// The guided tour, in Chromium at 1366x768 and 360 px: every step points at something visible,
// its popover never covers it, and the steps that can show their idea do it: Play plays, the
// forward-pass step follows a point, the gradient-descent step trains exactly one mini-batch,
// the back-propagation step ticks the gradient view, the weight step shows a weight's card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, OUTPUT_DIR } from './browser.mjs';

const pg = (page, fn, arg) => page.evaluate(fn, arg);

// Boxes of the popover and of the highlighted targets, and whether each target is drawn.
const geometry = (page) => pg(page, () => {
  const root = document.querySelector('nn-playground').shadowRoot;
  const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
  const targets = [...root.querySelectorAll('.tour-target')].map((el) => ({
    ...box(el), tag: el.tagName.toLowerCase(), className: String(el.className?.baseVal ?? el.className),
    drawn: el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
      (el.tagName.toLowerCase() !== 'path' || getComputedStyle(el).stroke !== 'none'),
  }));
  return { pop: box(root.querySelector('.tour-pop')), targets, view: { w: innerWidth, h: innerHeight } };
});

const overlaps = (a, b, pad = 2) => a.left < b.right + pad && b.left - pad < a.right && a.top < b.bottom + pad && b.top - pad < a.bottom;
const inside = (r, view) => r.left >= -1 && r.top >= -1 && r.right <= view.w + 1 && r.bottom <= view.h + 1;

// params (and, when asked, the last batch's gradients) straight from the engine, no training.
const engineState = (page) => pg(page, async () => {
  const frame = await document.querySelector('nn-playground').playground.engine.frame(0, 4, { gradients: true });
  return { params: Array.from(frame.params), gradients: Array.from(frame.gradients), epoch: frame.metrics.epoch };
});

for (const [name, width, height] of [['desktop', 1366, 768], ['phone', 360, 740]]) {
  test(`each tour step does what it explains and points at a visible target it does not cover (${name})`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const { page, problems } = await newPage(browser, { width, height });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${base}#dataset=circle&seed=3&learningRate=0.1&epochsPerFrame=1`);
    await firstFrame(page);
    await page.locator('nn-playground button[data-control="tour"]').click();
    const pop = page.locator('nn-playground .tour-pop');
    const seen = [];
    let before = null;
    for (let guard = 0; guard < 20; guard++) {
      await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.tour-pop[data-step]'));
      const step = await pop.getAttribute('data-step');
      seen.push(step);
      const g = await geometry(page);
      assert.ok(g.targets.length > 0, `${step}: something is highlighted`);
      for (const target of g.targets) {
        assert.ok(target.drawn, `${step}: the ${target.tag}.${target.className} target is drawn`);
        // A straight link's path box is a line: it has a length, and its 4 px stroke a width.
        assert.ok(target.right - target.left > 0 || target.bottom - target.top > 0, `${step}: the target has a size`);
        assert.ok(inside(target, g.view), `${step}: the target ${JSON.stringify(target)} is in view`);
        assert.ok(!overlaps(g.pop, target), `${step}: the popover ${JSON.stringify(g.pop)} covers ${JSON.stringify(target)}`);
      }
      assert.ok(inside(g.pop, g.view), `${step}: the popover is in view`);

      if (step === 'weight') {
        const card = page.locator('nn-playground .nv-card');
        assert.equal(await card.isVisible(), true, 'the weight card shows');
        assert.match(await card.textContent(), /^Weight is -?\d/);
        assert.ok(g.targets.some((x) => x.tag === 'path' && x.className.includes('nv-link')), 'the link is highlighted');
        assert.ok(g.targets.some((x) => x.className.includes('nv-card')), 'the card is highlighted');
        await page.screenshot({ path: path.join(OUTPUT_DIR, `tour-weight-${name}.png`) });
      }
      if (step === 'heatmap') {
        const panel = page.locator('nn-playground .trace-panel');
        assert.equal(await panel.isVisible(), true, 'the forward pass of a followed point is open');
        assert.match(await panel.textContent(), /Input x = \(/);
        await page.screenshot({ path: path.join(OUTPUT_DIR, `tour-follow-${name}.png`) });
      }
      if (step === 'showGradients') {
        assert.equal(await page.locator('nn-playground [data-key="showGradients"]').isChecked(), true);
        before = await engineState(page);
      }
      if (step === 'learningRate') {
        const after = await engineState(page);
        assert.equal(after.epoch, before.epoch, 'one mini-batch of 10 points is not a whole epoch');
        // Plain SGD without regularization: w <- w - 0.1 * g for the batch's gradient g.
        let moved = 0;
        after.params.forEach((w, i) => {
          const expected = before.params[i] - 0.1 * after.gradients[i];
          assert.ok(Math.abs(w - expected) <= 1e-5 + 1e-4 * Math.abs(expected), `param ${i}: ${w} vs ${expected}`);
          if (w !== before.params[i]) moved++;
        });
        assert.ok(moved > 0, 'the weights moved');
        await page.screenshot({ path: path.join(OUTPUT_DIR, `tour-minibatch-${name}.png`) });
      }
      if (step === 'play') {
        const epoch = await pg(page, () => document.querySelector('nn-playground').metrics.epoch);
        await page.waitForFunction((e) => document.querySelector('nn-playground').metrics.epoch > e + 2, epoch);
        assert.equal(await pg(page, () => document.querySelector('nn-playground').metrics.running), true);
      }
      if ((await page.locator('nn-playground .tour-next').textContent()) === 'Done') break;
      await page.locator('nn-playground .tour-next').click();
    }
    assert.deepEqual(seen, ['dataset', 'features', 'network', 'weight', 'neuron', 'activation', 'heatmap', 'outputNode',
      'lossChart', 'showGradients', 'learningRate', 'play', 'readouts']);
    await page.locator('nn-playground .tour-next').click();
    await pop.waitFor({ state: 'hidden' });
    assert.equal(await page.locator('nn-playground .nv-card').isVisible(), false, 'the card went with its step');
    assert.deepEqual(problems, []);
  });
}

// The tour and the long explanation texts are fetched on first use: when the fetch fails, the
// playground says what is missing and keeps working, and the next press tries again.
test('a tour or explanation that cannot be fetched gets a message, and a later press loads it', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page } = await newPage(browser);
  const blocked = ['**/explain/tour.js', '**/explain/explain-text.js'];
  for (const url of blocked) await page.route(url, (route) => route.abort());
  await page.goto(`${base}#seed=5`);
  await firstFrame(page);
  const message = page.locator('nn-playground .message:not(.attribute-message)');
  await page.locator('nn-playground button[data-control="tour"]').click();
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent(), /Could not load the guided tour/);
  const info = page.locator('nn-playground .info-btn[data-info="data"]');
  await info.click();
  const text = page.locator('nn-playground .info-pop .info-text');
  await page.waitForFunction(() => /Could not load the rest/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.info-pop .info-text')?.textContent));
  const failed = await text.textContent();
  const lead = failed.slice(0, failed.indexOf(' Could not load'));
  assert.ok(lead.length > 20, `the note keeps its first sentence: "${failed}"`);
  await info.click();

  for (const url of blocked) await page.unroute(url);
  await page.locator('nn-playground button[data-control="tour"]').click();
  await page.locator('nn-playground .tour-title').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await info.click();
  await page.waitForFunction((first) => {
    const shown = document.querySelector('nn-playground').shadowRoot.querySelector('.info-pop .info-text')?.textContent ?? '';
    return shown.startsWith(first) && shown.length > first.length && !shown.includes('Could not load');
  }, lead);
});
