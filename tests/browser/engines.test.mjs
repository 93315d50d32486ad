// The cross-engine core of the browser suite, written once over drivers/ and run in Chromium,
// Firefox ESR and WebKitGTK (NNPLAY_ENGINES picks a subset): loading and training, every kind
// of control, a weight edited from the keyboard, following a point, embedding under a strict
// CSP, the element's API, hostile input and screenshots at phone and laptop widths at
// device-pixel-ratio 1 and 2. It serves the built dist/ (npm run build), as a reader gets it.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectedEngines } from './drivers/index.mjs';
import { engineSuite } from './drivers/suite.mjs';
import { serve } from './drivers/server.mjs';
import { trainFor } from './keyboard-walks.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../../test-output/engines/', import.meta.url));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";
const TIMEOUT = { timeout: 120_000 };
mkdirSync(SHOTS, { recursive: true });

// In-page helpers (run in the page: they may use only their arguments, globals and deep()).
const metrics = (i = 0) => document.querySelectorAll('nn-playground')[i]?.metrics ?? null;
const drawn = (i = 0) => (document.querySelectorAll('nn-playground')[i]?.metrics?.frames ?? 0) > 0;
const hashOf = () => Object.fromEntries(location.hash.slice(1).split('&').filter(Boolean).map((p) => p.split('=')));
const fingerprint = (selector, i = 0) => {
  const canvas = document.querySelectorAll('nn-playground')[i].shadowRoot.querySelector(selector);
  const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let k = 0; k < data.length; k += 5) hash = (hash * 31 + data[k]) >>> 0;
  return hash;
};
const visibleMessages = (i = 0) => [...document.querySelectorAll('nn-playground')[i].shadowRoot
  .querySelectorAll('.message')].filter((m) => !m.hidden).map((m) => m.textContent).join('\n');

async function assertClean(page) {
  assert.deepEqual(await page.consoleErrors(), [], `${page.engine}: console errors`);
}

for (const name of selectedEngines()) {
  describe(`${name}: core browser suite`, () => {
    let strict;
    before(async () => {
      assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/ is built (npm run build)');
      strict = await serve(DIST, { headers: { 'Content-Security-Policy': CSP } });
    });
    after(() => strict?.close());
    const suite = engineSuite(name, DIST);

    // A page of the standalone playground; closed when the test ends.
    async function open(t, hash, size) {
      const page = await suite.open(t, hash, size);
      await page.waitFor(drawn, { what: 'the first drawn frame' });
      return page;
    }

    test(`${name}: the page loads clean and learns the circle (epoch and accuracy rise)`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=circle&seed=3');
      t.diagnostic(suite.engine.version);
      const start = await page.evaluate(metrics);
      const picture = await page.evaluate(fingerprint, '.heatmap-grid');
      assert.equal(start.epoch, 0);
      assert.equal(start.running, false);
      await page.click('nn-playground >>> .play-button');
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch >= 150, { timeout: 60_000 });
      const trained = await page.waitFor(() => {
        const m = document.querySelector('nn-playground').metrics;
        return m.testAccuracy >= 0.9 && m;
      }, { timeout: 60_000, what: 'test accuracy 0.9 on the circle' });
      assert.equal(trained.running, true);
      assert.ok(trained.testAccuracy > start.testAccuracy, `accuracy rose: ${start.testAccuracy} -> ${trained.testAccuracy}`);
      assert.ok(trained.testLoss < start.testLoss, `test loss fell: ${start.testLoss} -> ${trained.testLoss}`);
      assert.notEqual(await page.evaluate(fingerprint, '.heatmap-grid'), picture, 'the boundary was redrawn');
      await page.click('nn-playground >>> .play-button');
      await page.waitFor(() => document.querySelector('nn-playground').metrics.running === false);
      await assertClean(page);
    });

    test(`${name}: a select, a slider, a toggle, +/- buttons, feature thumbnails and data sets`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=circle&seed=2&epochsPerFrame=1');
      await trainFor(page, 10);
      // A live select: training goes on from where it was.
      await page.setValue('nn-playground >>> select[data-key="learningRate"]', '0.1');
      await page.waitFor(() => /learningRate=0\.1(&|$)/.test(location.hash));
      assert.ok((await page.evaluate(metrics)).epoch >= 10, 'a learning-rate change does not reset');
      // A structural select: the network is built again.
      await page.setValue('nn-playground >>> select[data-key="activation"]', 'sigmoid');
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 0);
      assert.equal((await page.evaluate(hashOf)).activation, 'sigmoid');
      // A slider.
      await page.setValue('nn-playground >>> input[data-key="noise"]', 35);
      await page.waitFor(() => /noise=35(&|$)/.test(location.hash));
      // A checkbox, clicked with the mouse: the test points appear on the map.
      const points = await page.evaluate(fingerprint, '.heatmap-points');
      await page.click('nn-playground >>> [data-key="showTestData"]');
      await page.waitFor(() => /showTestData=true/.test(location.hash));
      assert.equal(await page.evaluate(() => deep('nn-playground >>> [data-key="showTestData"]').checked), true);
      assert.notEqual(await page.evaluate(fingerprint, '.heatmap-points'), points, 'test points drawn');
      // + layer, - neuron.
      await page.click('nn-playground >>> [data-role="add-layer"]');
      await page.waitFor(() => /networkShape=4,2,2(&|$)/.test(location.hash));
      await page.click('nn-playground >>> [data-role="remove-neuron"][data-layer="0"]');
      await page.waitFor(() => /networkShape=3,2,2(&|$)/.test(location.hash));
      // The hash is written when the click is taken; the diagram is rebuilt on the next frame.
      await page.waitFor(() => document.querySelectorAll('nn-playground')[0].shadowRoot
        .querySelectorAll('[data-role="neuron"]').length === 3 + 2 + 2 + 1, { what: '3 + 2 + 2 + 1 neurons drawn' });
      // A feature thumbnail toggles its input.
      await page.click('nn-playground >>> [data-role="feature"][data-key="xSquared"]');
      await page.waitFor(() => /xSquared=true/.test(location.hash));
      assert.equal(await page.evaluate(() => document.querySelector('nn-playground').shadowRoot
        .querySelectorAll('[data-role="feature"][aria-pressed="true"]').length), 3);
      // A data-set thumbnail.
      await page.click('nn-playground >>> .dataset-button[data-dataset="xor"]');
      await page.waitFor(() => /dataset=xor/.test(location.hash));
      assert.equal(await page.evaluate(() => deep('nn-playground >>> .dataset-button[data-dataset="xor"]')
        .getAttribute('aria-pressed')), 'true');
      await page.waitFor((p) => (() => {
        const canvas = document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-points');
        const data = ((c) => { const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height }).getContext('2d'); copy.drawImage(c, 0, 0); return copy; })(canvas).getImageData(0, 0, canvas.width, canvas.height).data;
        let hash = 0;
        for (let k = 0; k < data.length; k += 5) hash = (hash * 31 + data[k]) >>> 0;
        return hash !== p;
      })(), { args: [points], what: 'the xor points drawn' });
      await trainFor(page, 5);
      await page.screenshot(path.join(SHOTS, `${name}-controls.png`));
      await assertClean(page);
    });

    test(`${name}: a weight edited from the keyboard changes the running network`, TIMEOUT, async (t) => {
      const page = await open(t, '#seed=6');
      const cardText = () => {
        const card = deep('nn-playground >>> .nv-card');
        return card && card.getClientRects().length > 0 && card.querySelector('.nv-card-text').textContent;
      };
      await page.focus('nn-playground >>> [data-role="link"]');
      assert.match(await page.waitFor(cardText, { what: 'the weight card' }), /^Weight is -?\d/);
      await page.press('Enter');
      await page.waitFor(() => deep('nn-playground >>> .nv-card-input')?.getClientRects().length > 0, { what: 'the weight input' });
      await page.evaluate(() => { deep('nn-playground >>> .nv-card-input').value = ''; });
      await page.type('nn-playground >>> .nv-card-input', '2.5');
      await page.press('Enter');
      await page.focus('nn-playground >>> [data-role="link"]');
      await page.waitFor(() => deep('nn-playground >>> .nv-card-text')?.textContent === 'Weight is 2.5', { what: 'Weight is 2.5' });
      await assertClean(page);
    });

    test(`${name}: clicking a point on the map shows its forward pass with numbers`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=circle&seed=3&networkShape=4,2');
      await trainFor(page, 10);
      const [x, y] = await page.evaluate(() => document.querySelector('nn-playground').playground.firstPoint());
      // Map coordinates run from -6 to 6, y upwards.
      await page.click('nn-playground >>> .heatmap', { at: { x: (x + 6) / 12, y: (6 - y) / 12 } });
      const text = await page.waitFor(() => {
        const panel = deep('nn-playground >>> .tp-lines');
        return panel && panel.getClientRects().length > 0 && panel.textContent;
      }, { what: 'the trace panel' });
      // Numbers are printed with a true minus sign (U+2212).
      assert.match(text, /Input x = \([−-]?\d+\.\d+, [−-]?\d+\.\d+\)/);
      assert.match(text, /Hidden layer 1: z = \([−-]?\d+\.\d+(, [−-]?\d+\.\d+){3}\)/);
      assert.match(text, /loss = \d+\.\d+/);
      // The labels appear layer by layer (the animation is not reduced here).
      await page.waitFor((n) => document.querySelector('nn-playground').shadowRoot.querySelectorAll('.ov-label').length >= n,
        { args: [2 + 4 + 2 + 1], what: 'every node showing its values' });
      await page.screenshot(path.join(SHOTS, `${name}-follow-point.png`));
      await page.click('nn-playground >>> .tp-close');
      await page.waitFor(() => document.querySelector('nn-playground').shadowRoot.querySelectorAll('.ov-label').length === 0);
      await assertClean(page);
    });

    test(`${name}: the example post under a strict CSP: three instances, one trains when played, no violation`, TIMEOUT, async (t) => {
      const page = await suite.engine.open(null, { width: 1000, height: 800 });
      t.after(() => page.close());
      await page.goto(`${strict.base}examples/blog-post.html`);
      await page.waitFor(() => customElements.get('nn-playground') && document.querySelectorAll('nn-playground').length);
      assert.equal(await page.evaluate(() => document.querySelectorAll('nn-playground').length), 3);
      await page.evaluate(() => document.querySelector('nn-playground').scrollIntoView({ block: 'center', behavior: 'instant' }));
      await page.waitFor(drawn, { what: 'the first instance drawn' });
      const picture = await page.evaluate(fingerprint, '.heatmap-grid', 0);
      await page.click('nn-playground >>> .play-button');
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch >= 50, { timeout: 60_000 });
      assert.notEqual(await page.evaluate(fingerprint, '.heatmap-grid', 0), picture, 'its boundary was redrawn');
      // The other instances have their own state: the spiral, off screen, has not trained.
      assert.equal((await page.evaluate(metrics, 2)).epoch, 0);
      await page.screenshot(path.join(SHOTS, `${name}-embed-csp.png`));
      assert.deepEqual(await page.cspViolations(), [], 'no CSP violation');
      await assertClean(page);
    });

    test(`${name}: the element API: step, play, pause, reset, metrics, config and events`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=xor&seed=3');
      await page.evaluate(() => {
        window.seen = [];
        const el = document.querySelector('nn-playground');
        for (const type of ['play', 'pause', 'epoch']) el.addEventListener(type, (e) => window.seen.push([type, e.detail.epoch ?? null]));
      });
      await page.evaluate(() => document.querySelector('nn-playground').step());
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 1);
      await page.evaluate(() => document.querySelector('nn-playground').play());
      const playing = await page.waitFor(() => {
        const m = document.querySelector('nn-playground').metrics;
        return m.epoch >= 40 && m;
      }, { timeout: 60_000 });
      assert.equal(playing.running, true);
      assert.ok(Number.isFinite(playing.trainLoss) && Number.isFinite(playing.testAccuracy), JSON.stringify(playing));
      await page.evaluate(() => document.querySelector('nn-playground').pause());
      await page.waitFor(() => window.seen.some(([type]) => type === 'pause'));
      const seen = await page.evaluate(() => window.seen);
      assert.equal(seen[0][0], 'epoch', 'step sends an epoch event');
      assert.ok(seen.some(([type]) => type === 'play'), 'a play event');
      assert.ok(seen.filter(([type, e]) => type === 'epoch' && e > 1).length >= 1, 'epoch events while playing');
      assert.equal((await page.evaluate(metrics)).running, false);
      await page.evaluate(() => document.querySelector('nn-playground').reset());
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 0);

      await page.evaluate(() => { document.querySelector('nn-playground').config = { learningRate: 0.3, networkShape: [5, 2], dataset: 'circle' }; });
      const config = await page.waitFor(() => {
        const c = document.querySelector('nn-playground').config;
        return c.dataset === 'circle' && c;
      });
      assert.equal(config.learningRate, 0.3);
      assert.deepEqual(config.networkShape, [5, 2]);
      assert.equal(await page.evaluate(() => deep('nn-playground >>> select[data-key="learningRate"]').value), '0.3');
      await page.waitFor(() => /networkShape=5,2(&|$)/.test(location.hash));
      // A bad setting gets a message; the element keeps working.
      await page.evaluate(() => { document.querySelector('nn-playground').config = { batchSize: 'lots' }; });
      assert.match(await page.evaluate(visibleMessages), /batchSize: "lots" is not a whole number.*\(config\)/);
      await page.evaluate(() => document.querySelector('nn-playground').step());
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 1);
      await assertClean(page);
    });

    // Every animation frame a page asks for is a rendering update: a paused playground that
    // polled on each display frame kept 11 % of a core busy in Chromium (bench/idle-cpu.mjs).
    test(`${name}: paused and drawn, the playground asks for no animation frames; a change wakes it for one frame`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=circle&seed=3');
      // Every animation frame the page asks for from here on, over 1.5 s (ours excepted).
      const framesAskedFor = () => new Promise((done) => {
        const own = window.requestAnimationFrame;
        let asked = 0;
        window.requestAnimationFrame = (fn) => { asked++; return own.call(window, fn); };
        setTimeout(() => { window.requestAnimationFrame = own; done(asked); }, 1500);
      });
      await page.evaluate(() => document.querySelector('nn-playground').play());
      await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch >= 5);
      assert.ok(await page.evaluate(framesAskedFor) >= 20, 'while training it asks for a frame on every display frame');
      await page.evaluate(() => document.querySelector('nn-playground').pause());
      await page.waitFor(() => !document.querySelector('nn-playground').metrics.running);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      assert.equal(await page.evaluate(framesAskedFor), 0, 'paused and drawn');
      const before = await page.evaluate(metrics);
      await page.evaluate(() => { location.hash = `${location.hash}&discretize=true`; });
      await page.waitFor((n) => document.querySelector('nn-playground').metrics.frames > n, { args: [before.frames], what: 'the change drawn' });
      await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      assert.equal(await page.evaluate(framesAskedFor), 0, 'drawn again, it stops again');
      assert.equal((await page.evaluate(metrics)).epoch, before.epoch, 'no training meanwhile');
      await assertClean(page);
    });

    test(`${name}: hostile URL hashes get a message and defaults, never markup, and it still trains`, TIMEOUT, async (t) => {
      const page = await open(t, '?hostile#batchSize=abc&dataset=xor&seed=3&learningRate=<b>x</b>&networkShape=<img src=x onerror=window.__pwned=1>');
      const text = await page.waitFor(visibleMessages, { what: 'a message' });
      assert.match(text, /batchSize: "abc" is not a whole number/);
      assert.match(text, /learningRate: "<b>x<\/b>" is not a number/);
      assert.match(text, /networkShape: "<img src=x onerror=window.__pwned=1>"/);
      const injected = () => {
        const found = [];
        const visit = (root) => {
          for (const el of root.querySelectorAll('b, img[src="x"], iframe, object, embed')) found.push(el.tagName);
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
        };
        visit(document);
        if (window.__pwned !== undefined) found.push('__pwned');
        return found;
      };
      assert.deepEqual(await page.evaluate(injected), []);
      const hash = await page.evaluate(hashOf);
      assert.equal(hash.batchSize, '10', 'the default batch size');
      assert.equal(hash.dataset, 'xor', 'good values are kept');
      // More through hashchange, as someone editing the address bar would.
      const values = ['1e400', 'NaN', '-1', '\u202eevil', '%zz', '__proto__', '"><script>window.__pwned=1</script>', 'x'.repeat(5000)];
      await page.evaluate(async (list) => {
        for (const v of list) {
          location.hash = `learningRate=${v}&networkShape=${v}&dataset=${v}&seed=${v}`;
          await new Promise((r) => setTimeout(r, 60));
        }
      }, values);
      assert.deepEqual(await page.evaluate(injected), []);
      await page.evaluate(() => { location.hash = 'dataset=xor&seed=3&networkShape=4,2&learningRate=0.03'; });
      await page.waitFor(() => document.querySelector('nn-playground').config.dataset === 'xor' && !document
        .querySelector('nn-playground').shadowRoot.querySelector('.message:not([hidden])'), { what: 'the sane hash taken, messages gone' });
      await trainFor(page, 20);
      assert.ok(Number.isFinite((await page.evaluate(metrics)).trainLoss));
      await assertClean(page);
    });

    for (const [width, height] of [[360, 800], [1366, 900]]) {
      for (const dpr of [1, 2]) {
        test(`${name}: renders at ${width} px, device-pixel-ratio ${dpr} (screenshot)`, TIMEOUT, async (t) => {
          const page = await open(t, '#dataset=spiral&seed=5', { width, height, dpr });
          // One step draws a trained frame; training at every size is not what this checks.
          await page.evaluate(() => document.querySelector('nn-playground').step());
          await page.waitFor(() => document.querySelector('nn-playground').metrics.epoch === 1);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          const seen = await page.evaluate(() => ({ width: innerWidth, dpr: devicePixelRatio,
            scrollWidth: document.documentElement.scrollWidth,
            mapBacking: document.querySelector('nn-playground').shadowRoot.querySelector('.heatmap-grid').width }));
          assert.equal(seen.width, width, 'the viewport is as asked');
          assert.equal(seen.dpr, dpr, 'the device-pixel-ratio is as asked');
          assert.ok(seen.scrollWidth <= width, `no sideways scrolling (${seen.scrollWidth} px wide)`);
          await page.screenshot(path.join(SHOTS, `${name}-${width}-dpr${dpr}.png`));
          await assertClean(page);
        });
      }
    }
  });
}
