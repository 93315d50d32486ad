// Memory of N <nn-playground> instances on one page, all on screen and training, from dist/.
// Two views: Chromium's performance.measureUserAgentSpecificMemory() (JS heaps and wasm
// memories of the page and its workers; needs a cross-origin-isolated page) and the
// proportional set size (Pss) of the page's renderer process, read from /proc.
// Then the floors of one engine per page (issue 15): at most 8 MiB of renderer Pss per extra
// instance, the first frame of a second playground at most 100 ms after it scrolls into view,
// and five equal playgrounds within 20 % of each other's epochs in the same time.
// Usage: node scripts/measure-memory.mjs [counts...] [--before=<git ref>] [--strict]
//   counts: default 1 5. --strict exits 1 when a floor of this tree is missed.
//   --before=main also builds that commit's dist/ (its web/ with this tree's web/gen wasm, so
//   only the page code differs) and measures it in the same browser, in turns with this tree:
//   before and after from one run, on one machine load. The floors apply to this tree only.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { buildDist } from './build-dist.mjs';
import { SETUPS, TRAIN_MS, launchBrowser, pageHtml, playgroundsHtml, rendererRollups, renderers, viewport } from './memory-pages.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

const KB = 1024;
const FLOORS = { pssPerInstanceMiB: 8, secondFirstFrameMs: 100, equalSpread: 0.2 };
const EQUAL = 'dataset="circle" network-shape="4,2"';

// Summed Pss (kB) of the renderer processes of the browser `pid`, and the part of it that is
// not file pages (heaps, raster tiles, canvases): the file part moves by tens of MiB between two
// pages on a busy machine (memory-pages.mjs rendererRollups).
function rendererPss(pid) {
  const rollups = rendererRollups(pid);
  const total = rollups.reduce((sum, r) => sum + r.pss, 0);
  return { total, withoutFile: total - rollups.reduce((sum, r) => sum + r.file, 0) };
}

async function measure(browser, browserPid, base, count, maxCount) {
  await settle();
  const page = await browser.newPage({ viewport: viewport(maxCount) });
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
  const { total: pss, withoutFile: pssWithoutFile } = rendererPss(browserPid);
  const epochs = await page.evaluate(() => [...document.querySelectorAll('nn-playground')].map((el) => el.metrics.epoch));
  await page.close();
  return { count, ua, pss, pssWithoutFile, epochs };
}

// A closed page's renderer takes a moment to exit, longer on a busy machine; its Pss must not
// count for the next page (counted with the one-playground page, its tens of MiB of file pages
// were subtracted out of the per-instance figure). Waits until only the renderers the browser had
// before any page are left (at most 20 s), then 1.5 s for the machine to calm.
let idleRenderers = null;   // set once the browser runs
let browserPid = 0;
async function settle() {
  for (let waited = 0; waited < 20000; waited += 100) {
    if (renderers(browserPid).every((child) => idleRenderers.has(child))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

const argCounts = process.argv.slice(2).map(Number).filter((n) => n > 0 && n <= SETUPS.length);
const counts = argCounts.length ? argCounts : [1, 5];
const strict = process.argv.includes('--strict');
const beforeRef = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length) || null;
const site = mkdtempSync(path.join(tmpdir(), 'nnplay-memory-'));

// The test pages next to a dist/ in `dir`.
function writePages(dir) {
  for (const count of counts) {
    writeFileSync(path.join(dir, `page-${count}.html`), playgroundsHtml(count));
  }
  writeFileSync(path.join(dir, 'equal.html'), pageHtml(Array.from({ length: 5 },
    () => `<nn-playground ${EQUAL} seed="m"></nn-playground>`).join('\n')));
  // The second playground far below the first: off screen until the script scrolls to it.
  writeFileSync(path.join(dir, 'scroll.html'), pageHtml(`<nn-playground ${EQUAL} seed="a"></nn-playground>
<style>#gap { height: 3000px; }</style><div id="gap"></div><nn-playground id="second" ${EQUAL} seed="b"></nn-playground>`));
}

// dist/ of commit `ref` into `dir`: a detached worktree with this tree's node_modules and
// web/gen, built by that commit's own build-dist.mjs, then removed.
function buildBefore(ref, dir) {
  const tree = mkdtempSync(path.join(tmpdir(), 'nnplay-before-'));
  rmSync(tree, { recursive: true });
  execFileSync('git', ['worktree', 'add', '--detach', tree, ref], { cwd: ROOT, stdio: 'ignore' });
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'));
    cpSync(path.join(ROOT, 'web/gen'), path.join(tree, 'web/gen'), { recursive: true });
    execFileSync(process.execPath, ['scripts/build-dist.mjs'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
    cpSync(path.join(tree, 'dist'), path.join(dir, 'dist'), { recursive: true });
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'ignore' });
  }
}

const trees = [{ name: 'after', label: 'this tree' }];
if (beforeRef) trees.unshift({ name: 'before', label: beforeRef });
for (const tree of trees) mkdirSync(path.join(site, tree.name));
await buildDist({ outDir: path.join(site, 'after', 'dist'), quiet: true });
if (beforeRef) buildBefore(beforeRef, path.join(site, 'before'));
for (const tree of trees) writePages(path.join(site, tree.name));

// Epochs of five equal playgrounds after TRAIN_MS, all on screen and playing.
async function equalEpochs(browser, base) {
  await settle();
  const page = await browser.newPage({ viewport: viewport(5) });
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
  await settle();
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
const { server: browserServer, browser, pid: launchedPid } = await launchBrowser({ measureMemory: true });
browserPid = launchedPid;
idleRenderers = new Set(renderers(browserPid));
// Every figure of one tree (its pages under `base`), printed as it comes.
async function measureTree(browser, browserPid, base, label) {
  const out = { runs: [] };
  for (const count of counts) {
    const r = await measure(browser, browserPid, base, count, Math.max(...counts));
    out.runs.push(r);
    const workers = r.ua.workers.map((b) => (b / KB / KB).toFixed(2)).join(', ');
    console.log(`[${label}] ${count} instance(s): measureUserAgentSpecificMemory ${(r.ua.total / KB / KB).toFixed(1)} MiB `
      + `(workers: ${workers} MiB); renderer Pss ${(r.pss / KB).toFixed(1)} MiB (${(r.pssWithoutFile / KB).toFixed(1)} MiB without file pages); `
      + `epochs ${r.epochs.join(', ')}`);
  }
  if (out.runs.length >= 2) {
    const [a, b] = [out.runs[0], out.runs[out.runs.length - 1]];
    const n = b.count - a.count;
    out.pssPer = (b.pss - a.pss) / n / KB;
    const withoutFilePer = (b.pssWithoutFile - a.pssWithoutFile) / n / KB;
    console.log(`[${label}] per extra instance: ${((b.ua.total - a.ua.total) / n / KB / KB).toFixed(2)} MiB (JS + wasm heaps), `
      + `${out.pssPer.toFixed(1)} MiB (renderer Pss; ${withoutFilePer.toFixed(1)} MiB without file pages); floor ${FLOORS.pssPerInstanceMiB} MiB`);
  }
  const equal = await equalEpochs(browser, base);
  out.spread = (Math.max(...equal) - Math.min(...equal)) / Math.max(...equal);
  console.log(`[${label}] five equal playgrounds (${EQUAL}), ${TRAIN_MS} ms: epochs ${equal.join(', ')}; `
    + `spread ${(100 * out.spread).toFixed(1)} % of the most; floor ${100 * FLOORS.equalSpread} %`);
  out.firstFrame = await secondFirstFrame(browser, base);
  console.log(`[${label}] second playground: first frame ${out.firstFrame.toFixed(0)} ms after it scrolled into view; `
    + `floor ${FLOORS.secondFirstFrameMs} ms`);
  return out;
}

try {
  const root = `http://127.0.0.1:${server.address().port}/`;
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  const figures = {};
  for (const tree of trees) figures[tree.name] = await measureTree(browser, browserPid, `${root}${tree.name}/`, tree.label);
  const { after } = figures;
  const missed = [];
  if (after.pssPer > FLOORS.pssPerInstanceMiB) missed.push('renderer Pss per extra instance');
  if (!(after.spread <= FLOORS.equalSpread)) missed.push('five equal playgrounds');
  if (after.firstFrame > FLOORS.secondFirstFrameMs) missed.push('first frame of a second playground');
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log(missed.length ? `MISSED floors (this tree): ${missed.join('; ')}` : 'all floors met (this tree)');
  if (strict && missed.length) process.exitCode = 1;
} finally {
  await browser.close();
  await browserServer.close();
  server.close();
  rmSync(site, { recursive: true, force: true });
}
