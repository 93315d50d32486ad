// Right on every screen, in every engine (Chromium, Firefox ESR, WebKitGTK; NNPLAY_ENGINES picks
// some), written once over drivers/: at 360 x 740 (a phone), 1366 x 768 and 1920 x 1080, at
// device-pixel-ratio 1 and 2, light and dark, the parts read data -> network -> output, nothing
// scrolls sideways, no "i" button sits on a line of its own, and on the phone Play and the whole
// map are on the screen together once the reader scrolls to the map. An 8 x 16 network keeps
// its nodes apart at phone and desktop widths. Each case is kept as one screenshot per screen of
// the page under test-output/screens/ (look at them).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedEngines } from './drivers/index.mjs';
import { engineSuite, firstFrame } from './drivers/suite.mjs';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-output/screens/', import.meta.url));
const TIMEOUT = { timeout: 180_000 };
mkdirSync(SHOTS, { recursive: true });

// Where the parts are (viewport px, and the page's scroll), and which "i" buttons after a title
// or legend do not share its line.
const placement = () => {
  const root = document.querySelector('nn-playground').shadowRoot;
  const box = (s) => {
    const r = root.querySelector(s).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const stray = [...root.querySelectorAll('.chart-title + .info-btn, .legend + .info-btn')].filter((button) => {
    const [a, b] = [button.previousElementSibling.getBoundingClientRect(), button.getBoundingClientRect()];
    return b.top >= a.bottom || b.bottom <= a.top;
  }).map((b) => b.getAttribute('aria-label'));
  return { play: box('.play-button'), data: box('.column-data'), network: box('.column-network'), output: box('.column-output'),
    map: box('.heatmap'), stray, viewport: { width: innerWidth, height: innerHeight }, scrollWidth: document.documentElement.scrollWidth };
};

// Reading order: a later part starts below an earlier one, or beside it to its right.
const follows = (later, earlier) => later.top >= earlier.bottom - 1 || (later.left >= earlier.right - 1 && later.top < earlier.bottom);
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

// The map scrolled fully into view at the bottom of the screen, as a reader scrolling down to it
// sees it: its box, and Play's, in viewport px.
async function scrollToMap(page) {
  await page.evaluate(() => document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap')
    .scrollIntoView({ block: 'end', behavior: 'instant' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(placement);
}

function assertPlayAndMapTogether(at, what) {
  const { play, map, viewport } = at;
  assert.ok(map.top >= 0 && map.bottom <= viewport.height + 1, `${what}: the map is on the screen (${JSON.stringify(map)})`);
  assert.ok(play.top >= 0 && play.bottom <= viewport.height, `${what}: Play is on the screen with the map (${JSON.stringify(play)})`);
  assert.ok(!overlap(play, map), `${what}: Play does not cover the map`);
}

// One screenshot per screen of the page, top to bottom (at most `limit`), then back to the top.
async function screens(page, name, limit = 4) {
  const { total, height } = await page.evaluate(() => ({ total: document.documentElement.scrollHeight, height: innerHeight }));
  const count = Math.min(limit, Math.ceil(total / height));
  for (let i = 0; i < count; i++) {
    await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), i * height);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot(path.join(SHOTS, `${name}-${i + 1}.png`));
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  return count;
}

// The diagram's node boxes: how many, and how many pairs overlap (in one column, nodes must not).
const nodeOverlaps = () => {
  const nodes = [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('[data-role="neuron"], [data-role="feature"]')]
    .map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0);
  let overlaps = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const [a, b] = [nodes[i], nodes[j]];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    }
  }
  // Room between neighbouring columns of neurons, where their links run.
  const neurons = [...document.querySelector('nn-playground').shadowRoot.querySelectorAll('[data-role="neuron"]')]
    .map((n) => n.getBoundingClientRect());
  const lefts = [...new Set(neurons.map((r) => Math.round(r.left)))].sort((a, b) => a - b);
  const width = Math.max(...neurons.map((r) => r.width));
  const gaps = lefts.slice(1).map((x, i) => x - lefts[i] - width);
  return { nodes: nodes.length, overlaps, smallest: Math.min(...nodes.map((r) => Math.min(r.width, r.height))),
    columns: lefts.length, narrowestGap: Math.min(...gaps) };
};

const SIZES = [[360, 740], [1366, 768], [1920, 1080]];

for (const name of selectedEngines()) {
  describe(`${name}: every screen`, () => {
    const suite = engineSuite(name, WEB);
    async function open(t, hash, options) {
      const page = await suite.open(t, hash, options);
      await firstFrame(page);
      await page.evaluate(() => document.querySelector('nn-playground').step());
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 1);
      return page;
    }

    for (const [width, height] of SIZES) {
      for (const dpr of [1, 2]) {
        for (const colorScheme of ['light', 'dark']) {
          const what = `${width} x ${height}, DPR ${dpr}, ${colorScheme}`;
          test(`${name}: at ${what}: data, network, output in order, no sideways scroll, no stray "i"${width < 560 ? ', Play with the map' : ''}; screenshots`, TIMEOUT, async (t) => {
            const page = await open(t, '#dataset=spiral&networkShape=6,4&seed=3', { width, height, dpr, colorScheme });
            const at = await page.evaluate(placement);
            assert.deepEqual([at.viewport.width, at.viewport.height], [width, height], 'the viewport is as asked');
            assert.equal(await page.evaluate(() => devicePixelRatio), dpr);
            assert.ok(follows(at.network, at.data), `network after data: ${JSON.stringify([at.data, at.network])}`);
            assert.ok(follows(at.output, at.network), `output after network: ${JSON.stringify([at.network, at.output])}`);
            assert.deepEqual(at.stray, [], 'info buttons on their own line');
            assert.ok(at.scrollWidth <= width, `no sideways scrolling (${at.scrollWidth} px wide)`);
            await screens(page, `${name}-${width}-dpr${dpr}-${colorScheme}`);
            if (width < 560) assertPlayAndMapTogether(await scrollToMap(page), what);
            assert.deepEqual(await page.consoleErrors(), []);
          });
        }
      }
    }

    for (const [width, height] of [[360, 740], [1366, 768]]) {
      test(`${name}: an 8 x 16 network at ${width} px keeps its nodes apart${width < 560 ? ', Play with the map' : ''}; screenshots`, TIMEOUT, async (t) => {
        const page = await open(t, `#dataset=spiral&networkShape=${Array(8).fill(16).join(',')}&seed=3`, { width, height });
        const nodes = await page.evaluate(nodeOverlaps);
        assert.equal(nodes.nodes, 7 + 8 * 16 + 1);
        assert.equal(nodes.overlaps, 0, `overlapping nodes: ${JSON.stringify(nodes)}`);
        assert.ok(nodes.smallest >= 16, `nodes at least 16 px: ${JSON.stringify(nodes)}`);
        assert.equal(nodes.columns, 8 + 1, `one column per layer: ${JSON.stringify(nodes)}`);
        assert.ok(nodes.narrowestGap >= 30, `room for the links between columns: ${JSON.stringify(nodes)}`);
        const at = await page.evaluate(placement);
        assert.ok(at.scrollWidth <= width, `no sideways scrolling of the page (${at.scrollWidth} px wide)`);
        await screens(page, `${name}-8x16-${width}`);
        if (width < 560) assertPlayAndMapTogether(await scrollToMap(page), `8 x 16 at ${width} px`);
        assert.deepEqual(await page.consoleErrors(), []);
      });
    }
  });
}
