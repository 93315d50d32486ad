// Where a playground's renderer memory goes: the same pages as measure-memory.mjs (N
// <nn-playground>s on one page, on screen and training), and for each count Chromium's own
// accounts of the renderer: its memory-infra dump per allocator (malloc, partition_alloc,
// v8, blink_gc, cc, skia, ...), the DOM counters, the page's and the worker's JS + wasm bytes
// (measureUserAgentSpecificMemory), and the main thread's heap by constructor; then each
// figure per extra playground (the difference between the first and last count, divided).
// Usage: node scripts/memory-breakdown.mjs [counts...] [--heap]   (default 1 5; --heap adds
// the heap snapshot, slow). A diagnosis tool: measure-memory.mjs holds the floors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { buildDist } from './build-dist.mjs';
import { SETUPS, TRAIN_MS, launchBrowser, playgroundsHtml, rendererRollups, viewport } from './memory-pages.mjs';

const MiB = 1024 * 1024;
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0 && n <= SETUPS.length);
if (counts.length < 2) counts.splice(0, counts.length, 1, 5);
const heap = process.argv.includes('--heap');

// One memory-infra dump of every process; the sizes (bytes) of the renderer `pid`'s allocators.
async function memoryInfra(cdp, pid) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['disabled-by-default-memory-infra'],
    excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } }, transferMode: 'ReportEvents' });
  await cdp.send('Tracing.requestMemoryDump', { deterministic: true, levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  const sizes = {};
  for (const event of events) {
    if (event.ph !== 'v' || event.pid !== pid) continue;
    for (const [name, dump] of Object.entries(event.args?.dumps?.allocators ?? {})) {
      const size = dump.attrs?.size?.value;
      if (size !== undefined) sizes[name] = parseInt(size, 16);
    }
  }
  return sizes;
}

// The main thread's heap: self sizes summed by node type and constructor name.
async function heapByConstructor(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const [T, N, S] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const out = {};
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + T]];
    const key = type === 'object' || type === 'native' ? `${type}:${snapshot.strings[snapshot.nodes[i + N]]}` : type;
    out[key] = (out[key] ?? 0) + snapshot.nodes[i + S];
  }
  return out;
}

const site = mkdtempSync(path.join(tmpdir(), 'nnplay-breakdown-'));
await buildDist({ outDir: path.join(site, 'dist'), quiet: true });
const max = Math.max(...counts);
for (const count of counts) writeFileSync(path.join(site, `page-${count}.html`), playgroundsHtml(count));
const server = await startServer(site, { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
const { server: browserServer, browser, pid: browserPid } = await launchBrowser({ measureMemory: true });
const browserCdp = await browser.newBrowserCDPSession();
const root = `http://127.0.0.1:${server.address().port}/`;
const figures = [];
try {
  for (const count of counts) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const page = await browser.newPage({ viewport: viewport(max) });
    page.on('pageerror', (e) => console.error(e.message));
    await page.goto(`${root}page-${count}.html`);
    await page.waitForFunction((n) => [...document.querySelectorAll('nn-playground')]
      .filter((el) => el.metrics.frames > 0).length === n, count, { timeout: 30000 });
    await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
    await page.waitForTimeout(TRAIN_MS);
    const cdp = await page.context().newCDPSession(page);
    const f = { count };
    f.dom = await cdp.send('Memory.getDOMCounters');
    const ua = await page.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).breakdown
      .map((b) => ({ bytes: b.bytes, types: b.types.join('+'), scope: b.attribution.map((a) => a.scope).join('+') })));
    f.ua = {};
    for (const b of ua) f.ua[`${b.scope || 'shared'}:${b.types}`] = (f.ua[`${b.scope || 'shared'}:${b.types}`] ?? 0) + b.bytes;
    // The page's renderer: the largest (a closed page's may still be exiting).
    const [proc] = rendererRollups(browserPid).sort((x, y) => y.pss - x.pss);
    f.pss = proc;
    f.infra = await memoryInfra(browserCdp, proc.pid);
    if (heap) f.heap = await heapByConstructor(cdp);
    figures.push(f);
    await page.close();
  }
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}

const [a, b] = [figures[0], figures.at(-1)];
const n = b.count - a.count;
const per = (x, y) => ((y ?? 0) - (x ?? 0)) / n;
const row = (label, x, y, scale = MiB, unit = 'MiB') => console.log(
  `${label.padEnd(58)} ${(x / scale).toFixed(2).padStart(9)} ${(y / scale).toFixed(2).padStart(9)} ${(per(x, y) / scale).toFixed(3).padStart(9)} ${unit}`);
console.log(`${''.padEnd(58)} ${String(a.count).padStart(9)} ${String(b.count).padStart(9)}  per extra`);
row('renderer Pss', a.pss.pss * 1024, b.pss.pss * 1024);
row('renderer Pss_Anon', a.pss.anon * 1024, b.pss.anon * 1024);
row('renderer Pss_Shmem', a.pss.shmem * 1024, b.pss.shmem * 1024);
for (const key of ['documents', 'nodes', 'jsEventListeners']) row(`DOM ${key}`, a.dom[key], b.dom[key], 1, '');
for (const key of new Set([...Object.keys(a.ua), ...Object.keys(b.ua)])) row(`measureUserAgentSpecificMemory ${key}`, a.ua[key] ?? 0, b.ua[key] ?? 0);
// memory-infra: every allocator at depth <= 2, and deeper ones that grow by 64 KiB a playground.
const names = [...new Set([...Object.keys(a.infra), ...Object.keys(b.infra)])].sort();
for (const name of names) {
  const depth = name.split('/').length;
  const growth = per(a.infra[name], b.infra[name]);
  if (name.includes('/__') || name.includes('/resource_') || /\/shared_memory\/./.test(name)) continue;
  if (name.includes('/buckets/') ? Math.abs(growth) >= 128 * 1024 && !name.includes('allocated_objects') : false) {
    row(`infra ${name}`, a.infra[name] ?? 0, b.infra[name] ?? 0);
    continue;
  }
  if (name.includes('/buckets/')) continue;
  if (depth <= 2 ? Math.abs(growth) >= 16 * 1024 || depth === 1 : Math.abs(growth) >= 64 * 1024) row(`infra ${name}`, a.infra[name] ?? 0, b.infra[name] ?? 0);
}
if (heap) {
  const keys = [...new Set([...Object.keys(a.heap), ...Object.keys(b.heap)])]
    .map((k) => [k, per(a.heap[k], b.heap[k])]).sort((x, y) => y[1] - x[1]).slice(0, 40);
  for (const [k] of keys) row(`heap ${k}`.slice(0, 58), a.heap[k] ?? 0, b.heap[k] ?? 0);
}
