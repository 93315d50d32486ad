// The share dialog's texts: attributes only for non-default settings, values escaped, and URLs
// relative to the module that defines the element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributesFor, elementSnippet, iframeSnippet, permalink, toKebab, toCamel } from '../../../web/element/snippets.js';
import { defaultState, parseHash } from '../../../web/state/state.js';

const MODULE = 'https://example.org/posts/nnplay/nnplay.js';

test('the default setup needs no attributes', () => {
  assert.deepEqual(attributesFor(defaultState()), []);
});

test('non-default settings become kebab-case attributes in table order, hidden controls become hide', () => {
  const state = { ...defaultState(), dataset: 'spiral', networkShape: [], learningRate: 0.1, x: false, seed: '42',
    hidden: ['noise', 'batchSize'] };
  assert.deepEqual(attributesFor(state), [['dataset', 'spiral'], ['learning-rate', '0.1'], ['network-shape', ''],
    ['seed', '42'], ['x', 'false'], ['hide', 'noise,batchSize']]);
});

test('the element snippet loads the module by its full URL and wraps long tags', () => {
  const state = { ...defaultState(), dataset: 'spiral', networkShape: [8, 8, 6], learningRate: 0.003, activation: 'relu',
    noise: 10, sinX: true, sinY: true, seed: 'post-3' };
  const [script, ...tag] = elementSnippet(state, MODULE).split('\n');
  assert.equal(script, `<script type="module" src="${MODULE}"></script>`);
  assert.ok(tag.length > 1, 'wrapped');
  assert.ok(tag.every((line) => line.length <= 90), tag.join('\n'));
  assert.match(tag.join(' '), /^<nn-playground activation="relu" dataset="spiral" .*sin-y="true"><\/nn-playground>$/);
});

test('permalink and iframe point next to the module and carry the whole setup', () => {
  const state = { ...defaultState(), dataset: 'xor', seed: '7', hidden: ['noise'] };
  const link = permalink(state, MODULE);
  assert.match(link, /^https:\/\/example\.org\/posts\/nnplay\/index\.html#/);
  const parsed = parseHash(new URL(link).hash);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual([parsed.state.dataset, parsed.state.seed, parsed.state.hidden], ['xor', '7', ['noise']]);
  const iframe = iframeSnippet(state, MODULE);
  assert.match(iframe, /^<iframe src="https:\/\/example\.org\/posts\/nnplay\/embed\.html#[^"]*dataset=xor/);
  assert.ok(!/&(?!amp;)/.test(iframe), 'ampersands in the URL are escaped for HTML');
});

test('key names convert both ways', () => {
  assert.equal(toKebab('regularizationRate'), 'regularization-rate');
  assert.equal(toCamel('regularization-rate'), 'regularizationRate');
  assert.equal(toCamel(toKebab('xTimesY')), 'xTimesY');
});

test('the iframe carries only the non-default settings, and they read back to the same setup', () => {
  const state = { ...defaultState(), dataset: 'spiral', networkShape: [6, 4], seed: 'a.b_c', regularization: 'L2', hidden: ['noise'] };
  const src = /src="([^"]*)"/.exec(iframeSnippet(state, MODULE))[1].replace(/&amp;/g, '&');
  const hash = new URL(src).hash;
  assert.equal(hash, '#regularization=L2&dataset=spiral&networkShape=6,4&seed=a.b_c&noise_hide=true');
  const parsed = parseHash(hash);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.state, state);
});

test('the CDN snippet pins the exact version package.json publishes', async () => {
  const { readFile } = await import('node:fs/promises');
  const { cdnSnippet } = await import('../../../web/element/snippets.js');
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
  const [script, tag] = cdnSnippet({ ...defaultState(), dataset: 'xor' }).split('\n');
  assert.equal(script, `<script type="module" src="https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/nnplay.js"></script>`);
  assert.equal(tag, '<nn-playground dataset="xor"></nn-playground>');
});

test('the iframe height listener is three lines of script and sets only the height of the iframe that posted', async () => {
  const { heightListenerSnippet } = await import('../../../web/element/snippets.js');
  const lines = heightListenerSnippet().split('\n');
  assert.equal(lines.length, 5);
  assert.deepEqual([lines[0], lines[4]], ['<script>', '</script>']);
  // Run the three lines against a stand-in page with two iframes.
  const frames = [{ contentWindow: {}, height: '560' }, { contentWindow: {}, height: '560' }];
  let listener = null;
  const run = new Function('addEventListener', 'document', lines.slice(1, 4).join('\n'));
  run((type, fn) => { if (type === 'message') listener = fn; }, { querySelectorAll: () => frames });
  listener({ source: frames[1].contentWindow, data: { type: 'nnplay:height', height: 731.2 } });
  listener({ source: frames[0].contentWindow, data: { type: 'other', height: 5 } });
  listener({ source: {}, data: { type: 'nnplay:height', height: 9 } });
  assert.deepEqual(frames.map((f) => f.height), ['560', '732']);
});
