// Where a page of N playgrounds' renderer memory goes, by Chromium's own account: one
// memory-infra dump (the DevTools protocol's Tracing with disabled-by-default-memory-infra) of
// the measure-memory page after it trained, and the page's composited layers (LayerTree).
// Usage: node scripts/memory-dump.mjs [count=5] [--dir=<site with dist/>] [--json=<file>]
//   Prints the renderer's allocator dumps (MiB, the top two levels and the largest leaves) and
//   every composited layer with its size and why it is one, and the raster tiles by layer.
//   --css=<file> adds that style sheet to every playground's shadow root first (what-if runs). Same browser flags and viewport as
//   scripts/measure-memory.mjs, so its figures read next to that script's Pss.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { buildDist } from './build-dist.mjs';
import { TRAIN_MS, launchBrowser, playgroundsHtml, rendererRollups, viewport } from './memory-pages.mjs';

const MAX_COUNT = 5;
const MiB = 1024 * 1024;

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const given = arg('dir');
const site = given ?? mkdtempSync(path.join(tmpdir(), 'nnplay-dump-'));
if (!given) await buildDist({ outDir: path.join(site, 'dist'), quiet: true });
writeFileSync(path.join(site, 'dump.html'), playgroundsHtml(count));

// The size of an allocator dump: its 'size' attribute (bytes, hex string in the trace).
const sizeOf = (dump) => (dump?.attrs?.size ? parseInt(dump.attrs.size.value, 16) : 0);

// The renderer's process memory dump: the one whose allocators hold blink_gc.
function rendererDumps(events) {
  const byPid = new Map();
  for (const e of events) {
    if (e.ph !== 'v' || !e.args?.dumps?.allocators) continue;
    byPid.set(e.pid, { ...(byPid.get(e.pid) ?? {}), ...e.args.dumps.allocators });
  }
  return [...byPid.values()].filter((a) => a.blink_gc || a['blink_gc/main']);
}

function report(allocators) {
  const rows = Object.entries(allocators).map(([name, d]) => ({ name, size: sizeOf(d), depth: name.split('/').length }));
  const tops = rows.filter((r) => r.depth === 1 && r.size > 0).sort((a, b) => b.size - a.size);
  console.log('allocator dumps (top level, then second level over 0.1 MiB):');
  for (const top of tops) {
    console.log(`  ${top.name.padEnd(40)} ${(top.size / MiB).toFixed(2)} MiB`);
    for (const r of rows.filter((x) => x.depth === 2 && x.name.startsWith(`${top.name}/`) && x.size > 0.1 * MiB)
      .sort((a, b) => b.size - a.size).slice(0, 12)) {
      console.log(`    ${r.name.padEnd(52)} ${(r.size / MiB).toFixed(2)} MiB`);
    }
  }
  const tiles = new Map();
  for (const r of rows) {
    const m = /^cc\/tile_memory\/provider_[-\d]+\/(.*)\/resource_\d+$/.exec(r.name);
    const layer = m ? m[1] : r.name.startsWith('cc/tile_memory/') && /resource_\d+$/.test(r.name) ? '(no layer: resource pool)' : null;
    if (!layer) continue;
    const t = tiles.get(layer) ?? { n: 0, size: 0 };
    tiles.set(layer, { n: t.n + 1, size: t.size + r.size });
  }
  console.log('raster tiles by layer:');
  for (const [layer, t] of [...tiles].sort((a, b) => b[1].size - a[1].size)) {
    console.log(`  ${(t.size / MiB).toFixed(2).padStart(6)} MiB ${String(t.n).padStart(4)} tiles  ${layer.slice(0, 100)}`);
  }
  const leaves = rows.filter((r) => !rows.some((o) => o.name.startsWith(`${r.name}/`)) && /^(cc|canvas|gpu|shared_memory|skia)/.test(r.name))
    .sort((a, b) => b.size - a.size).slice(0, 40);
  console.log('largest cc / canvas / gpu / shared_memory / skia leaves:');
  for (const r of leaves) console.log(`  ${r.name.padEnd(80)} ${(r.size / MiB).toFixed(3)} MiB`);
}

const server = await startServer(site, { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } });
const { server: browserServer, browser, pid: browserPid } = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: viewport(MAX_COUNT) });
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/dump.html`);
  await page.waitForFunction((n) => [...document.querySelectorAll('nn-playground')].filter((el) => el.metrics.frames > 0).length === n,
    count, { timeout: 30000 });
  if (arg('css')) {
    await page.evaluate((text) => document.querySelectorAll('nn-playground').forEach((el) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
    }), readFileSync(arg('css'), 'utf8'));
  }
  await page.evaluate(() => document.querySelectorAll('nn-playground').forEach((el) => el.play()));
  await page.waitForTimeout(TRAIN_MS);

  for (const r of rendererRollups(browserPid)) {
    console.log(`renderer ${r.pid}: Pss ${(r.pss / 1024).toFixed(1)} MiB = anon ${(r.anon / 1024).toFixed(1)} + shmem ${(r.shmem / 1024).toFixed(1)}`
      + ` + file ${(r.file / 1024).toFixed(1)} MiB`);
  }
  const cdp = await page.context().newCDPSession(page);
  const layers = new Promise((resolve) => cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers && resolve(e.layers)));
  await cdp.send('LayerTree.enable');
  const tree = await Promise.race([layers, new Promise((r) => setTimeout(() => r([]), 5000))]);
  console.log(`composited layers: ${tree.length}`);
  let area = 0;
  for (const layer of tree) {
    if (!layer.drawsContent) continue;
    area += layer.width * layer.height;
    let reasons = [];
    try { reasons = (await cdp.send('LayerTree.compositingReasons', { layerId: layer.layerId })).compositingReasonIds ?? []; } catch { /* gone */ }
    console.log(`  ${String(layer.layerId).padEnd(6)} ${`${layer.width}x${layer.height}`.padEnd(11)} at ${Math.round(layer.offsetX)},${Math.round(layer.offsetY)}`
      + `${layer.paintCount ? ` paints ${layer.paintCount}` : ''} ${reasons.join(',')}`);
  }
  console.log(`  drawing layers' area: ${(area / 1e6).toFixed(2)} Mpx (${(area * 4 / MiB).toFixed(1)} MiB at 4 bytes a pixel)`);
  await cdp.send('LayerTree.disable');

  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], memoryDumpConfig: { triggers: [] } } });
  const dump = await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  await done;
  if (!dump.success) console.error('the memory dump failed');
  const renderers = rendererDumps(events);
  if (arg('json')) writeFileSync(arg('json'), JSON.stringify(renderers));
  for (const allocators of renderers) report(allocators);
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
  if (!given) rmSync(site, { recursive: true, force: true });
}
