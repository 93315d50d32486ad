// Picture mode (dataset=fashion) on every engine of drivers/ (Chromium, Firefox ESR, WebKitGTK;
// NNPLAY_ENGINES picks a subset), at a phone's 360 px and a laptop's 1366 px, light and dark:
// after a few mini-batches the picture views are up, nothing scrolls sideways, the weight
// pictures are drawn (not blank) and the console stays clean. Screenshots of each view (the
// data column, the picture network, the picture to try with the confusion matrix) go to
// test-output/pictures/ for a person to look at. Serves the built dist/ (npm run build).
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedEngines } from './drivers/index.mjs';
import { engineSuite } from './drivers/suite.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-output/pictures/', import.meta.url));
const TIMEOUT = { timeout: 180_000 };
const SIZES = [[360, 800], [1366, 900]];
// The views shown one by one: the viewport is scrolled to each before its screenshot.
const VIEWS = [['data', '.image-data'], ['network', '.image-network'], ['try', '.image-try']];
mkdirSync(SHOTS, { recursive: true });

// In-page helpers (they may use only their arguments, globals and deep()).
const pictureReady = () => {
  const el = document.querySelector('nn-playground');
  return (el?.metrics?.frames ?? 0) > 0 && Boolean(el.shadowRoot.querySelector('.image-mode'))
    && el.shadowRoot.querySelector('.weight-grid').width > 1;
};
// Distinct colours in the weight pictures' canvas: one for a blank (or one-colour) canvas.
const weightColours = () => {
  const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.weight-grid');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const seen = new Set();
  for (let k = 0; k < data.length && seen.size < 64; k += 4) seen.add((data[k] << 16) | (data[k + 1] << 8) | data[k + 2]);
  return seen.size;
};
// The view's top just below the toolbar, which stays on screen at the top of a phone's page.
const scrollTo = (selector) => {
  const root = document.querySelector('nn-playground').shadowRoot;
  const target = root.querySelector(selector);
  target.scrollIntoView({ block: 'start' });
  const bar = root.querySelector('.toolbar')?.getBoundingClientRect();
  if (bar && bar.top < 40 && bar.bottom > 0) window.scrollBy(0, -bar.bottom - 8);
  return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(Boolean(target.offsetHeight)))));
};

for (const name of selectedEngines()) {
  describe(`${name}: picture mode screens`, () => {
    before(() => assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/ is built (npm run build)'));
    const suite = engineSuite(name, DIST);

    for (const [width, height] of SIZES) {
      for (const colorScheme of ['light', 'dark']) {
        test(`${name}: picture mode at ${width} px, ${colorScheme} (screenshots)`, TIMEOUT, async (t) => {
          const page = await suite.open(t, '#dataset=fashion&seed=5', { width, height, colorScheme });
          await page.waitFor(pictureReady, { timeout: 60_000, what: 'the picture views drawn' });
          // A few trained frames: the weight pictures and the bars have moved off their start.
          await page.evaluate(async () => {
            const el = document.querySelector('nn-playground');
            for (let i = 0; i < 20; i += 1) await el.step('batch');
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          });
          const seen = await page.evaluate(() => ({ width: innerWidth, scrollWidth: document.documentElement.scrollWidth }));
          const split = await page.evaluate(() => document.querySelector('nn-playground').shadowRoot
            .querySelector('[data-control=percTrainData]')?.offsetHeight ?? 0);
          assert.equal(split, 0, 'no train/test ratio for pictures (they keep Fashion-MNIST\'s split)');
          assert.equal(seen.width, width, 'the viewport is as asked');
          assert.ok(seen.scrollWidth <= width, `no sideways scrolling (${seen.scrollWidth} px wide)`);
          assert.ok(await page.evaluate(weightColours) > 8, 'the weight pictures are drawn');
          for (const [view, selector] of VIEWS) {
            assert.ok(await page.evaluate(scrollTo, selector), `${view} is shown`);
            await page.screenshot(path.join(SHOTS, `${name}-${width}-${colorScheme}-${view}.png`));
          }
          assert.deepEqual(await page.consoleErrors(), [], `${name}: console errors`);
        });
      }
    }
  });
}
