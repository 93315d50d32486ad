// Memory of N <nn-playground> instances on one page, all on screen and training, from dist/.
// Two views: Chromium's performance.measureUserAgentSpecificMemory() (JS heaps and wasm
// memories of the page and its workers; needs a cross-origin-isolated page) and the
// proportional set size (Pss) of the page's renderer process, read from /proc.
// Usage: node scripts/measure-memory.mjs [counts...]   (default: 1 5)
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

async function measure(browser, browserPid, base, count) {
  const page = await browser.newPage({ viewport: { width: 900, height: 1800 * count } });
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
const site = mkdtempSync(path.join(tmpdir(), 'nnplay-memory-'));
await buildDist({ outDir: path.join(site, 'dist'), quiet: true });
for (const count of counts.length ? counts : [1, 5]) {
  const elements = SETUPS.slice(0, count).map((s) => `<nn-playground ${s} seed="m"></nn-playground>`).join('\n');
  writeFileSync(path.join(site, `page-${count}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>memory</title><link rel="icon" href="dist/favicon.svg"><script type="module" src="dist/nnplay.js"></script></head>
<body>${elements}</body></html>`);
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
    const r = await measure(browser, browserServer.process().pid, base, count);
    results.push(r);
    const workers = r.ua.workers.map((b) => (b / KB / KB).toFixed(2)).join(', ');
    console.log(`${count} instance(s): measureUserAgentSpecificMemory ${(r.ua.total / KB / KB).toFixed(1)} MiB `
      + `(workers: ${workers} MiB); renderer Pss ${(r.pss / KB).toFixed(1)} MiB; epochs ${r.epochs.join(', ')}`);
  }
  if (results.length >= 2) {
    const [a, b] = [results[0], results[results.length - 1]];
    const n = b.count - a.count;
    console.log(`per extra instance: ${((b.ua.total - a.ua.total) / n / KB / KB).toFixed(2)} MiB (JS + wasm heaps), `
      + `${((b.pss - a.pss) / n / KB).toFixed(1)} MiB (renderer Pss)`);
  }
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
