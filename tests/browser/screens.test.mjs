// Right on every screen, in real Chromium: every click counts, thumbnails keep their colours at
// any device-pixel ratio, the columns keep their order at every width and zoom, errors show
// beside what caused them, and the page has a dark theme.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame, OUTPUT_DIR } from './browser.mjs';

test('six synchronous clicks on a layer\'s "+" add six neurons', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#dataset=xor&networkShape=4,2&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => {
    const plus = document.querySelector('nn-playground').shadowRoot.querySelector('[data-role="add-neuron"][data-layer="0"]');
    for (let i = 0; i < 6; i++) plus.click();
  });
  assert.deepEqual(await page.evaluate(() => document.querySelector('nn-playground').config.networkShape), [10, 2]);
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('[data-role="neuron"]').length === 10 + 2 + 1, null, { timeout: 10000 });
  // Past the diagram's limit of 16 the presses stop counting instead of overshooting it.
  await page.evaluate(() => {
    const plus = document.querySelector('nn-playground').shadowRoot.querySelector('[data-role="add-neuron"][data-layer="1"]');
    for (let i = 0; i < 20; i++) plus.click();
  });
  assert.deepEqual(await page.evaluate(() => document.querySelector('nn-playground').config.networkShape), [10, 16]);
  assert.deepEqual(problems, []);
});

// For each data-set thumbnail: its canvas's backing size and CSS size, and how its painted
// pixels divide into "a class colour" (within 60 of one, in RGB), "dark" (an outline) and other.
function thumbnailPixels(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const ink = [[0xf5, 0x93, 0x22], [0x08, 0x77, 0xbd]];
    return [...root.querySelectorAll('.dataset-list:not([hidden]) .dataset-thumb')].map((canvas) => {
      const box = canvas.getBoundingClientRect();
      const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0; let classy = 0; let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 250) continue;
        painted++;
        const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
        if (ink.some(([R, G, B]) => Math.hypot(r - R, g - G, b - B) < 60)) classy++;
        else if (r + g + b < 200) dark++;
      }
      return { width: canvas.width, cssWidth: box.width, painted, classy, dark };
    });
  });
}

for (const ratio of [1, 2, 3]) {
  test(`data-set thumbnails are drawn one canvas pixel per device pixel, in their classes' colours, at DPR ${ratio}`, async (t) => {
    const { browser, base } = await openBrowser(t);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, deviceScaleFactor: ratio });
    await page.goto(`${base}#dataset=circle&seed=2`);
    // Every thumbnail painted (they are drawn one per task after the first frame).
    await page.waitForFunction(() => {
      const thumbs = [...(document.querySelector('nn-playground')?.shadowRoot?.querySelectorAll('.dataset-list:not([hidden]) .dataset-thumb') ?? [])];
      return thumbs.length > 0 && thumbs.every((c) => ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(c).getImageData(0, 0, c.width, c.height).data.some((v) => v > 0));
    }, null, { timeout: 15000 });
    const thumbs = await thumbnailPixels(page);
    assert.equal(thumbs.length, 10, 'nine point data sets and Clothing (a shirt in the first class colour)');
    for (const [i, { width, cssWidth, painted, classy, dark }] of thumbs.entries()) {
      assert.equal(width, Math.round(cssWidth * ratio), `thumbnail ${i}: ${width} canvas px on ${cssWidth} CSS px`);
      assert.ok(painted > width * width * 0.05, `thumbnail ${i} shows its points (${painted} px)`);
      assert.ok(classy / painted > 0.9, `thumbnail ${i}: ${(100 * classy / painted).toFixed(1)} % of the dots in a class colour`);
      assert.ok(dark / painted < 0.01, `thumbnail ${i}: ${(100 * dark / painted).toFixed(1)} % dark outline`);
    }
    await page.screenshot({ path: `${OUTPUT_DIR}/thumbnails-dpr${ratio}.png`, clip: { x: 0, y: 100, width: 300, height: 300 } });
  });
}

test('a bad pasted CSV is reported right under its box, not at the top, and a good one clears it', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#seed=4`);
  await firstFrame(page);
  await page.locator('nn-playground .data-tools button', { hasText: 'Paste CSV' }).click();
  await page.locator('nn-playground .paste-area').fill('x,y,label\n1,2,a\n3,oops,b\n');
  await page.locator('nn-playground .data-tools button', { hasText: 'Use this data' }).click();
  const error = page.locator('nn-playground .data-tools .tool-error:not([hidden])');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.textContent(), /line 3: y "oops" is not a number/);
  const area = await page.locator('nn-playground .paste-area').boundingBox();
  const box = await error.boundingBox();
  assert.ok(box.y >= area.y + area.height && box.y - (area.y + area.height) < 60,
    `the message starts ${box.y - area.y - area.height} px under the box`);
  assert.equal(await page.locator('nn-playground .playground > .message:not(.attribute-message)').isVisible(), false,
    'nothing at the top of the playground');
  assert.equal(await page.locator('nn-playground .paste-area').getAttribute('aria-describedby'), await error.getAttribute('id'));

  await page.locator('nn-playground .paste-area').fill('x,y,label\n1,2,a\n3,4,b\n5,1,a\n2,6,b\n');
  await page.locator('nn-playground .data-tools button', { hasText: 'Use this data' }).click();
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.pointCount === 4);
  assert.equal(await error.count(), 0, 'the message is gone once the data is good');
  assert.deepEqual(problems, []);
});

// Where the parts are, in page px, and whether any "i" button sits on a line of its own.
function placement(page) {
  return page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const box = (s) => {
      const r = root.querySelector(s).getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    };
    // An "i" placed after a title or legend must share its line (vertical overlap).
    const stray = [...root.querySelectorAll('.chart-title + .info-btn, .legend + .info-btn')].filter((button) => {
      const [a, b] = [button.previousElementSibling.getBoundingClientRect(), button.getBoundingClientRect()];
      return b.top >= a.bottom || b.bottom <= a.top;
    }).map((b) => b.getAttribute('aria-label'));
    return { play: box('.play-button'), data: box('.column-data'), network: box('.column-network'),
      output: box('.column-output'), map: box('.heatmap'), stray, viewport: innerHeight };
  });
}

// Reading order: a later part starts below an earlier one, or beside it to its right.
const follows = (later, earlier) => later.top >= earlier.bottom - 1 || (later.left >= earlier.right - 1 && later.top < earlier.bottom);

const SCREENS = [
  { width: 360, height: 740 }, { width: 683, height: 384, note: '1366 at 200 % zoom' }, { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

for (const { width, height, note } of SCREENS) {
  test(`at ${width} px${note ? ` (${note})` : ''}: data, network, output in order, no stray "i" buttons; screenshots`, async (t) => {
    const { browser, base } = await openBrowser(t);
    for (const ratio of width === 683 ? [1] : [1, 2]) {
      for (const scheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: ratio });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${base}#dataset=spiral&networkShape=6,4&seed=3`);
        await firstFrame(page);
        await page.evaluate(() => document.querySelector('nn-playground').step());
        const at = await placement(page);
        assert.ok(follows(at.network, at.data), `network after data: ${JSON.stringify([at.data, at.network])}`);
        assert.ok(follows(at.output, at.network), `output after network: ${JSON.stringify([at.network, at.output])}`);
        assert.deepEqual(at.stray, [], 'info buttons on their own line');
        await page.screenshot({ path: `${OUTPUT_DIR}/screen-${width}-dpr${ratio}-${scheme}.png`, fullPage: true });
        if (width === 360) {
          // The map on a phone: scrolled fully into view, Play is on the same screen (it was
          // three screens above it), beside it rather than over it.
          await page.evaluate(() => document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap').scrollIntoView({ block: 'end' }));
          const seen = await page.evaluate(() => {
            const root = document.querySelector('nn-playground').shadowRoot;
            const [play, map] = ['.play-button', '.heatmap'].map((s) => root.querySelector(s).getBoundingClientRect());
            return { play: [play.top, play.bottom], map: [map.top, map.bottom], height: innerHeight };
          });
          assert.ok(seen.play[0] >= 0 && seen.play[1] <= seen.map[0] && seen.map[1] <= seen.height + 1,
            `Play and the map on one screen: ${JSON.stringify(seen)}`);
        }
        await page.close();
      }
    }
  });
}

test('the page follows the system\'s dark preference and its switch cycles system, light, dark; the theme attribute keeps its meaning', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${base}#seed=1`);
  await firstFrame(page);
  const colours = () => page.evaluate(() => {
    const el = document.querySelector('nn-playground');
    return { page: getComputedStyle(document.body).backgroundColor, panel: getComputedStyle(el.shadowRoot.querySelector('.playground')).backgroundColor,
      theme: el.getAttribute('theme'), button: document.querySelector('[data-nnplay-theme]').textContent };
  });
  const dark = (rgb) => rgb.match(/\d+/g).slice(0, 3).reduce((a, b) => a + Number(b), 0) < 150;
  let now = await colours();
  assert.ok(dark(now.page) && dark(now.panel), `dark system: ${JSON.stringify(now)}`);
  assert.equal(now.theme, 'auto');
  await page.locator('[data-nnplay-theme]').click();
  now = await colours();
  assert.ok(!dark(now.page) && !dark(now.panel), `switched to light: ${JSON.stringify(now)}`);
  assert.equal(now.theme, 'light');
  await page.locator('[data-nnplay-theme]').click();
  await page.emulateMedia({ colorScheme: 'light' });
  now = await colours();
  assert.ok(dark(now.page) && dark(now.panel), `switched to dark on a light system: ${JSON.stringify(now)}`);
  assert.equal(now.theme, 'dark');
  await page.reload();
  await firstFrame(page);
  assert.equal((await colours()).theme, 'dark', 'the choice is remembered');
  assert.deepEqual(problems, []);
});
