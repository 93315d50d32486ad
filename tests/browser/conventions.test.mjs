// web.dev's custom element best practices, one test each: properties set before the element is
// defined are picked up; simple attributes and properties reflect; :host([hidden]) hides; the
// page author's tabindex and role are left alone; events report what the element does, never
// what the page set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

const EVENTS = ['epoch', 'play', 'pause', 'diverged', 'stopped', 'error', 'data', 'select'];

// A page of our own markup that loads the module only when the test says so.
async function blank(page, base, body = '') {
  await page.route(`${base}blank.html`, (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="favicon.svg"></head><body>${body}</body></html>` }));
  await page.goto(`${base}blank.html`);
}
const define = (page, base) => page.evaluate((url) => import(url), `${base}nnplay.js`);

test('properties set before the element is defined are picked up when it upgrades', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await blank(page, base, '<nn-playground id="a"></nn-playground>');
  await page.evaluate(() => {
    const a = document.getElementById('a');
    a.config = { dataset: 'xor', learningRate: 0.3 };
    a.controls = 'minimal';
    a.theme = 'dark';
    a.share = true;
    const b = document.createElement('nn-playground');
    b.id = 'b';
    b.config = { networkShape: [3] };
    b.hide = 'noise';
    document.body.append(b);
  });
  await define(page, base);
  await firstFrame(page, 0);
  await firstFrame(page, 1);
  const seen = await page.evaluate(() => {
    const [a, b] = [document.getElementById('a'), document.getElementById('b')];
    return { dataset: a.config.dataset, rate: a.config.learningRate, controls: a.getAttribute('controls'),
      theme: a.getAttribute('theme'), share: Boolean(a.shadowRoot.querySelector('.share-button')),
      shape: b.config.networkShape, hidden: b.config.hidden, hide: b.getAttribute('hide'),
      own: ['config', 'controls', 'theme', 'share'].filter((p) => Object.prototype.hasOwnProperty.call(a, p)) };
  });
  assert.deepEqual(seen, { dataset: 'xor', rate: 0.3, controls: 'minimal', theme: 'dark', share: true,
    shape: [3], hidden: ['noise'], hide: 'noise', own: [] });
  assert.deepEqual(problems, []);
});

test('simple attributes and properties reflect both ways', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await blank(page, base, '<nn-playground></nn-playground>');
  await define(page, base);
  const seen = await page.evaluate(() => {
    const el = document.querySelector('nn-playground');
    const out = { defaults: [el.controls, el.theme, el.height, el.hide, el.autoplay, el.share] };
    el.controls = 'none';
    el.theme = 'auto';
    el.height = '420';
    el.hide = 'noise,batchSize';
    el.autoplay = true;
    el.share = true;
    out.attributes = ['controls', 'theme', 'height', 'hide', 'autoplay', 'share'].map((a) => el.getAttribute(a));
    el.setAttribute('controls', 'minimal');
    el.setAttribute('theme', 'DARK');
    el.removeAttribute('autoplay');
    el.height = null;
    out.properties = [el.controls, el.theme, el.autoplay, el.hasAttribute('height')];
    el.setAttribute('controls', 'bogus');
    out.bogus = el.controls;
    return out;
  });
  assert.deepEqual(seen, { defaults: ['full', 'light', null, '', false, false],
    attributes: ['none', 'auto', '420', 'noise,batchSize', '', ''], properties: ['minimal', 'dark', false, false], bogus: 'full' });
  assert.deepEqual(problems, []);
});

test('the hidden attribute hides the element even against a page rule', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page } = await newPage(browser);
  await blank(page, base, '<style>nn-playground { display: block; }</style><nn-playground></nn-playground>');
  await define(page, base);
  await firstFrame(page);
  const display = () => page.evaluate(() => getComputedStyle(document.querySelector('nn-playground')).display);
  assert.equal(await display(), 'block');
  await page.evaluate(() => { document.querySelector('nn-playground').hidden = true; });
  assert.equal(await display(), 'none');
});

test("the page author's tabindex and role stay; the element adds none of its own", async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await blank(page, base, '<nn-playground tabindex="-1" role="region" aria-label="XOR demo"></nn-playground><nn-playground></nn-playground>');
  await define(page, base);
  await firstFrame(page, 0);
  // The second starts when seen: the first, with every control, fills the viewport.
  await page.evaluate(() => document.querySelectorAll('nn-playground')[1].scrollIntoView());
  await firstFrame(page, 1);
  await page.evaluate(() => document.querySelector('nn-playground').step());
  const seen = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) =>
    [el.getAttribute('tabindex'), el.getAttribute('role'), el.getAttribute('aria-label')]));
  assert.deepEqual(seen, [['-1', 'region', 'XOR demo'], [null, null, null]]);
  assert.deepEqual(problems, []);
});

test('setting attributes, properties and config fires no event; what the element does fires one', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await blank(page, base, '<nn-playground seed="ev"></nn-playground>');
  await page.evaluate((names) => {
    window.fired = [];
    const el = document.querySelector('nn-playground');
    for (const name of names) el.addEventListener(name, () => window.fired.push(name));
  }, EVENTS);
  await define(page, base);
  await firstFrame(page);
  await page.evaluate(() => {
    const el = document.querySelector('nn-playground');
    el.config = { dataset: 'xor', learningRate: 0.1, networkShape: [3] };
    el.setAttribute('noise', '10');
    el.setAttribute('learning-rate', '0.3');
    el.setAttribute('learning-rate', 'not a number');   // a message in the element, not an event
    el.controls = 'minimal';
    el.theme = 'dark';
    el.hide = 'noise';
  });
  // The rebuild is drawn (a frame of the new network), and a while more passes.
  await page.waitForFunction(() => document.querySelector('nn-playground').shadowRoot
    .querySelectorAll('[data-role="neuron"]').length === 3 + 1);
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.fired), []);
  // The reader presses Play: the element starts (play) and trains (epoch).
  await page.locator('nn-playground button[data-control="play"]').click();
  await page.waitForFunction(() => window.fired.includes('epoch'));
  assert.equal(await page.evaluate(() => window.fired[0]), 'play');
  assert.deepEqual(problems, []);
});
