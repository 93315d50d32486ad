// The forward and backward pass of a followed point, in Chromium, checked against the engine by
// the numbers the page shows: a node's sum and its terms against the trace's z, every node's
// delta against a finite difference of the engine's loss, a weight's shown update against the
// engine's weights before and after one mini-batch, the gradient view's fixed scale, Esc, and
// where the panel sits at 1366x768 and on a 360 px phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, newPage, firstFrame, trainFor, OUTPUT_DIR } from './browser.mjs';

// features x, y; hidden 4 and 2; one output: sizes [2, 4, 2, 1].
const SIZES = [2, 4, 2, 1];
const SETUP = '#dataset=circle&seed=3&networkShape=4,2&epochsPerFrame=1';
const WEIGHTS = SIZES.slice(1).reduce((sum, n, l) => sum + n * SIZES[l], 0);
const weightAt = (l, o, i) => SIZES.slice(0, l).reduce((sum, n, j) => sum + n * SIZES[j + 1], 0) + o * SIZES[l] + i;
const biasAt = (layer, k) => WEIGHTS + SIZES.slice(1, layer).reduce((sum, n) => sum + n, 0) + k;
const unitAt = (layer, k) => SIZES.slice(0, layer).reduce((sum, n) => sum + n, 0) + k;

// Every number in a text, with the page's real minus signs read as minus.
const numbers = (text) => (text.replace(/\u2212/g, '-').match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
// A number shown to four significant digits is within half a unit of its last digit.
const shownAs = (shown, exact, what) => assert.ok(Math.abs(shown - exact) <= 5.001e-4 * Math.abs(exact) + 1e-12,
  `${what}: shown ${shown}, engine ${exact}`);

const engineParams = (page) => page.evaluate(async () => [...await document.querySelector('nn-playground').playground.engine.params()]);

async function setUp(browser, base, { width = 1366, height = 768, hash = SETUP, epochs = 30 } = {}) {
  const { page, problems } = await newPage(browser, { width, height });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}${hash}`);
  await firstFrame(page);
  for (let e = 0; e < epochs; e++) await page.evaluate(() => document.querySelector('nn-playground').step());
  return { page, problems };
}

// Clicks the first training point on the map and waits for its panel.
async function follow(page) {
  const [x, y] = await page.evaluate(() => document.querySelector('nn-playground').playground.firstPoint());
  const map = page.locator('nn-playground .heatmap');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  await map.click({ position: { x: ((x + 6) / 12) * box.width, y: ((6 - y) / 12) * box.height } });
  await page.locator('nn-playground .trace-panel').waitFor({ state: 'visible' });
  const followed = await page.evaluate(() => {
    const { point, trace } = document.querySelector('nn-playground').playground.explain.followed;
    return { point, trace: { sums: [...trace.sums], activations: [...trace.activations], gradients: [...trace.gradients] } };
  });
  return { ...followed, params: await engineParams(page) };
}

const detail = (page, selector) => page.locator(`nn-playground .tp-detail ${selector}`).textContent();
const hoverNode = (page, unit) => page.locator(`nn-playground .nv-neuron[data-unit="${unit}"]`).hover();
// Links are thin and cross: the focus picks one for sure, where the pointer might hit its neighbour.
const hoverParam = (page, param) => page.locator(`nn-playground .nv-link[data-param="${param}"], nn-playground .nv-bias[data-param="${param}"]`)
  .first().focus();

// Pixels of the link canvas in the deep end of the gradient scale (no weight colour is this red).
const hotLinkPixels = (page) => page.evaluate(() => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.nv-link-canvas');
  const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && data[i] > 120 && data[i + 1] < 90 && data[i + 2] < 90) count++;
  return count;
});

async function toStage(page, last) {
  const next = page.locator('nn-playground .tp-next');
  const back = page.locator('nn-playground .tp-back');
  if (!last) { while (await back.isEnabled()) await back.click(); return; }
  while (await next.isEnabled()) await next.click();
}

test('a hovered node writes out z = w1*a1 + ... + b with the engine\'s numbers, plots f and gives a; a link gives w, a and w*a', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await setUp(browser, base);
  const { trace, params } = await follow(page);
  assert.match(await page.locator('nn-playground .explain-legend').textContent(), /colour = sign of w × a.*width = \|w × a\|/s);
  for (let layer = 1; layer < SIZES.length; layer++) {
    for (let k = 0; k < SIZES[layer]; k++) {
      const u = unitAt(layer, k);
      await hoverNode(page, u);
      const factors = numbers(await detail(page, '.tp-d-factors'));
      const terms = numbers(await detail(page, '.tp-d-terms'));
      const inputs = SIZES[layer - 1];
      assert.equal(factors.length, 2 * inputs + 1, 'a weight and an input per link, then the bias');
      assert.equal(terms.length, inputs + 2, 'one product per link, the bias, then z');
      let rounding = 0;
      for (let i = 0; i < inputs; i++) {
        shownAs(factors[2 * i], params[weightAt(layer - 1, k, i)], `w${i + 1} of unit ${u}`);
        shownAs(factors[2 * i + 1], trace.activations[unitAt(layer - 1, i)], `a${i + 1} of unit ${u}`);
        shownAs(terms[i], params[weightAt(layer - 1, k, i)] * trace.activations[unitAt(layer - 1, i)], `w·a ${i + 1} of unit ${u}`);
        rounding += 5e-4 * Math.abs(terms[i]);
      }
      shownAs(factors.at(-1), params[biasAt(layer, k)], `bias of unit ${u}`);
      const z = terms.at(-1);
      shownAs(z, trace.sums[u], `z of unit ${u}`);
      const added = terms.slice(0, -1).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(added - z) <= rounding + 5e-4 * (Math.abs(terms.at(-2)) + Math.abs(z)) + 1e-9,
        `unit ${u}: the terms ${terms.slice(0, -1)} add up to z = ${z}`);
      shownAs(numbers(await detail(page, '.tp-d-act')).at(-1), trace.activations[u], `a of unit ${u}`);
      // The plot marks (z, f(z)) in the highlight colour.
      const marked = await page.evaluate(() => {
        const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.tp-d-plot');
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let n = 0;
        for (let j = 0; j < data.length; j += 4) if (data[j] > 200 && data[j + 1] > 130 && data[j + 1] < 190 && data[j + 2] < 80) n++;
        return n;
      });
      assert.ok(marked > 5, `unit ${u}: the plot marks (z, f(z))`);
    }
  }
  const param = weightAt(1, 1, 0);
  await hoverParam(page, param);
  const forward = (await detail(page, '.tp-d-forward')).replace(/\u2212/g, '-');
  const [w, a, wa] = [/w = (\S+?),/, /a = (\S+?) /, /w × a = (\S+?):/].map((pattern) => Number(forward.match(pattern)[1]));
  shownAs(w, params[param], 'the link\'s w');
  shownAs(a, trace.activations[unitAt(1, 0)], 'the link\'s input a');
  shownAs(wa, params[param] * trace.activations[unitAt(1, 0)], 'the link\'s w × a');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'passes-link-1366.png') });
  assert.deepEqual(problems, []);
});

test('every node\'s delta matches a finite difference of the engine\'s loss in its bias (1e-3 relative)', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await setUp(browser, base);
  const { point, params } = await follow(page);
  await toStage(page, true);
  assert.match(await page.locator('nn-playground .tp-title').textContent(), /Backward pass/);
  assert.equal(await page.locator('nn-playground .ov-label').filter({ hasText: 'δ' }).count(), 4 + 2 + 1, 'every node is labelled with its delta');
  assert.match(await page.locator('nn-playground .tp-lines').textContent(), /Output error: target t = .*Back to hidden layer 2: δ .*Back to hidden layer 1: δ/s);
  const h = 1e-2;
  for (let layer = SIZES.length - 1; layer >= 1; layer--) {
    for (let k = 0; k < SIZES[layer]; k++) {
      await hoverNode(page, unitAt(layer, k));
      const shown = numbers(await detail(page, '.tp-d-delta')).at(-1);
      // Nudge the node's bias (dz/db = 1) in a copy of the params, trace the loss, put them back.
      const fd = await page.evaluate(async ({ point, params, j, h }) => {
        const { engine } = document.querySelector('nn-playground').playground;
        const loss = async (v) => {
          const q = params.slice();
          q[j] = v;
          await engine.setParams(q);
          return (await engine.trace(point.x, point.y, point.label)).loss;
        };
        const up = Math.fround(params[j] + h);
        const down = Math.fround(params[j] - h);
        const slope = ((await loss(up)) - (await loss(down))) / (up - down);
        await engine.setParams(params);
        return slope;
      }, { point, params, j: biasAt(layer, k), h });
      assert.ok(Math.abs(shown - fd) <= 1e-3 * Math.abs(fd), `layer ${layer} node ${k}: δ shown ${shown}, finite difference ${fd}`);
      assert.ok(Math.abs(fd) > 1e-3, 'a delta large enough to compare');
    }
  }
  assert.deepEqual(problems, []);
});

test('after "Step one mini-batch" a weight\'s card shows the engine\'s update w <- w - eta*g, before and after (SGD)', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await setUp(browser, base);
  await follow(page);
  const before = await engineParams(page);
  await page.locator('nn-playground .tp-batch').click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.explain.lastStep);
  const after = await engineParams(page);
  const eta = 0.03;
  let moved = 0;
  for (let param = 0; param < after.length; param++) {
    await hoverParam(page, param);
    const change = numbers(await detail(page, '.tp-d-change'));
    const rule = numbers(await detail(page, '.tp-d-rule'));
    const places = 10 ** -((await detail(page, '.tp-d-change')).match(/Before -?\u2212?\d+\.(\d+)/)[1].length);
    assert.ok(Math.abs(change[0] - before[param]) <= places / 2 + 1e-9, `param ${param}: before ${change[0]} vs ${before[param]}`);
    assert.ok(Math.abs(change[1] - after[param]) <= places / 2 + 1e-9, `param ${param}: after ${change[1]} vs ${after[param]}`);
    shownAs(change[2], after[param] - before[param], `param ${param}: the change`);
    // The rule: before − η × g = after, with the numbers shown.
    const [w0, shownEta, g, w1] = rule;
    assert.equal(shownEta, eta);
    assert.ok(Math.abs(w0 - shownEta * g - w1) <= 1.5 * places + 5e-4 * Math.abs(shownEta * g),
      `param ${param}: ${w0} − ${shownEta} × ${g} = ${w1}`);
    assert.ok(Math.abs(w1 - after[param]) <= places / 2 + 1e-9, `param ${param}: the rule lands on the engine's new weight`);
    if (after[param] !== before[param]) moved++;
  }
  assert.ok(moved > after.length / 2, 'one mini-batch moved most weights');
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'passes-update-1366.png') });
  // Another optimizer: its own rule is stated.
  await page.evaluate(() => document.querySelector('nn-playground').playground.setState({
    ...document.querySelector('nn-playground').playground.state, optimizer: 'adam' }));
  await page.locator('nn-playground .tp-batch').click();
  await hoverParam(page, 1);
  await hoverParam(page, 0);
  assert.match(await detail(page, '.tp-d-rule'), /adam: .*m̂ \/ \(√v̂ \+ ε\)/);
  assert.deepEqual(problems, []);
});

test('the gradient view keeps one stated scale: the same ticks at epoch 1 and 500 while the largest gradient falls', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await setUp(browser, base, { hash: '#dataset=gauss&seed=2&showGradients=true', epochs: 0 });
  const legend = page.locator('nn-playground .explain-legend');
  await page.locator('nn-playground .xl-empty').waitFor();
  assert.match(await legend.textContent(), /train a step first/);
  await page.evaluate(() => document.querySelector('nn-playground').step());
  await page.locator('nn-playground .xl-largest').waitFor();
  const ticks1 = await page.locator('nn-playground .xl-ticks').textContent();
  const largest1 = numbers(await page.locator('nn-playground .xl-largest').textContent())[0];
  const hot1 = await hotLinkPixels(page);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'passes-gradients-epoch1.png') });
  await trainFor(page, 500);
  await page.evaluate(() => document.querySelector('nn-playground').step());
  const ticks500 = await page.locator('nn-playground .xl-ticks').textContent();
  const largest500 = numbers(await page.locator('nn-playground .xl-largest').textContent())[0];
  assert.equal(ticks500, ticks1, 'the scale does not follow the frame');
  assert.match(ticks1, /0\.0001.*0\.001.*0\.01.*0\.1.*1/);
  assert.ok(largest500 < largest1 / 10, `the largest |dL/dw| fell from ${largest1} to ${largest500}`);
  // And the picture with it: deep red (|dL/dw| of 0.1 or more) at epoch 1, pale at epoch 500.
  const hot500 = await hotLinkPixels(page);
  assert.ok(hot1 > 50 && hot500 < hot1 / 10, `deep-red link pixels: ${hot1} at epoch 1, ${hot500} at epoch 500`);
  // Numbers on hover: the card gives the link's gradient.
  await page.locator('nn-playground .nv-link-hit[data-param="0"]').hover({ force: true });
  assert.match(await page.locator('nn-playground .nv-card-note').textContent(), /dL\/dw = −?\d.* \(last mini-batch\)/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'passes-gradients-epoch500.png') });
  assert.deepEqual(problems, []);
});

test('Esc leaves the followed point; the panel sits in view beside the diagram at 1366x768 and 360 px', async (t) => {
  const { browser, base } = await openBrowser(t);
  for (const [width, height, name] of [[1366, 768, '1366'], [360, 740, '360']]) {
    const { page, problems } = await setUp(browser, base, { width, height });
    await follow(page);
    const inView = async (when) => {
      const [panel, stage] = await Promise.all(['.trace-panel', '.nv-stage'].map((s) => page.locator(`nn-playground ${s}`).boundingBox()));
      assert.ok(panel.y >= 0 && panel.y + panel.height <= height + 1, `${name} ${when}: the panel (${panel.y}..${panel.y + panel.height}) is in the viewport`);
      assert.ok(panel.x >= 0 && panel.x + panel.width <= width + 1, `${name}: the panel fits the width`);
      assert.ok(stage.y + stage.height > 40, `${name}: the diagram is in view above the panel`);
      assert.ok(panel.y - (stage.y + stage.height) < 120, `${name}: the panel is right under the diagram`);
    };
    await inView('after following');
    await hoverNode(page, unitAt(1, 1));
    await page.screenshot({ path: path.join(OUTPUT_DIR, `passes-forward-${name}.png`) });
    await page.locator('nn-playground .tp-next').click();
    await page.locator('nn-playground .tp-next').click();
    await hoverNode(page, unitAt(2, 0));
    await page.screenshot({ path: path.join(OUTPUT_DIR, `passes-backward-${name}.png`) });
    await page.locator('nn-playground .tp-batch').click();
    await page.waitForFunction(() => document.querySelector('nn-playground').playground.explain.lastStep);
    await hoverParam(page, weightAt(1, 0, 1));
    await page.locator('nn-playground .tp-d-change').waitFor();
    await page.screenshot({ path: path.join(OUTPUT_DIR, `passes-update-${name}.png`) });
    await inView('after stepping');
    // Esc from the map (where the click left the focus), not only from inside the panel.
    await page.locator('nn-playground .heatmap').focus();
    await page.keyboard.press('Escape');
    await page.locator('nn-playground .trace-panel').waitFor({ state: 'hidden' });
    assert.equal(await page.locator('nn-playground .ov-label').count(), 0, 'the labels go');
    assert.equal(await page.locator('nn-playground .explain-legend').isVisible(), false, 'the legend goes');
    assert.deepEqual(problems, []);
    await page.close();
  }
});
