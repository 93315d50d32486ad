// Chromium composites every canvas, and whatever is painted above a composited layer and overlaps
// its bounds gets a layer of its own, rastered into tiles of its own (256x256 px, 4 bytes a pixel,
// in the renderer's memory: scripts/memory-dump.mjs lists them). A playground's structure keeps
// such layers small: the nodes of the diagram lie below its canvases (network-view.css.js), the
// data-set thumbnails' list is isolated (playground/styles.js). Without that a 559x316 layer over
// the diagram and an 882x1603 one over the columns were rastered a second time over the page's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

// One raster tile: a layer larger than this costs more than the page's own tiles it lies on.
const TILE_AREA = 256 * 256;

// Every composited layer that paints, with why Chromium made it one.
async function paintingLayers(page) {
  const cdp = await page.context().newCDPSession(page);
  const tree = new Promise((resolve) => cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers && resolve(e.layers)));
  await cdp.send('LayerTree.enable');
  const layers = await tree;
  const out = [];
  for (const layer of layers.filter((l) => l.drawsContent)) {
    const { compositingReasonIds = [] } = await cdp.send('LayerTree.compositingReasons', { layerId: layer.layerId });
    out.push({ size: `${layer.width}x${layer.height}`, area: layer.width * layer.height, reasons: compositingReasonIds });
  }
  await cdp.detach();
  return out;
}

test('a playground adds no composited layer larger than one raster tile, besides its canvases', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 900, height: 1800 });
  await page.goto(`${base}#networkShape=6,4&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.frames > 10);
  const layers = await paintingLayers(page);
  const canvases = layers.filter((l) => l.reasons.includes('Canvas'));
  assert.ok(canvases.length > 10, `the check saw the playground's canvases (${canvases.length} canvas layers)`);
  const large = layers.filter((l) => !l.reasons.includes('Canvas') && !l.reasons.includes('RootScroller') && l.area > TILE_AREA);
  assert.deepEqual(large, []);
  assert.deepEqual(problems, []);
});

// Without a GPU Chromium keeps three copies of the link canvas (its picture and two shared with
// the compositor): it spans the links, from the features' right edges to the outputs' left ones.
test('the link canvas spans the links only, not the columns of features and outputs', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser, { width: 900, height: 1800 });
  await page.goto(`${base}#networkShape=6,4&seed=1`);
  await firstFrame(page);
  const box = await page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const rect = (el) => el.getBoundingClientRect();
    const canvas = root.querySelector('.nv-link-canvas');
    return {
      canvas: rect(canvas), pixels: canvas.width * canvas.height, stage: rect(root.querySelector('.nv-stage')),
      featuresRight: Math.max(...[...root.querySelectorAll('.nv-feature .nv-thumb')].map((el) => rect(el).right)),
      outputsLeft: Math.min(...[...root.querySelectorAll('.nv-output')].map((el) => rect(el).left)),
    };
  });
  assert.ok(box.canvas.left >= box.featuresRight - 2, `the canvas starts at the features' edge (${box.canvas.left} vs ${box.featuresRight})`);
  assert.ok(box.canvas.right <= box.outputsLeft + 2, `the canvas ends at the outputs' edge (${box.canvas.right} vs ${box.outputsLeft})`);
  assert.ok(box.pixels > 0.4 * box.stage.width * box.stage.height, `it still holds the links (${box.pixels} px)`);
  assert.deepEqual(problems, []);
});
