// Embedding in real Chromium: the built dist/ copied into a sub-folder of a scratch site,
// served with a strict Content-Security-Policy, the example post with three independent
// instances, lazy start and pause off screen, attribute changes, a hostile host stylesheet,
// and the share dialog's snippets pasted into new pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openBrowser, newPage, metrics, OUTPUT_DIR } from './browser.mjs';
import { buildDist } from '../../scripts/build-dist.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";
const DIST = 'sub/dir/';
let site;
let built;

before(async () => {
  site = mkdtempSync(path.join(tmpdir(), 'nnplay-site-'));
  built = await buildDist({ outDir: path.join(site, DIST), quiet: true });
  mkdirSync(path.join(site, 'blog'));
  const host = (title, extraHead, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title}</title><link rel="icon" href="/${DIST}favicon.svg">${extraHead}
<script type="module" src="/${DIST}nnplay.js"></script></head><body>${body}</body></html>`;
  const one = '<main><p>Before.</p><nn-playground dataset="xor" network-shape="3" seed="3"></nn-playground><p>After.</p></main>';
  writeFileSync(path.join(site, 'blog/width.css'), 'nn-playground { width: 700px; }\n');
  writeFileSync(path.join(site, 'blog/plain.html'), host('plain', '<link rel="stylesheet" href="width.css">', one));
  writeFileSync(path.join(site, 'blog/hostile.css'), `
* { all: unset; }
html, body { display: block; }
nn-playground { width: 700px; }
div { display: inline !important; font-size: 40px; }
body { font: italic 30px/3 serif !important; color: red; letter-spacing: 6px; text-transform: uppercase; text-align: center; }
main > * { line-height: 5; word-spacing: 20px; visibility: visible; cursor: wait; --accent: red; --line: lime; --panel: black; }
button, canvas, svg, input, select { width: 10px !important; height: 10px !important; padding: 30px !important; background: red !important; }
`);
  writeFileSync(path.join(site, 'blog/hostile.html'), host('hostile', '<link rel="stylesheet" href="hostile.css">', one));
});

after(() => rmSync(site, { recursive: true, force: true }));

// Records CSP violations, requests to other origins and failed responses next to `problems`.
async function watchPage(page, problems, base) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('request', (r) => { if (!r.url().startsWith(base)) problems.push(`request left the origin: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
}

// Does `op` to the first match of `selector` in the n-th playground's shadow root:
// 'click', 'value', 'text', 'hidden', 'background' or 'attr:<name>'.
const shadowQuery = (page, index, selector, op) => page.evaluate(([i, s, o]) => {
  const el = document.querySelectorAll('nn-playground')[i].shadowRoot.querySelector(s);
  if (o === 'click') return el.click();
  if (o === 'value') return el.value;
  if (o === 'text') return el.textContent;
  if (o === 'hidden') return el.hidden;
  if (o === 'background') return getComputedStyle(el).backgroundColor;
  return el.getAttribute(o.slice('attr:'.length));
}, [index, selector, op]);

// A hash of the n-th playground's output heat map pixels.
function fingerprint(page, index) {
  return page.evaluate((i) => {
    const canvas = document.querySelectorAll('nn-playground')[i].shadowRoot.querySelector('.heatmap-grid');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0;
    for (let k = 0; k < data.length; k += 3) hash = (hash * 31 + data[k]) >>> 0;
    return hash;
  }, index);
}

const onScreen = (page) => page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) => {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < innerHeight;
}));

const scrollTo = (page, index) => page.evaluate((i) => document.querySelectorAll('nn-playground')[i]
  .scrollIntoView({ block: 'center', behavior: 'instant' }), index);

const waitEpoch = (page, index, atLeast, timeout = 15000) => page.waitForFunction(([i, n]) =>
  document.querySelectorAll('nn-playground')[i].metrics.epoch >= n, [index, atLeast], { timeout });

// Epoch counts stay put for `ms`, allowing for one frame already in flight when it starts.
async function assertHalted(page, index, ms = 500) {
  await page.waitForTimeout(150);
  const a = (await metrics(page, index)).epoch;
  await page.waitForTimeout(ms);
  const b = (await metrics(page, index)).epoch;
  assert.equal(b, a, `instance ${index} kept training off screen (${a} -> ${b})`);
}

test('a page with one playground transfers at most 150 KB gzipped (JS + wasm + CSS)', () => {
  const sizes = Object.entries(built.sizes).map(([file, s]) => `${file} ${s.gzip}`).join(', ');
  assert.ok(built.total <= built.budget, `${built.total} B > ${built.budget} B (${sizes})`);
});

test('the example post from dist/ in a sub-folder under a strict CSP: instances start when seen, train on their own and halt off screen', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: site, headers: { 'Content-Security-Policy': CSP } });
  const { page, problems } = await newPage(browser, { width: 1000, height: 800 });
  await watchPage(page, problems, base);
  await page.goto(`${base}${DIST}examples/blog-post.html`);
  const count = await page.evaluate(() => document.querySelectorAll('nn-playground').length);
  assert.equal(count, 3);

  // Only what is on screen has started; all of it shares one worker (one wasm module).
  await page.evaluate(() => scrollTo(0, 0));
  const visible = await onScreen(page);
  assert.equal(visible[2], false, 'the spiral starts off screen');
  const seen = visible.filter(Boolean).length;
  if (seen) await page.waitForFunction((n) => [...document.querySelectorAll('nn-playground')].filter((e) => e.metrics.frames > 0).length >= n, seen);
  await page.waitForTimeout(300);
  assert.equal(page.workers().length, seen ? 1 : 0, `${seen} on screen, ${page.workers().length} workers`);
  assert.equal((await metrics(page, 2)).frames, 0, 'the off-screen spiral has drawn nothing');

  // The single neuron trains when its play button is pressed.
  await scrollTo(page, 0);
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.frames > 0);
  const gaussBefore = await fingerprint(page, 0);
  await page.evaluate(() => {
    window.events = [];
    for (const name of ['play', 'pause', 'epoch']) {
      document.querySelector('nn-playground').addEventListener(name, (e) => window.events.push([name, e.detail.epoch]));
    }
  });
  await shadowQuery(page, 0, '.play-button', 'click');
  await waitEpoch(page, 0, 50);
  assert.notEqual(await fingerprint(page, 0), gaussBefore, 'the single neuron redrew its boundary');
  // One drawn frame can carry the first 50 epochs: wait for a second one's event.
  await page.waitForFunction(() => window.events.filter(([name, epoch]) => name === 'epoch' && epoch > 0).length >= 2,
    null, { timeout: 5000 }).catch(() => {});
  const events = await page.evaluate(() => window.events);
  assert.equal(events[0][0], 'play');
  assert.ok(events.filter(([name, epoch]) => name === 'epoch' && epoch > 0).length >= 2, 'epoch events with metrics');

  // A hidden tab halts training too, and showing it again resumes.
  const setTab = (state) => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
  await setTab('hidden');
  await assertHalted(page, 0);
  const hiddenEpoch = (await metrics(page, 0)).epoch;
  await setTab('visible');
  await waitEpoch(page, 0, hiddenEpoch + 20);

  // The spiral autoplays once scrolled to; the neuron, now off screen, halts.
  assert.equal((await metrics(page, 2)).frames, 0, 'the spiral has not started yet');
  await scrollTo(page, 2);
  await waitEpoch(page, 2, 100);
  assert.equal(page.workers().length, 1, 'scrolling to the spiral started its session on the shared worker');
  assert.equal((await onScreen(page))[0], false);
  await assertHalted(page, 0);
  assert.equal((await metrics(page, 0)).running, true, 'still marked as playing: it resumes when seen');

  // Back to the neuron: it resumes, and the spiral halts.
  const neuronEpoch = (await metrics(page, 0)).epoch;
  await scrollTo(page, 0);
  await waitEpoch(page, 0, neuronEpoch + 20);
  await assertHalted(page, 2);

  // The circle: its own data and picture; attribute changes apply like the controls.
  await scrollTo(page, 1);
  await page.waitForFunction(() => document.querySelectorAll('nn-playground')[1].metrics.frames > 0);
  await page.evaluate(() => document.querySelectorAll('nn-playground')[1].step());
  assert.equal((await metrics(page, 1)).epoch, 1);
  // Following a point fetches the passes' chunk (a dynamic import of dist/): allowed by the CSP.
  const [px, py] = await page.evaluate(() => document.querySelectorAll('nn-playground')[1].playground.firstPoint());
  const circleMap = page.locator('nn-playground').nth(1).locator('.heatmap');
  const mapBox = await circleMap.boundingBox();
  await circleMap.click({ position: { x: ((px + 6) / 12) * mapBox.width, y: ((6 - py) / 12) * mapBox.height } });
  await page.locator('nn-playground').nth(1).locator('.trace-panel .tp-lines').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  const pictures = new Set([await fingerprint(page, 0), await fingerprint(page, 1), await fingerprint(page, 2)]);
  assert.equal(pictures.size, 3, 'three different pictures');

  await page.evaluate(() => {
    const el = document.querySelectorAll('nn-playground')[1];
    el.setAttribute('learning-rate', '0.3');
    el.setAttribute('network-shape', '5,2');
    el.setAttribute('dataset', 'xor');
  });
  await page.waitForFunction(() => document.querySelectorAll('nn-playground')[1].shadowRoot
    .querySelector('.nv-layer-count')?.textContent === '2 HIDDEN LAYERS');
  const config = await page.evaluate(() => document.querySelectorAll('nn-playground')[1].config);
  assert.equal(config.learningRate, 0.3);
  assert.deepEqual(config.networkShape, [5, 2]);
  assert.equal(await shadowQuery(page, 1, 'select[data-key="learningRate"]', 'value'), '0.3');
  assert.equal(await shadowQuery(page, 1, '[data-dataset="xor"]', 'attr:aria-pressed'), 'true');

  // A bad value: a message in that element only, and it keeps working.
  await page.evaluate(() => document.querySelectorAll('nn-playground')[1].setAttribute('batch-size', 'lots'));
  const messages = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) =>
    [...el.shadowRoot.querySelectorAll('.message')].filter((m) => !m.hidden).map((m) => m.textContent).join(' ')));
  assert.match(messages[1], /batchSize: "lots" is not a whole number.*attribute batch-size/);
  assert.deepEqual([messages[0], messages[2]], ['', '']);
  await page.evaluate(() => document.querySelectorAll('nn-playground')[1].step());
  assert.equal((await metrics(page, 1)).epoch, 1, 'the rebuilt xor net stepped once');

  await scrollTo(page, 1);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'embed-post.png') });
  assert.deepEqual(await page.evaluate(() => window.violations), [], 'no CSP violation');
  assert.deepEqual(problems, []);
});

test('a host page with hostile global CSS leaves the element\'s layout alone', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: site });
  const layouts = {};
  for (const name of ['plain', 'hostile']) {
    const { page, problems } = await newPage(browser, { width: 900, height: 1400 });
    await page.goto(`${base}blog/${name}.html`);
    await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0);
    await page.waitForFunction(() => ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(document.querySelector('nn-playground').shadowRoot
      .querySelector('.dataset-thumb')).getImageData(0, 0, 112, 112).data.some((v) => v > 0));
    await page.waitForTimeout(200);
    layouts[name] = await page.evaluate(() => {
      const el = document.querySelector('nn-playground');
      const host = el.getBoundingClientRect();
      const parts = ['.toolbar', '.play-button', '.columns', '.column-data', '.nv-root', '.heatmap', '.readouts', 'select'];
      const boxes = { host: [host.width, host.height] };
      for (const s of parts) {
        const r = el.shadowRoot.querySelector(s).getBoundingClientRect();
        boxes[s] = [r.left - host.left, r.top - host.top, r.width, r.height].map((v) => Math.round(v * 10) / 10);
      }
      return boxes;
    });
    layouts[name].picture = await page.locator('nn-playground').screenshot({ path: path.join(OUTPUT_DIR, `embed-host-${name}.png`) });
    assert.deepEqual(problems, [], name);
  }
  const { picture: plainPicture, ...plain } = layouts.plain;
  const { picture: hostilePicture, ...hostile } = layouts.hostile;
  assert.deepEqual(hostile, plain);
  // Pixel for pixel, but for antialiasing: the host sits at another sub-pixel offset on each page.
  const { page } = await newPage(browser);
  const difference = await page.evaluate(async (pictures) => {
    const decode = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height);
    };
    const [a, b] = await Promise.all(pictures.map(decode));
    if (a.width !== b.width || a.height !== b.height) return { size: [a.width, a.height, b.width, b.height] };
    let changed = 0;
    for (let i = 0; i < a.data.length; i += 4) {
      const delta = Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c] - b.data[i + c])));
      if (delta > 8) changed++;
    }
    return { changed };
  }, [plainPicture.toString('base64'), hostilePicture.toString('base64')]);
  // A few edge pixels may differ: the data column's sliders are rastered in the page's own layer
  // at the host's sub-pixel offset (4 pixels of two slider edges, by 11 of 255, in Chromium). A
  // style leaking in changes thousands.
  assert.ok(!difference.size && difference.changed <= 16, `the element looks the same: ${JSON.stringify(difference)}`);
});

test('the share dialog\'s snippets, pasted into new pages, run the same setup', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: site, headers: { 'Content-Security-Policy': CSP } });
  const { page, problems } = await newPage(browser, { width: 1280, height: 900 });
  await watchPage(page, problems, base);
  await page.goto(`${base}${DIST}index.html#dataset=circle&networkShape=3&seed=5&learningRate=0.1&noise_hide=true`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0);
  await shadowQuery(page, 0, '.share-button', 'click');
  // The dialog's module is fetched on the first press.
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot.querySelector('.share-dialog')?.open);
  const snippets = await page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    const read = (name) => root.querySelector(`[data-share="${name}"]`).value;
    return { open: root.querySelector('.share-dialog').open, link: read('link'), element: read('element'), iframe: read('iframe'),
      cdn: read('cdn'), resize: read('resize') };
  });
  assert.equal(snippets.open, true);
  assert.match(snippets.cdn, /^<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/nnplay@\d+\.\d+\.\d+\/dist\/nnplay\.js"><\/script>\n<nn-playground learning-rate="0\.1"/);
  assert.match(snippets.resize, /nnplay:height/);
  assert.match(snippets.iframe, / title="[^"]+"/);
  await page.screenshot({ path: path.join(OUTPUT_DIR, 'embed-share-dialog.png') });
  assert.equal(snippets.element, `<script type="module" src="${base}${DIST}nnplay.js"></script>\n`
    + '<nn-playground learning-rate="0.1" network-shape="3" seed="5" hide="noise"></nn-playground>');
  assert.match(snippets.link, new RegExp(`^${base}${DIST}index\\.html#.*dataset=circle.*networkShape=3.*noise_hide=true`));
  assert.match(snippets.iframe, new RegExp(`^<iframe src="${base}${DIST}embed\\.html#learningRate=0.1&amp;networkShape=3&amp;seed=5&amp;noise_hide=true"`));

  writeFileSync(path.join(site, 'blog/pasted.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title>
<link rel="icon" href="/${DIST}favicon.svg"></head><body><h1>My post</h1>\n${snippets.element}\n<p>The end.</p>\n${snippets.iframe}\n</body></html>`);
  await page.goto(`${base}blog/pasted.html`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0);
  const pasted = await page.evaluate(() => document.querySelector('nn-playground').config);
  assert.deepEqual([pasted.dataset, pasted.networkShape, pasted.seed, pasted.learningRate, pasted.hidden],
    ['circle', [3], '5', 0.1, ['noise']]);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await waitEpoch(page, 0, 30);

  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  assert.ok(frame, 'the iframe loaded');
  await frame.locator('nn-playground').scrollIntoViewIfNeeded();
  await frame.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0);
  const embedded = await frame.evaluate(() => {
    const el = document.querySelector('nn-playground');
    const shownControl = (name) => el.shadowRoot.querySelector(`[data-control="${name}"]`).checkVisibility();
    return { config: el.config, controls: el.getAttribute('controls'), play: shownControl('play'), rate: shownControl('learningRate') };
  });
  assert.deepEqual([embedded.config.dataset, embedded.config.seed, embedded.controls, embedded.play, embedded.rate],
    ['circle', '5', 'minimal', true, false]);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
});

test('prefers-reduced-motion: autoplay waits for the reader; presentation attributes are checked', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: site });
  const { page, problems } = await newPage(browser, { width: 800, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  writeFileSync(path.join(site, 'blog/motion.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>m</title>
<link rel="icon" href="/${DIST}favicon.svg"><script type="module" src="/${DIST}nnplay.js"></script></head><body>
<nn-playground autoplay dataset="gauss" network-shape="" controls="sideways" theme="dark" height="banana"></nn-playground>
<nn-playground dataset="gauss" controls="none" height="300"></nn-playground></body></html>`);
  await page.goto(`${base}blog/motion.html`);
  await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0);
  await page.waitForTimeout(400);
  assert.equal((await metrics(page, 0)).running, false, 'autoplay is off under reduced motion');
  assert.equal((await metrics(page, 0)).epoch, 0);
  const message = await shadowQuery(page, 0, '.attribute-message', 'text');
  assert.match(message, /controls: "sideways" is not a choice/);
  assert.match(message, /height: "banana" is not a length/);
  const second = await page.evaluate(() => {
    const el = document.querySelectorAll('nn-playground')[1];
    return { height: el.getBoundingClientRect().height, toolbar: el.shadowRoot.querySelector('.toolbar').checkVisibility(),
      message: el.shadowRoot.querySelector('.attribute-message').hidden };
  });
  assert.deepEqual(second, { height: 300, toolbar: false, message: true });
  const panel = await shadowQuery(page, 0, '.playground', 'background');
  assert.equal(panel, 'rgb(28, 33, 38)', 'theme="dark" applies');
  await page.evaluate(() => document.querySelectorAll('nn-playground')[0].setAttribute('controls', 'minimal'));
  assert.doesNotMatch(await shadowQuery(page, 0, '.attribute-message', 'text'), /sideways/);

  // Moving an element keeps its playground; removing one keeps the shared worker for the other;
  // removing the last ends it.
  await scrollTo(page, 1);
  await page.waitForFunction(() => document.querySelectorAll('nn-playground')[1].metrics.frames > 0);
  assert.equal(page.workers().length, 1);
  await page.evaluate(() => document.body.prepend(document.querySelectorAll('nn-playground')[1]));
  await page.waitForTimeout(200);
  assert.equal(page.workers().length, 1);
  assert.ok((await metrics(page, 0)).frames > 0, 'the moved element still has its playground');
  await page.evaluate(() => document.querySelectorAll('nn-playground')[0].remove());
  await page.waitForTimeout(300);
  assert.equal(page.workers().length, 1);
  await page.evaluate(() => document.querySelector('nn-playground').step());
  assert.equal((await metrics(page, 0)).epoch, 1, 'the one left still trains');
  await page.evaluate(() => document.querySelector('nn-playground').remove());
  await page.waitForTimeout(300);
  assert.equal(page.workers().length, 0);
  assert.deepEqual(problems, []);
});
