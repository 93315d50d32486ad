// The keyboard walks, written once over drivers/ (a Page from launchEngine().open): the diagram
// as one tab stop with a roving focus, a whole session without a mouse, and the tab order.
// a11y-engines.test.mjs runs them in every engine.
import assert from 'node:assert/strict';

const DIAGRAM_ROLES = new Set(['feature', 'neuron', 'link', 'bias']);

// The focused element inside every shadow root: its data-role, aria-label (or text) and class.
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { role: null, label: 'body', cls: '' };
    return { role: el.getAttribute('data-role'), label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 40),
      cls: el.getAttribute('class') ?? '', tabindex: el.getAttribute('tabindex') };
  });
}

async function press(page, key) {
  await page.press(key);
  return focused(page);
}

// Presses `key` (Tab or Shift+Tab) until the focus matches `wanted`; fails after `limit` presses.
async function tabTo(page, wanted, { key = 'Tab', limit = 120 } = {}) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    const now = await press(page, key);
    if (wanted(now)) return now;
    seen.push(now.label);
  }
  throw new Error(`${page.engine}: ${key} never reached the wanted element; it went ${seen.slice(0, 40).join(' | ')}`);
}

// A hash of the output map's pixels.
const mapFingerprint = (page) => page.evaluate(() => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 3) hash = (hash * 31 + data[i]) >>> 0;
  return hash;
});

// Plays until `epochs` epochs have passed, pauses, and waits until the counter rests.
export async function trainFor(page, epochs) {
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitFor((e) => document.querySelector('nn-playground').metrics.epoch >= e, { args: [epochs], timeout: 60_000 });
  await page.evaluate(() => document.querySelector('nn-playground').pause());
  await page.waitFor(async () => {
    const before = document.querySelector('nn-playground').metrics.epoch;
    await new Promise((r) => setTimeout(r, 150));
    return document.querySelector('nn-playground').metrics.epoch === before;
  });
}

// Tab stops from the top of the page to its end (the focus leaves the document or comes round).
async function tabStops(page, read = focused, limit = 150) {
  const stops = [];
  for (let i = 0; i < limit; i++) {
    await page.press('Tab');
    const now = await read(page);
    if (!now || now.label === 'body') break;
    if (stops.length && JSON.stringify(now) === JSON.stringify(stops[0])) break;
    stops.push(now);
  }
  return stops;
}

export async function walkTheDiagram(page) {
  await trainFor(page, 20);
  // Tab from the top to the output column, past the whole diagram. (Not out of the document:
  // Firefox under automation does not give the page its focus back from its own toolbar.)
  const stops = [];
  for (let i = 0; i < 150; i++) {
    const now = await press(page, 'Tab');
    if (now.label === 'body' || await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return !!el?.closest('.column-output');
    })) break;
    stops.push(now);
  }
  const diagramStops = stops.filter((s) => DIAGRAM_ROLES.has(s.role));
  assert.equal(diagramStops.length, 1, `${page.engine}: diagram tab stops: ${diagramStops.map((s) => s.label).join(', ')}`);
  assert.equal(await page.evaluate(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('.nv-stage [tabindex="0"]').length), 1);

  const first = await tabTo(page, (s) => DIAGRAM_ROLES.has(s.role), { key: 'Shift+Tab' });
  assert.equal(first.label, 'X₁');
  const unhovered = await mapFingerprint(page);

  // Features: Down walks the first column, all seven, enabled or not.
  const features = [first.label];
  for (let i = 0; i < 8; i++) features.push((await press(page, 'ArrowDown')).label);
  assert.equal(new Set(features).size, 7, `${page.engine}: features: ${features}`);
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
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.sleep(50);
      maps.add(await mapFingerprint(page));
      now = k + 1 < count ? await press(page, 'ArrowDown') : now;
    }
    await press(page, 'Home');
  }
  assert.deepEqual(neurons, ['neuron 1 of layer 1', 'neuron 2 of layer 1', 'neuron 3 of layer 1', 'neuron 4 of layer 1',
    'neuron 1 of layer 2', 'neuron 2 of layer 2', 'neuron 3 of layer 2', 'the output: high says class +1, low says class −1']);
  assert.ok(maps.size >= 7, `${page.engine}: ${maps.size} distinct maps for 8 neurons`);
  assert.ok(!maps.has(unhovered) || maps.size === 8, 'focused hidden neurons show their own maps');

  // Every link and bias: from each neuron, Left enters its incoming links, Down walks them to
  // its bias. 2 enabled features x 4 + 4 x 3 + 3 x 1 links, 4 + 3 + 1 biases.
  const params = new Set();
  await press(page, 'ArrowLeft');
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
  await press(page, 'ArrowRight');
  for (const layer of [2, 1]) {
    await press(page, 'ArrowLeft');
    await press(page, 'ArrowLeft');
    await press(page, 'Home');
    for (let k = 0; k < (layer === 1 ? 4 : 3); k++) {
      const neuron = await focused(page);
      assert.equal(neuron.label, `neuron ${k + 1} of layer ${layer}`);
      await press(page, 'ArrowLeft');
      await walkIncoming();
      await press(page, 'ArrowRight');
      await press(page, 'ArrowDown');
    }
    await press(page, 'Home');
  }
  assert.equal(params.size, 2 * 4 + 4 * 3 + 3 * 1 + 4 + 3 + 1, [...params].join('\n'));
  assert.deepEqual(await page.consoleErrors(), []);
}

export async function walkASession(page) {
  const config = () => page.evaluate(() => document.querySelector('nn-playground').config);
  await tabTo(page, (s) => s.label === 'Spiral dataset');
  await page.press('Enter');
  await page.waitFor(() => document.querySelector('nn-playground').config.dataset === 'spiral');

  await tabTo(page, (s) => s.label === 'Add a neuron to layer 1');
  await page.press('Enter');
  await page.waitFor(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('[data-role="neuron"]').length === 5 + 2 + 1);
  // The diagram was rebuilt: the focus is still on the same button, so a second press counts.
  assert.equal((await focused(page)).label, 'Add a neuron to layer 1');
  await page.press('Space');
  await page.waitFor(() => document.querySelector('nn-playground').config.networkShape[0] === 6);

  await tabTo(page, (s) => s.label === 'Play', { key: 'Shift+Tab' });
  await page.press('Space');
  await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch >= 30, { timeout: 60_000 });
  assert.equal((await focused(page)).label, 'Pause');
  await page.press('Space');
  await page.waitFor(() => !document.querySelector('nn-playground').metrics.running);

  await tabTo(page, (s) => s.cls.includes('heatmap'));
  await page.press('ArrowRight');
  await page.press('Enter');
  const lines = await page.waitFor(() => {
    const el = deep('nn-playground >>> .tp-lines');
    return el && el.getClientRects().length > 0 && el.textContent;
  }, { what: 'the forward pass of the followed point' });
  assert.match(lines, /Hidden layer 1: z = \(/);

  const node = await tabTo(page, (s) => DIAGRAM_ROLES.has(s.role), { key: 'Shift+Tab' });
  assert.ok(node.role, 'the diagram');
  await press(page, 'Home');
  let link = await press(page, 'ArrowRight');
  if (link.role !== 'link') link = await press(page, 'ArrowRight');
  assert.equal(link.role, 'link');
  await page.press('Enter');
  assert.match((await focused(page)).cls, /nv-card-input/);
  await page.press('Control+A');
  await page.raw.type('1.5');
  await page.press('Enter');
  assert.equal((await focused(page)).label, link.label, 'the focus returns to the link');
  await page.waitFor(() => document.querySelector('nn-playground').shadowRoot
    .querySelector('.nv-card-text')?.textContent === 'Weight is 1.5', { what: 'Weight is 1.5' });
  assert.deepEqual(await page.consoleErrors(), []);
  assert.equal((await config()).dataset, 'spiral');
}

const PARTS = ['toolbar', 'advanced', 'column-data', 'column-network', 'column-output'];

export async function walkTheTabOrder(page) {
  const read = (p) => p.evaluate((parts) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const part = parts.findIndex((name) => el.closest(`.${name}`));
    // A labelled control is read as one unit (label, "i", input); a hidden file input
    // through its visible label.
    const unit = el.closest('.control, .epoch') ?? (el.classList.contains('file-input') ? el.parentElement : el);
    const r = unit.getBoundingClientRect();
    return { part, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, label: el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30) };
  }, PARTS);
  const stops = (await tabStops(page, read)).filter((s) => s.part >= 0);
  assert.ok(stops.length > 30, `${page.engine}: ${stops.length} stops`);
  for (let i = 1; i < stops.length; i++) {
    const [a, b] = [stops[i - 1], stops[i]];
    const where = `${a.label} -> ${b.label}`;
    assert.ok(b.part >= a.part, `${page.engine}: parts in order: ${where}`);
    if (b.part !== a.part) continue;
    const sameLine = b.top < a.bottom && b.bottom > a.top;
    assert.ok(sameLine ? b.left >= a.left - 1 : b.top >= a.top - 1, `${page.engine}: reading order: ${where} (${JSON.stringify([a, b])})`);
  }
  assert.deepEqual(await page.consoleErrors(), []);
}
