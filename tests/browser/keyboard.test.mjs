// By keyboard alone, in real Chromium: the diagram is one tab stop whose arrow keys reach every
// node and link, a focused neuron shows its map on the output as hovering does, and a whole
// session (pick a data set, shape the net, play, follow a point, edit a weight) needs no mouse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame, trainFor } from './browser.mjs';

// The focused element inside every shadow root: its data-role, aria-label (or text) and class.
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return { role: null, label: 'body', cls: '' };
    return { role: el.getAttribute('data-role'), label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40),
      cls: el.getAttribute('class') ?? '', tabindex: el.getAttribute('tabindex') };
  });
}

// Presses `key` (Tab or Shift+Tab) until the focus matches `wanted`; fails after `limit` presses.
async function tabTo(page, wanted, { key = 'Tab', limit = 120 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error(`${key} never reached the wanted element`);
}

async function press(page, key) {
  await page.keyboard.press(key);
  return focused(page);
}

// A hash of the output map's pixels.
function mapFingerprint(page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let i = 0; i < data.length; i += 3) hash = (hash * 31 + data[i]) >>> 0;
    return hash;
  });
}

const DIAGRAM_ROLES = new Set(['feature', 'neuron', 'link', 'bias']);

test('the diagram is one tab stop; arrow keys reach every node, link and bias; a focused neuron shows its map', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 900 });
  await page.goto(`${base}#dataset=circle&networkShape=4,3&activation=tanh&seed=3`);
  await firstFrame(page);
  await trainFor(page, 20);

  // Tab through the whole page once: the diagram's nodes and links make one stop.
  const stops = [];
  for (let i = 0; i < 150; i++) {
    const now = await press(page, 'Tab');
    if (now.label === 'body') break;
    stops.push(now);
  }
  const diagramStops = stops.filter((s) => DIAGRAM_ROLES.has(s.role));
  assert.equal(diagramStops.length, 1, `diagram tab stops: ${diagramStops.map((s) => s.label).join(', ')}`);
  assert.equal(await page.evaluate(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.nv-stage [tabindex="0"]').length), 1);

  const first = await tabTo(page, (s) => DIAGRAM_ROLES.has(s.role), { key: 'Shift+Tab' });
  assert.equal(first.label, 'X₁');
  const unhovered = await mapFingerprint(page);

  // Features: Down walks the first column, all seven, enabled or not.
  const features = [first.label];
  for (let i = 0; i < 8; i++) features.push((await press(page, 'ArrowDown')).label);
  assert.equal(new Set(features).size, 7, `features: ${features}`);
  await press(page, 'Home');

  // Every neuron of every layer: Right, Right from a column's first node is the next column's
  // first node; Down walks the column. Each focused neuron shows its own map on the output.
  const neurons = [];
  const maps = new Set();
  for (const count of [4, 3, 1]) {
    assert.equal((await press(page, 'ArrowRight')).role, 'link');
    let now = await press(page, 'ArrowRight');
    for (let k = 0; k < count; k++) {
      assert.equal(now.role, 'neuron', `${now.label} is a neuron`);
      neurons.push(now.label);
      await page.waitForTimeout(50);
      maps.add(await mapFingerprint(page));
      now = k + 1 < count ? await press(page, 'ArrowDown') : now;
    }
    await press(page, 'Home');
  }
  assert.deepEqual(neurons, ['neuron 1 of layer 1', 'neuron 2 of layer 1', 'neuron 3 of layer 1', 'neuron 4 of layer 1',
    'neuron 1 of layer 2', 'neuron 2 of layer 2', 'neuron 3 of layer 2', 'the output: high says class +1, low says class −1']);
  assert.ok(maps.size >= 7, `${maps.size} distinct maps for 8 neurons`);
  assert.ok(!maps.has(unhovered) || maps.size === 8, 'focused hidden neurons show their own maps');

  // Every link and bias: from each neuron, Left enters its incoming links, Down walks them to
  // its bias. 2 enabled features x 4 + 4 x 3 + 3 x 1 links, 4 + 3 + 1 biases.
  const params = new Set();
  await press(page, 'ArrowLeft');  // the output's first incoming link
  const walkIncoming = async () => {
    let now = await focused(page);
    for (let i = 0; i < 8 && (now.role === 'link' || now.role === 'bias'); i++) {
      params.add(now.label);
      if (now.role === 'bias') break;
      now = await press(page, 'ArrowDown');
    }
  };
  await walkIncoming();
  assert.ok([...params].some((p) => p === 'bias of the output'));
  // Back to the first hidden layer's neurons, one by one.
  await press(page, 'ArrowRight');  // the bias leads to its neuron
  for (const layer of [2, 1]) {
    await press(page, 'ArrowLeft');
    await press(page, 'ArrowLeft');  // a neuron of `layer`
    await press(page, 'Home');
    for (let k = 0; k < (layer === 1 ? 4 : 3); k++) {
      const neuron = await focused(page);
      assert.equal(neuron.label, `neuron ${k + 1} of layer ${layer}`);
      await press(page, 'ArrowLeft');
      await walkIncoming();
      await press(page, 'ArrowRight');  // back from the bias to the neuron
      await press(page, 'ArrowDown');
    }
    await press(page, 'Home');
  }
  assert.equal(params.size, 2 * 4 + 4 * 3 + 3 * 1 + 4 + 3 + 1, [...params].join('\n'));
  assert.deepEqual(problems, []);
});

test('a whole session by keyboard: pick a data set, shape the net, play, follow a point, edit a weight', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}#dataset=circle&networkShape=4,2&activation=tanh&seed=8`);
  await firstFrame(page);
  const config = () => page.evaluate(() => document.querySelector('nn-playground').config);

  await tabTo(page, (s) => s.label === 'Spiral dataset');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('nn-playground').config.dataset === 'spiral');

  await tabTo(page, (s) => s.label === 'Add a neuron to layer 1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('[data-role="neuron"]').length === 5 + 2 + 1);
  // The diagram was rebuilt: the focus is still on the same button, so a second press counts.
  assert.equal((await focused(page)).label, 'Add a neuron to layer 1');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('nn-playground').config.networkShape[0] === 6);

  await tabTo(page, (s) => s.label === 'Play', { key: 'Shift+Tab' });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 30, null, { timeout: 20000 });
  assert.equal((await focused(page)).label, 'Pause');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('nn-playground').metrics.running);

  await tabTo(page, (s) => s.cls.includes('heatmap'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.locator('nn-playground .tp-lines').waitFor({ state: 'visible' });
  assert.match(await page.locator('nn-playground .tp-lines').textContent(), /Hidden layer 1: z = \(/);

  const node = await tabTo(page, (s) => DIAGRAM_ROLES.has(s.role), { key: 'Shift+Tab' });
  assert.ok(node.role, 'the diagram');
  await press(page, 'Home');
  let link = await press(page, 'ArrowRight');
  if (link.role !== 'link') link = await press(page, 'ArrowRight');
  assert.equal(link.role, 'link');
  await page.keyboard.press('Enter');
  assert.match((await focused(page)).cls, /nv-card-input/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).label, link.label, 'the focus returns to the link');
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelector('.nv-card-text')?.textContent === 'Weight is 1.5');
  assert.deepEqual(problems, []);
  assert.equal((await config()).dataset, 'spiral');
});

test('the tab order follows the visual order: toolbar, data, network, output, each read top to bottom, left to right', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 1366, height: 900 });
  await page.goto(`${base}#dataset=circle&networkShape=4,2&seed=2`);
  await firstFrame(page);
  const PARTS = ['toolbar', 'advanced', 'column-data', 'column-network', 'column-output'];
  const stops = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate((parts) => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const part = parts.findIndex((name) => el.closest(`.${name}`));
      // A labelled control is read as one unit (label, "i", input); a hidden file input
      // through its visible label.
      const unit = el.closest('.control, .epoch') ?? (el.classList.contains('file-input') ? el.parentElement : el);
      const r = unit.getBoundingClientRect();
      return { part, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30) };
    }, PARTS);
    if (!stop) break;
    if (stop.part >= 0) stops.push(stop);
  }
  assert.ok(stops.length > 30, `${stops.length} stops`);
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1], stops[i]];
    const where = `${a.label} -> ${b.label}`;
    assert.ok(b.part >= a.part, `parts in order: ${where}`);
    if (b.part !== a.part) continue;
    // Within a part: below, or on the same line (overlapping vertically) and to the right.
    const sameLine = b.top < a.bottom && b.bottom > a.top;
    assert.ok(sameLine ? b.left >= a.left - 1 : b.top >= a.top - 1, `reading order: ${where} (${JSON.stringify([a, b])})`);
  }
  assert.deepEqual(problems, []);
});
