// Memory of N <nn-playground> instances on one page, all on screen and training, from dist/.
// Two views: Chromium's performance.measureUserAgentSpecificMemory() (JS heaps and wasm
// memories of the page and its workers; needs a cross-origin-isolated page) and the
// proportional set size (Pss) of the page's renderer process, read from /proc.
// Then the floors of one engine per page (issue 15): at most 8 MiB of renderer Pss per extra
// instance, the first frame of a second playground at most 100 ms after it scrolls into view,
// and five equal playgrounds within 20 % of each other's epochs in the same time.
// Usage: node scripts/measure-memory.mjs [counts...] [--strict]   (default: 1 5; --strict exits
// 1 when a floor is missed)
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { buildDist } from './build-dist.mjs';

const SETUPS = [
  'dataset="gauss" network-shape=""', 'dataset="circle" network-shape="3"', 'dataset="xor" network-shape="4,2"',
  'dataset="spiral" network-shape="8,8,6" sin-x="true" sin-y="true"', 'dataset="circle" network-shape="6,6"',
];
const TRAIN_MS = 4000;
const KB = 1024;
const FLOORS = { pssPerInstanceMiB: 8, secondFirstFrameMs: 100, equalSpread: 0.2 };
const EQUAL = 'dataset="circle" network-shape="4,2"';

// Process ids under `root` (the browser), read from /proc/<pid>/stat.
function descendants(root) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended */ }
  }
  const out = [];
  const walk = (pid) => { for (const [child, p] of parent) if (p === pid) { out.push(child); walk(child); } };
  walk(root);
  return out;
}

// Summed Pss (kB) of the renderer processes of the browser `pid`.
function rendererPss(pid) {
  let total = 0;
  for (const child of descendants(pid)) {
    try {
      if (!readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${child}/smaps_rollup`, 'utf8'))[1]);
    } catch { /* the process ended */ }
  }
  return total;
}

// The viewport is as tall for every count (all of the largest page on screen): a taller
// viewport alone costs renderer memory (raster tiles), which is not a playground's cost.
async function measure(browser, browserPid, base, count, maxCount) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1800 * maxCount } });
  page.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`${base}page-${count}.html`);
  await page.waitForFunction((n) => [...document.querySelectorAll('nn-playground')]
    .filter((el) => el.metrics.frames > 0).length === n, count, { timeout: 30000 });
  await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
  await page.waitForTimeout(TRAIN_MS);
  const ua = await page.evaluate(async () => {
    const result = await performance.measureUserAgentSpecificMemory();
    const workers = result.breakdown.filter((b) => b.attribution.some((a) => a.scope === 'DedicatedWorkerGlobalScope'));
    return { total: result.bytes, workers: workers.map((b) => b.bytes) };
  });
  const pss = rendererPss(browserPid);
  const epochs = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) => el.metrics.epoch));
  await page.close();
  return { count, ua, pss, epochs };
}

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0 && n <= SETUPS.length);
const strict = process.argv.includes('--strict');
const site = mkdtempSync(path.join(tmpdir(), 'nnplay-memory-'));
await buildDist({ outDir: path.join(site, 'dist'), quiet: true });
const pageHtml = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>memory</title><link rel="icon" href="dist/favicon.svg"><script type="module" src="dist/nnplay.js"></script></head>
<body>${body}</body></html>`;
for (const count of counts.length ? counts : [1, 5]) {
  const elements = SETUPS.slice(0, count).map((s) => `<nn-playground ${s} seed="m"></nn-playground>`).join('\n');
  writeFileSync(path.join(site, `page-${count}.html`), pageHtml(elements));
}
writeFileSync(path.join(site, 'equal.html'), pageHtml(Array.from({ length: 5 },
  () => `<nn-playground ${EQUAL} seed="m"></nn-playground>`).join('\n')));
// The second playground far below the first: off screen until the script scrolls to it.
writeFileSync(path.join(site, 'scroll.html'), pageHtml(`<nn-playground ${EQUAL} seed="a"></nn-playground>
<style>#gap { height: 3000px; }</style><div id="gap"></div><nn-playground id="second" ${EQUAL} seed="b"></nn-playground>`));

// Epochs of five equal playgrounds after TRAIN_MS, all on screen and playing.
async function equalEpochs(browser, base) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1800 * 5 } });
  await page.goto(`${base}equal.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('nn-playground')].every((el) => el.metrics.frames > 0),
    null, { timeout: 30000 });
  await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
  await page.waitForTimeout(TRAIN_MS);
  const seen = await page.evaluate(() => [...document.querySelectorAll('nn-playground')]
    .map((el) => [el.metrics.epoch, el.metrics.frames]));
  await page.close();
  console.log(`  (frames drawn: ${seen.map(([, f]) => f).join(', ')})`);
  return seen.map(([e]) => e);
}

// Milliseconds from scrolling the second playground into view to its first drawn frame, with the
// first one on screen, trained and playing (so the module is already compiled).
async function secondFirstFrame(browser, base) {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${base}scroll.html`);
  await page.waitForFunction(() => document.querySelector('nn-playground').metrics.frames > 0, null, { timeout: 30000 });
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForTimeout(1000);
  const ms = await page.evaluate(() => new Promise((resolve) => {
    const second = document.getElementById('second');
    const start = performance.now();
    second.scrollIntoView();
    const poll = () => (second.metrics.frames > 0 ? resolve(performance.now() - start) : requestAnimationFrame(poll));
    poll();
  }));
  await page.close();
  return ms;
}

const server = await startServer(site, { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
// launchServer rather than launch: it gives the browser's process id.
const browserServer = await chromium.launchServer({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--enable-blink-features=ForceEagerMeasureMemory'] });
const browser = await chromium.connect(browserServer.wsEndpoint());
try {
  const base = `http://127.0.0.1:${server.address().port}/`;
  const results = [];
  for (const count of counts.length ? counts : [1, 5]) {
    const r = await measure(browser, browserServer.process().pid, base, count, Math.max(...(counts.length ? counts : [1, 5])));
    results.push(r);
    const workers = r.ua.workers.map((b) => (b / KB / KB).toFixed(2)).join(', ');
    console.log(`${count} instance(s): measureUserAgentSpecificMemory ${(r.ua.total / KB / KB).toFixed(1)} MiB `
      + `(workers: ${workers} MiB); renderer Pss ${(r.pss / KB).toFixed(1)} MiB; epochs ${r.epochs.join(', ')}`);
  }
  const missed = [];
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    const n = b.count - a.count;
    const pssPer = (b.pss - a.pss) / n / KB;
    console.log(`per extra instance: ${((b.ua.total - a.ua.total) / n / KB / KB).toFixed(2)} MiB (JS + wasm heaps), `
      + `${pssPer.toFixed(1)} MiB (renderer Pss); floor ${FLOORS.pssPerInstanceMiB} MiB`);
    if (pssPer > FLOORS.pssPerInstanceMiB) missed.push('renderer Pss per extra instance');
  }
  const equal = await equalEpochs(browser, base);
  const spread = (Math.max(...equal) - Math.min(...equal)) / Math.max(...equal);
  console.log(`five equal playgrounds (${EQUAL}), ${TRAIN_MS} ms: epochs ${equal.join(', ')}; `
    + `spread ${(100 * spread).toFixed(1)} % of the most; floor ${100 * FLOORS.equalSpread} %`);
  if (!(spread <= FLOORS.equalSpread)) missed.push('five equal playgrounds');
  const firstFrame = await secondFirstFrame(browser, base);
  console.log(`second playground: first frame ${firstFrame.toFixed(0)} ms after it scrolled into view; `
    + `floor ${FLOORS.secondFirstFrameMs} ms`);
  if (firstFrame > FLOORS.secondFirstFrameMs) missed.push('first frame of a second playground');
  console.log(missed.length ? `MISSED floors: ${missed.join('; ')}` : 'all floors met');
  if (strict && missed.length) process.exitCode = 1;
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
