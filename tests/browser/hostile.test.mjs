// Hostile input in real Chromium: hundreds of generated URL hashes (through hashchange and a few
// full loads) and the same values as <nn-playground> attributes and .config settings. Nothing
// may throw, log a console error, inject markup or stop the playground from training.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage } from './browser.mjs';
import { SCHEMA } from '../../web/state/state.js';

const KEYS = Object.keys(SCHEMA);
const toKebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// Every value here would run script if it reached the page as HTML or as code.
const PWN = 'window.__pwned=1';
const MARKUP = [
  `<img src=x onerror=${PWN}>`,
  `"><script>${PWN}</script>`,
  `'><svg onload=${PWN}>`,
  `</style><img src=x onerror=${PWN}>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `javascript:${PWN}`,
  `\${${PWN}}`,
  `{{constructor.constructor('${PWN}')()}}`,
  `');${PWN};('`,
  `<b>bold</b>`,
];
const NUMBERS = ['1e308', '-1e308', '1e400', '-1e400', '1e-400', '-1', '-0', '0', '999999999999999999999',
  '-2147483649', '4294967296', 'NaN', 'nan', 'Infinity', '-Infinity', 'inf', '0x1f', '1_000', '+5',
  '.', '3.', '1e', 'e5', '1,2', '8,8,8,8,8,8,8,8,8', '64,64,64,64,64,64,64,64', '0,0', '65', ',', '4,,2'];
const TEXT = ['', ' ', 'true', 'TRUE', 'false ', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor',
  'toString', '=', '==', '&', '#', 'a=b=c', '\t\n', 'ünïcödé', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u202eevil', '日本語',
  '\u0000', '\ud800', 'ℌ'.repeat(300)];
const PERCENT = ['%', '%%', '%zz', '%E0%A4%A', '%00', '%0a%0d', '%C0%AF', '%FF%FE',
  // Encoded markup: decodeURIComponent turns these back into live-looking text.
  encodeURIComponent(MARKUP[0]), encodeURIComponent(MARKUP[1]), '%26dataset%3Dxor', '%3D%3D'];
const LONG = ['x'.repeat(10_000), '9'.repeat(10_000), '8,'.repeat(5_000), '<b>'.repeat(3_400),
  '%'.repeat(10_000), encodeURIComponent(MARKUP[0]).repeat(200)];
const VALUES = [...MARKUP, ...NUMBERS, ...TEXT, ...PERCENT, ...LONG];
const UNKNOWN_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'foo', '',
  '<img src=x onerror=window.__pwned=1>', 'learningRate_hide', '__proto___hide', 'x_hide', '%zz', 'learning-rate'];

// Hash text with the value as it is (the browser percent-encodes what it must).
const pair = (key, value) => `${key}=${value}`;

// A few hundred hashes: every value on every key at once (short values), each value on a few
// keys in turn, unknown and repeated keys, and hide flags.
function hostileHashes() {
  const hashes = [];
  const short = VALUES.filter((v) => v.length < 400);
  for (const value of short) hashes.push(KEYS.map((k) => pair(k, value)).join('&'));
  VALUES.forEach((value, i) => {
    for (let j = 0; j < 2; ++j) hashes.push(pair(KEYS[(i * 2 + j) % KEYS.length], value));
  });
  short.forEach((value, i) => {
    const key = UNKNOWN_KEYS[i % UNKNOWN_KEYS.length];
    hashes.push(`${pair(key, value)}&dataset=xor&dataset=${value}&dataset=spiral&${pair(key, value)}`);
  });
  hashes.push('&&&', '=&=&=', '=xor', 'dataset', 'dataset=', `${'&'.repeat(5000)}dataset=xor`,
    KEYS.map((k) => `${k}_hide=${MARKUP[0]}`).join('&'), `${'a'.repeat(10_000)}_hide=true`,
    KEYS.map((k) => `${k}=`).join('&'), KEYS.map((k) => k).join('&'));
  return hashes;
}

// In the page: walks the document and every shadow root for anything the payloads above could
// have added: script-capable elements, the payloads' own <img src=x> and <b>bold</b>, inline event
// handlers, and attribute values carrying a payload (nn-playground hosts excepted: the test put
// those values there on purpose).
function injectedMarkup() {
  const found = [];
  const FORBIDDEN = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME']);
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (FORBIDDEN.has(el.tagName) && !(tag === 'script' && el.closest('head'))) found.push(`<${tag}>`);
      if (tag === 'img' && el.getAttribute('src') === 'x') found.push('<img src=x>');
      if (tag === 'b' && el.textContent === 'bold') found.push('<b>bold</b>');
      if (tag !== 'nn-playground') {
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
          if (/__pwned|javascript:/i.test(a.value)) found.push(`${tag}[${a.name}="${a.value.slice(0, 60)}"]`);
        }
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  if (window.__pwned !== undefined) found.push('window.__pwned was set');
  return found;
}

// Waits until the n-th playground's epoch passes `epoch` while playing; returns its metrics.
async function trains(page, index = 0, timeout = 20_000) {
  const start = await page.evaluate((i) => {
    const el = document.querySelectorAll('nn-playground')[i];
    el.scrollIntoView();   // off screen, a playground rests by design
    el.play();
    return el.metrics.epoch;
  }, index);
  await page.waitForFunction(([i, e]) => document.querySelectorAll('nn-playground')[i].metrics.epoch > e + 5,
    [index, start], { timeout });
  return page.evaluate((i) => {
    const el = document.querySelectorAll('nn-playground')[i];
    el.pause();
    return el.metrics;
  }, index);
}

// The text of the element's messages (reported problems), read as text.
function messages(page, index = 0) {
  return page.evaluate((i) => [...document.querySelectorAll('nn-playground')[i].shadowRoot
    .querySelectorAll('.message')].filter((m) => !m.hidden).map((m) => m.textContent).join('\n'), index);
}

test('hundreds of hostile URL hashes: no exception, no console error, no markup, and it still trains', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  const hashes = hostileHashes();
  assert.ok(hashes.length >= 200, `${hashes.length} hashes`);

  // A handful of full loads with a hostile hash; the query makes each a new document.
  const loads = [hashes[0], hashes[5], pair('learningRate', LONG[0]), KEYS.map((k) => pair(k, PERCENT[0])).join('&'),
    `seed=${MARKUP[0]}&networkShape=${MARKUP[1]}&dataset=${encodeURIComponent(MARKUP[0])}`];
  for (const [i, hash] of loads.entries()) {
    await page.goto(`${base}?load=${i}#${hash}`);
    await page.waitForFunction(() => document.querySelector('nn-playground')?.shadowRoot?.querySelector('.message'));
    assert.deepEqual(await page.evaluate(injectedMarkup), [], `full load ${i}`);
  }
  const shown = await messages(page);
  assert.match(shown, /seed: "<img src=x onerror=window.__pwned=1>"/, 'the bad value is reported, as text');

  // The rest through hashchange on one document, as a person editing the address bar would.
  const changed = await page.evaluate(async (list) => {
    let events = 0;
    addEventListener('hashchange', () => { events += 1; });
    for (const hash of list) {
      const before = events;
      location.hash = hash;
      // The listener runs in a later task; a hash equal to the current one fires nothing.
      for (let i = 0; i < 20 && events === before; ++i) await new Promise((r) => setTimeout(r, 5));
    }
    return events;
  }, hashes);
  assert.ok(changed > hashes.length * 0.8, `${changed} hashchange events for ${hashes.length} hashes`);
  assert.deepEqual(await page.evaluate(injectedMarkup), []);

  // A sane hash afterwards is taken as it is, and the playground trains.
  await page.evaluate(() => { location.hash = 'dataset=xor&seed=3&networkShape=4,2&learningRate=0.03'; });
  await page.waitForFunction(() => document.querySelector('nn-playground').config.dataset === 'xor');
  const m = await trains(page);
  assert.ok(Number.isFinite(m.trainLoss), `train loss ${m.trainLoss}`);
  assert.equal(await messages(page), '', 'no message is left once the hash is valid');
  assert.deepEqual(problems, [], problems.slice(0, 5).join('\n'));
  console.log(`hostile: ${loads.length} full loads and ${hashes.length} hashes (${changed} hashchange events); ` +
    `then trained to epoch ${m.epoch}`);
});

test('the same values as attributes and .config of created <nn-playground> elements', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}?embed#dataset=circle`);
  await page.waitForFunction(() => customElements.get('nn-playground'));
  const attributes = [...KEYS.map(toKebab), 'hide', 'height', 'theme', 'controls'];

  const counts = await page.evaluate(async ({ values, names }) => {
    const settle = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let created = 0;
    let changes = 0;
    let configs = 0;
    // One element per value with every attribute set to it before it is connected; all at
    // once, so only the few on screen start a worker...
    const batch = document.createElement('div');
    for (const value of values) {
      const el = document.createElement('nn-playground');
      for (const name of names) el.setAttribute(name, value);
      batch.append(el);
      created += 1;
    }
    document.body.prepend(batch);
    await settle();
    await settle();
    const unreported = [...batch.children].filter((el) => !el.shadowRoot?.querySelector('.message:not([hidden])'));
    batch.remove();
    // ...and one connected element whose attributes and config change under it.
    const live = document.createElement('nn-playground');
    document.body.prepend(live);
    await settle();
    for (const value of values) {
      for (const name of names) { live.setAttribute(name, value); changes += 1; }
      const config = {};
      for (const name of names) config[name.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
      config[value] = value;   // an unknown (possibly odd) key
      live.config = config;
      configs += 1;
    }
    await settle();
    for (const name of names) live.removeAttribute(name);
    live.config = { dataset: 'gauss', seed: 'a1', networkShape: [4, 2], hidden: [] };
    return { created, changes, configs, unreported: unreported.length };
  }, { values: VALUES, names: attributes });
  assert.deepEqual(await page.evaluate(injectedMarkup), []);
  // Every value is wrong for some attribute, so every element shows a message.
  assert.equal(counts.unreported, 0, 'elements that showed no message');

  // The element that took every value trains, and so does the page's own playground.
  const live = await page.evaluate(() => document.querySelectorAll('nn-playground').length - 2);
  assert.equal(live, 0, 'the live element is first on the page');
  assert.equal(await page.evaluate(() => document.querySelector('nn-playground').config.dataset), 'gauss');
  const m = await trains(page, 0);
  assert.ok(Number.isFinite(m.trainLoss), `train loss ${m.trainLoss}`);
  await trains(page, 1);
  assert.deepEqual(problems, [], problems.slice(0, 5).join('\n'));
  console.log(`hostile: ${counts.created} elements created with hostile attributes, ${counts.changes} attribute ` +
    `changes and ${counts.configs} .config settings on a live element; it trained to epoch ${m.epoch}`);
});
