// npm run bench:sweep [-- --repeat N] [-- --json [file]] [-- --strict]
// Issue 14's sweep workload on the built page (dist/, npm run build) in headless Chromium: the
// runs panel's 6-way learning-rate sweep (0.001 0.003 0.01 0.03 0.1 0.3) of the default network
// to 500 epochs, timed from the press of "Run sweep" to the panel's "Done" (the panel's own
// performance.now() span), while the page's longest gap between animation frames is recorded
// (the page must stay responsive). Each repeat is a fresh page; the median counts. Floors:
// sweep at most SWEEP_FLOOR_MS, longest frame gap at most GAP_FLOOR_MS. The load average and
// the cores other processes took are printed beside the figures: a loaded machine's time is
// not a floor met. --strict exits 1 when a floor is missed.
import { writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { startLoadMeter } from './machine-load.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const VALUES = '0.001 0.003 0.01 0.03 0.1 0.3';
const EPOCHS = 500;
const SWEEP_FLOOR_MS = 2500;   // "a couple of seconds"
const GAP_FLOOR_MS = 100;

function parseArgs(argv) {
  const options = { repeat: 3, json: null, strict: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repeat') options.repeat = Math.max(1, Math.floor(Number(argv[++i])) || 1);
    else if (argv[i] === '--json') options.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '-';
    else if (argv[i] === '--strict') options.strict = true;
    else throw new Error(`unknown argument "${argv[i]}"; use --repeat N, --json [file] and --strict`);
  }
  return options;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function sweepOnce(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${base}index.html#seed=bench-sweep`);
  await page.waitForFunction(() => (document.querySelector('nn-playground')?.metrics?.frames ?? 0) > 0, null, { timeout: 30000 });
  await page.locator('nn-playground [data-control=runs]').click();
  await page.locator('nn-playground .sweep-values').fill(VALUES);
  await page.locator('nn-playground .sweep-budget').fill(String(EPOCHS));
  // Frame gaps from the press to the end: the page's own requestAnimationFrame pace.
  await page.evaluate(() => {
    const probe = { gaps: [], last: null, on: true };
    globalThis.sweepProbe = probe;
    const tick = (now) => {
      if (probe.last !== null) probe.gaps.push(now - probe.last);
      probe.last = now;
      if (probe.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator('nn-playground .sweep-run').click();
  await page.waitForFunction(() => /^Done in/.test(document.querySelector('nn-playground').shadowRoot.querySelector('.sweep .runs-status').textContent),
    null, { timeout: 120000 });
  const result = await page.evaluate(() => {
    const root = document.querySelector('nn-playground').shadowRoot;
    globalThis.sweepProbe.on = false;
    const { gaps } = globalThis.sweepProbe;
    return { ms: Number(root.querySelector('.sweep').dataset.ms), maxGapMs: Math.max(...gaps), frames: gaps.length,
      status: root.querySelector('.sweep .runs-status').textContent,
      epochs: [...root.querySelectorAll('.sweep-map')].map((m) => Number(/epoch (\d+)/.exec(m.getAttribute('aria-label'))?.[1])) };
  });
  await page.close();
  if (problems.length) throw new Error(`the page reported: ${problems.join('; ')}`);
  if (result.epochs.length !== 6 || result.epochs.some((e) => e !== EPOCHS)) throw new Error(`the sweep did not train 6 x ${EPOCHS} epochs: ${result.epochs}`);
  return result;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(`${DIST}/nnplay.js`)) throw new Error('dist/ is missing: run npm run build first');
  const server = await startServer(DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const results = [];
  const loadBefore = os.loadavg();
  const meter = startLoadMeter();
  try {
    for (let i = 0; i < options.repeat; i++) results.push(await sweepOnce(browser, `http://127.0.0.1:${server.address().port}/`));
  } finally {
    await browser.close();
    server.close();
  }
  const load = meter();
  const summary = {
    workload: `6-way learning-rate sweep (${VALUES}) of the default network to ${EPOCHS} epochs, standalone page, Chromium`,
    sweepMs: median(results.map((r) => r.ms)), maxGapMs: median(results.map((r) => r.maxGapMs)),
    runs: results.map(({ ms, maxGapMs, frames }) => ({ ms: Math.round(ms), maxGapMs: Math.round(maxGapMs), frames })),
    loadAverage: loadBefore.map((v) => Number(v.toFixed(2))), othersCores: load ? Number(load.others.toFixed(2)) : null,
    floors: { sweepMs: SWEEP_FLOOR_MS, maxGapMs: GAP_FLOOR_MS },
  };
  const checks = [
    [`sweep ${Math.round(summary.sweepMs)} ms <= ${SWEEP_FLOOR_MS} ms`, summary.sweepMs <= SWEEP_FLOOR_MS],
    [`longest frame gap ${Math.round(summary.maxGapMs)} ms <= ${GAP_FLOOR_MS} ms`, summary.maxGapMs <= GAP_FLOOR_MS],
  ];
  const out = options.json === '-' ? console.error : console.log;
  out(summary.workload);
  out(`  repeats (ms, longest frame gap ms): ${summary.runs.map((r) => `${r.ms} / ${r.maxGapMs}`).join(', ')}`);
  out(`  load average before: ${summary.loadAverage.join(' ')}; other processes took ${summary.othersCores ?? '?'} cores meanwhile`);
  for (const [text, pass] of checks) out(`  ${pass ? 'PASS' : 'FAIL'} ${text}`);
  if (options.json === '-') console.log(JSON.stringify(summary, null, 2));
  else if (options.json) writeFileSync(options.json, JSON.stringify(summary, null, 2));
  if (options.strict && checks.some(([, pass]) => !pass)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench:sweep: ${error.message}`);
  process.exitCode = 1;
});
