// No canvas of the element lies inside a rounded clip (an ancestor with border-radius and an
// overflow other than visible). WebKit clips every composited layer in such a box to its
// corners on every frame, in software where there is no GPU: the rounded .playground box that
// clipped its content cost WebKitGTK 141 of its 170 ms per frame and held it to 8 frames/s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

// Every canvas in every playground on the page, with the rounded clipping boxes above it
// (through shadow roots, up to the document).
function roundedClipsAboveCanvases() {
  const describe = (el) => `${el.localName}.${[...el.classList].join('.')}`;
  const found = [];
  let canvases = 0;
  for (const host of document.querySelectorAll('nn-playground')) {
    for (const canvas of host.shadowRoot.querySelectorAll('canvas')) {
      canvases++;
      for (let el = canvas.parentElement ?? canvas.getRootNode().host; el;
        el = el.parentElement ?? el.getRootNode().host) {
        const s = getComputedStyle(el);
        const clips = s.overflowX !== 'visible' || s.overflowY !== 'visible';
        const rounded = ['borderTopLeftRadius', 'borderTopRightRadius', 'borderBottomLeftRadius', 'borderBottomRightRadius']
          .some((k) => parseFloat(s[k]) > 0);
        if (clips && rounded) found.push(`${describe(canvas)} in ${describe(el)}`);
      }
    }
  }
  return { canvases, found: [...new Set(found)] };
}

test('no canvas of the element is clipped by a rounded box, with or without a fixed height', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(base);
  await firstFrame(page);
  await page.evaluate(() => {
    const el = document.createElement('nn-playground');
    el.setAttribute('height', '300');
    el.setAttribute('dataset', 'xor');
    document.body.append(el);
    el.scrollIntoView();
  });
  await firstFrame(page, 1);
  const { canvases, found } = await page.evaluate(roundedClipsAboveCanvases);
  assert.ok(canvases > 20, `the check saw the canvases of both playgrounds (${canvases})`);
  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
});
