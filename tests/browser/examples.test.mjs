// examples/: each snippet rendered to the HTML its tool would write, then loaded in Chromium
// with the CDN (jsDelivr at the pinned version) stood in by the built dist/. Hugo and Jekyll do
// not run here: renderShortcode and renderInclude below do what the two templates ask of them
// and nothing more (Hugo ranges over named .Params in name order, htmlEscape, safeHTMLAttr;
// Jekyll's include hash in the order written, `escape`), and fail on any template syntax they
// do not know, so a changed template cannot pass untested. renderMarkdown passes raw HTML
// blocks through as CommonMark does and makes headings and paragraphs of the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openBrowser, newPage, ROOT } from './browser.mjs';
import { cdnUrl, iframeSnippet, heightListenerSnippet } from '../../web/element/snippets.js';
import { defaultState } from '../../web/state/state.js';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CDN = `https://cdn.jsdelivr.net/npm/nnplay@${version}/dist/`;
const read = (file) => readFileSync(path.join(ROOT, 'examples', file), 'utf8');
const escapeHtml = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
  .replace(/</g, '&lt;').replace(/>/g, '&gt;');

function leftovers(html, marks) {
  for (const mark of marks) if (html.includes(mark)) throw new Error(`template syntax left unrendered: ${html}`);
  return html;
}

export function renderShortcode(template, params) {
  let out = template.replace(/\{\{\/\*[\s\S]*?\*\/\}\}\n?/g, '');
  out = out.replace(/\{\{ range \$name, \$value := \.Params \}\}([\s\S]*?)\{\{ end \}\}/g, (_, body) =>
    Object.keys(params).sort().map((name) => body.replace(
      '{{ printf "%s=\\"%s\\"" $name (htmlEscape $value) | safeHTMLAttr }}', `${name}="${escapeHtml(params[name])}"`)).join(''));
  return leftovers(out, ['{{', '}}']);
}

export function renderInclude(template, params) {
  let out = template.replace(/\{% comment %\}[\s\S]*?\{% endcomment %\}\n?/g, '');
  out = out.replace(/\{% for param in include %\}([\s\S]*?)\{% endfor %\}/g, (_, body) =>
    Object.entries(params).map(([name, value]) => body.replace('{{ param[0] }}', name)
      .replace('{{ param[1] | escape }}', escapeHtml(value))).join(''));
  return leftovers(out, ['{%', '{{']);
}

export function renderMarkdown(text) {
  return text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean).map((block) => {
    if (block.startsWith('<')) return block;
    const inline = escapeHtml(block).replace(/`([^`]+)`/g, '<code>$1</code>');
    const heading = /^(#{1,6}) (.*)$/.exec(inline);
    return heading ? `<h${heading[1].length}>${heading[2]}</h${heading[1].length}>` : `<p>${inline}</p>`;
  }).join('\n');
}

const TYPES = { '.wasm': 'application/wasm', '.html': 'text/html', '.css': 'text/css', '.svg': 'image/svg+xml' };
const layout = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title>
<link rel="icon" href="data:,"></head><body>${body}</body></html>`;

// jsDelivr's URLs answered from the built dist/ (there is no network here).
function standInForCdn(page) {
  return page.route(`${CDN}**`, (route) => {
    const file = path.join(ROOT, 'dist', new URL(route.request().url()).pathname.split('/dist/')[1]);
    const type = TYPES[path.extname(file)] ?? 'text/javascript';
    route.fulfill({ body: readFileSync(file), contentType: type, headers: { 'Access-Control-Allow-Origin': '*' } });
  });
}

const POSTS = {
  'plain.html': { html: () => read('plain.html'), expect: [{ dataset: 'xor', networkShape: [2], learningRate: 0.1 }] },
  'markdown.md': { html: () => layout(renderMarkdown(read('markdown.md'))),
    expect: [{ dataset: 'xor', networkShape: [2] }, { dataset: 'xor', networkShape: [] }] },
  'hugo shortcode': {
    html: () => layout(`<p>Before.</p>\n${renderShortcode(read('hugo/layouts/shortcodes/nnplay.html'),
      { dataset: 'spiral', 'network-shape': '6,4', 'learning-rate': '0.03', seed: 'hugo' })}\n${
      renderShortcode(read('hugo/layouts/shortcodes/nnplay.html'), { dataset: 'gauss', controls: 'minimal' })}`),
    expect: [{ dataset: 'spiral', networkShape: [6, 4], seed: 'hugo' }, { dataset: 'gauss' }],
  },
  'jekyll include': {
    html: () => layout(renderInclude(read('jekyll/_includes/nnplay.html'),
      { dataset: 'moons', 'network-shape': '5', seed: 'jekyll-1' })),
    expect: [{ dataset: 'moons', networkShape: [5], seed: 'jekyll-1' }],
  },
};

test('the renderers substitute parameters as Hugo and Jekyll would, escaped', () => {
  const hugo = renderShortcode(read('hugo/layouts/shortcodes/nnplay.html'), { 'network-shape': '2', dataset: 'a"b' });
  assert.match(hugo, /<nn-playground dataset="a&quot;b" network-shape="2"><\/nn-playground>/);
  const jekyll = renderInclude(read('jekyll/_includes/nnplay.html'), { 'network-shape': '2', dataset: '<b>' });
  assert.match(jekyll, /<nn-playground network-shape="2" dataset="&lt;b&gt;"><\/nn-playground>/);
  for (const file of ['plain.html', 'markdown.md', 'hugo/layouts/shortcodes/nnplay.html', 'jekyll/_includes/nnplay.html']) {
    const urls = read(file).match(/https:\/\/cdn\.jsdelivr\.net\/npm\/nnplay@[^/]+\/dist\/nnplay\.js/g);
    assert.ok(urls?.length, `${file} loads the module from the CDN`);
    for (const url of urls) assert.equal(url, `${CDN}nnplay.js`, `${file} pins the version package.json publishes`);
  }
});

for (const [name, post] of Object.entries(POSTS)) {
  test(`examples/ ${name}: the rendered page's playgrounds load and train`, async (t) => {
    const site = mkdtempSync(path.join(tmpdir(), 'nnplay-examples-'));
    t.after(() => rmSync(site, { recursive: true, force: true }));
    writeFileSync(path.join(site, 'index.html'), post.html());
    writeFileSync(path.join(site, 'favicon.ico'), '');
    const { browser, base } = await openBrowser(t, { folder: path.relative(ROOT, site) });
    const { page, problems } = await newPage(browser, { height: 1800 * post.expect.length });
    await standInForCdn(page);
    await page.goto(base);
    const count = post.expect.length;
    await page.waitForFunction((n) => [...document.querySelectorAll('nn-playground')].filter((el) => el.metrics.frames > 0)
      .length === n, count, { timeout: 20000 });
    assert.equal(await page.locator('nn-playground').count(), count);
    for (const [i, wanted] of post.expect.entries()) {
      const config = await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].config, i);
      for (const [key, value] of Object.entries(wanted)) assert.deepEqual(config[key], value, `${name} #${i} ${key}`);
    }
    await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
    await page.waitForFunction(() => [...document.querySelectorAll('nn-playground')].every((el) => el.metrics.epoch >= 5),
      null, { timeout: 20000 });
    assert.deepEqual(problems, []);
  });
}

test('the iframe snippet with the listener snippet: the iframe takes its content height', async (t) => {
  const site = mkdtempSync(path.join(tmpdir(), 'nnplay-iframe-'));
  t.after(() => rmSync(site, { recursive: true, force: true }));
  const iframe = iframeSnippet({ ...defaultState(), dataset: 'xor', seed: 'frame' }, cdnUrl(version));
  writeFileSync(path.join(site, 'index.html'), layout(`<p>Before.</p>\n${iframe}\n${heightListenerSnippet()}`));
  const { browser, base } = await openBrowser(t, { folder: path.relative(ROOT, site) });
  const { page, problems } = await newPage(browser, { width: 800, height: 1600 });
  await standInForCdn(page);
  assert.match(iframe, / height="560"/);
  await page.goto(base);
  await page.waitForFunction(() => document.querySelector('iframe').height !== '560', null, { timeout: 20000 });
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  // The content's height and the iframe's, read together until they agree twice in a row: the
  // embed may still lay out (its first frame, a read-out's width) after a height was posted, so
  // a single reading of either could be the one before the last message.
  const contentHeight = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  const iframeHeight = () => page.evaluate(() => Number(document.querySelector('iframe').height));
  let inner = -1;
  let outer = -2;
  for (let agreed = 0, end = Date.now() + 20000; agreed < 2 && Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    [inner, outer] = [await contentHeight(), await iframeHeight()];
    agreed = inner === outer ? agreed + 1 : 0;
  }
  assert.equal(outer, inner, 'the iframe takes the height its content posts');
  assert.ok(inner > 200, `content height ${inner}`);
  assert.ok(await page.locator('iframe').getAttribute('title'));
  assert.deepEqual(problems, []);
});
