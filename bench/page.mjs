// npm run bench:page [-- --json [file]] [-- --seconds N] [-- --trace] [-- --profile]
//                    [-- --setup a|b] [-- --repeat N] [-- --engines list|none] [-- --strict]
// The built page (dist/, npm run build) in headless Chromium: drawn frames/s, epochs/s, epochs
// per frame and the longest main-thread task while it trains, at the default setup and at a
// 6x8 network whose every neuron thumbnail is redrawn each frame. Then the same page in
// Chromium, Firefox ESR and WebKitGTK against each engine's own blank-page frame rate
// (engine-floors.mjs). --strict exits non-zero when any floor is missed. See bench/README.md.
import { writeFileSync, mkdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { pageProbe } from './page-probe.mjs';
import { summarizeTrace } from './trace-summary.mjs';
import { frameCost } from './frame-cost.mjs';
import { loadNnplay } from './engines/nnplay.mjs';
import { startProfile, stopProfile } from './cpu-profile.mjs';
import { startLoadMeter } from './machine-load.mjs';
import { measureEngine, floorChecks, formatTable } from './engine-floors.mjs';
import { selectedEngines } from '../tests/browser/drivers/index.mjs';
import { serve } from '../tests/browser/drivers/server.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
// The issue's method: drawn frames over 8 s after 2 s of play.
const ENGINE_SECONDS = 8;
const ENGINE_WARMUP = 2;
const OUT_DIR = fileURLToPath(new URL('../build/bench/', import.meta.url));
// No flag that throttles or unthrottles requestAnimationFrame: the page gets the display's pace.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
const SCENARIOS = [
  { id: 'a', title: 'default setup', hash: 'epochsPerFrame=auto', floors: { fps: 55, epochsPerFrame: 10, longTaskMs: 50 } },
  // The issue sets the frame-rate and epochs-per-frame floors "on the default setup"; the 6x8
  // network (49 neuron maps redrawn every frame) is held to the main-thread floor, and its frame
  // rate is reported beside it (52 to 60 frames/s on 2 cores, so close to 55 that it would
  // fail now and then through no change of ours).
  { id: 'b', title: '6x8 network, every thumbnail', hash: 'networkShape=8,8,8,8,8,8&seed=1&epochsPerFrame=auto', floors: { longTaskMs: 50 } },
];

function parseArgs(argv) {
  const options = { json: null, seconds: 10, trace: false, profile: false, setup: null, repeat: 1, strict: false, engines: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '-';
    else if (argv[i] === '--seconds') options.seconds = Math.max(1, Number(argv[++i]) || 10);
    else if (argv[i] === '--trace') options.trace = true;
    else if (argv[i] === '--profile') options.profile = true;
    else if (argv[i] === '--setup') options.setup = argv[++i];
    else if (argv[i] === '--repeat') options.repeat = Math.max(1, Math.floor(Number(argv[++i])) || 1);
    else if (argv[i] === '--strict') options.strict = true;
    else if (argv[i] === '--engines') options.engines = argv[++i] ?? '';
    else throw new Error(`unknown argument "${argv[i]}"; use --json [file], --seconds N, --trace, --profile, --setup a|b, --repeat N, --engines list|none and --strict`);
  }
  options.engines = options.engines === 'none' ? [] : selectedEngines(options.engines ?? undefined);
  if (options.setup !== null && !SCENARIOS.some((s) => s.id === options.setup)) {
    throw new Error(`unknown setup "${options.setup}"; use ${SCENARIOS.map((s) => s.id).join(' or ')}`);
  }
  return options;
}

// Main-thread time by kind, from the DevTools protocol's cumulative counters (seconds).
async function mainThreadCounters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

async function runScenario(browser, base, scenario, options) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  await page.addInitScript(pageProbe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(`${base}#${scenario.hash}`);
    // Ready once the first frame (grid, thumbnails, metrics) has been drawn.
    await page.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0, null, { timeout: 30000 });
    const traceFile = `${OUT_DIR}page-trace-${scenario.id}.json`;
    if (options.trace) await browser.startTracing(page, { path: traceFile, screenshots: false });
    if (options.profile) await startProfile(cdp);
    const before = await mainThreadCounters(cdp);
    const endLoad = startLoadMeter();
    const start = await page.evaluate(() => window.__nnBench.start());
    await page.waitForTimeout(options.seconds * 1000);
    const end = await page.evaluate(() => window.__nnBench.stop());
    const load = endLoad();
    const after = await mainThreadCounters(cdp);
    const profile = options.profile ? await stopProfile(cdp) : null;
    if (options.trace) await browser.stopTracing();
    if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);

    const seconds = (end.time - start.time) / 1000;
    const frames = end.frames - start.frames;
    const epochs = end.epoch - start.epoch;
    const busy = (key) => (after[key] - before[key]) / seconds;
    return {
      id: scenario.id, title: scenario.title, hash: scenario.hash, seconds,
      framesPerSecond: frames / seconds,
      epochsPerSecond: epochs / seconds,
      epochsPerFrame: frames ? epochs / frames : 0,
      longestTaskMs: end.longestTask,
      longTasks: end.longTasks,
      longFrames: end.longFrames ?? [],
      longTaskTimes: end.taskTimes ?? [],
      slowAnswers: end.slowAnswers ?? [],
      // Diagnostics: how often the browser offered a frame, how long the worker took to answer
      // a frame request, and how busy the main thread was.
      animationFramesPerSecond: (end.rafTicks - start.rafTicks) / seconds,
      frameRoundTripMs: end.roundTrips,
      workerMsPerEpoch: end.workerMsPerEpoch?.median ?? null,
      mainThreadBusy: { total: busy('task'), script: busy('script'), layout: busy('layout'), style: busy('style') },
      cores: load,
      trace: options.trace ? { file: traceFile, ...summarizeTrace(traceFile) } : null,
      profile,
      floors: scenario.floors,
    };
  } finally {
    await page.close();
  }
}

function checkFloors(results) {
  const checks = [];
  for (const r of results) {
    const f = r.floors;
    if (f.fps) {
      checks.push({ text: `(${r.id}) ${r.title}: >= ${f.fps} drawn frames/s`, shown: r.framesPerSecond.toFixed(1), pass: r.framesPerSecond >= f.fps });
    }
    if (f.epochsPerFrame) {
      checks.push({ text: `(${r.id}) ${r.title}: >= ${f.epochsPerFrame} epochs per frame`, shown: r.epochsPerFrame.toFixed(1), pass: r.epochsPerFrame >= f.epochsPerFrame });
    }
    checks.push({ text: `(${r.id}) ${r.title}: no main-thread task over ${f.longTaskMs} ms`, shown: `${r.longestTaskMs.toFixed(0)} ms`, pass: r.longestTaskMs <= f.longTaskMs });
  }
  return checks;
}

// Other processes' CPU above which a setup's figures are flagged as disturbed.
const DISTURBED_CORES = 0.2;
const pct = (share) => `${(100 * share).toFixed(0)} %`;
const stat = (s) => (s ? `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (${s.count} frames)` : 'n/a');

function format(results, checks) {
  const lines = ['', `${'setup'.padEnd(34)}${'frames/s'.padStart(10)}${'epochs/s'.padStart(10)}${'epochs/frame'.padStart(14)}${'longest task'.padStart(14)}`];
  for (const r of results) {
    lines.push(`(${r.id}) ${r.title.padEnd(30)}${r.framesPerSecond.toFixed(1).padStart(10)}${r.epochsPerSecond.toFixed(0).padStart(10)}` +
      `${r.epochsPerFrame.toFixed(1).padStart(14)}${`${r.longestTaskMs.toFixed(0)} ms`.padStart(14)}`);
  }
  lines.push('', 'Diagnostics:');
  for (const r of results) {
    const b = r.mainThreadBusy;
    if (r.cores) {
      lines.push(`  (${r.id}) CPU: the browser and this script used ${r.cores.own.toFixed(2)} cores, other processes ` +
        `${r.cores.others.toFixed(2)}${r.cores.others > DISTURBED_CORES ? ' (disturbed: rerun on a quiet machine)' : ''}`);
    }
    lines.push(`  (${r.id}) animation frames offered ${r.animationFramesPerSecond.toFixed(1)}/s; main thread busy ${pct(b.total)} ` +
      `(script ${pct(b.script)}, layout ${pct(b.layout)}, style ${pct(b.style)}); ${r.longTasks} task(s) over 50 ms`);
    lines.push(`      worker frame round trip (request to answer): ${stat(r.frameRoundTripMs)}`);
    for (const t of r.longTaskTimes) lines.push(`      task of ${t.ms} ms at ${t.atMs} ms after play`);
    for (const a of r.slowAnswers) lines.push(`      worker answer '${a.op}' handled in ${a.ms} ms at ${a.atMs} ms after play`);
    for (const f of r.longFrames.filter((x) => x.ms > 50 && x.atMs + x.ms >= 0)) {
      lines.push(`      animation frame of ${f.ms} ms at ${f.atMs} ms after play: tasks and callbacks ${f.scriptMs} ms ` +
        `(${f.scripts.join(', ') || 'no script over 5 ms'}), rendering ${f.renderMs} ms`);
    }
    const c = r.workerCost;
    lines.push(`      worker work per frame, timed in Node on the same module: ${r.epochsPerFrame.toFixed(0)} epochs x ` +
      `${c.epochMs.toFixed(3)} ms = ${(r.epochsPerFrame * c.epochMs).toFixed(1)} ms; metrics ${c.metricsMs.toFixed(2)} ms; ` +
      `grid ${c.gridMs.toFixed(2)} ms + copy out ${c.gridCopyMs.toFixed(2)} ms (${c.gridValues} values); ` +
      `params copy ${c.paramsCopyMs.toFixed(3)} ms`);
    if (r.workerMsPerEpoch !== null) {
      lines.push(`      the worker's own estimate in the browser: ${r.workerMsPerEpoch.toFixed(3)} ms per epoch ` +
        `(Node: ${c.epochMs.toFixed(3)} ms)`);
    }
    if (r.profile) {
      const perSecond = (ms) => (ms / (r.profile.totalMs / 1000)).toFixed(1);
      lines.push('      main-thread JS by self time per second (CPU profile):');
      for (const e of r.profile.entries) lines.push(`        ${perSecond(e.ms).padStart(6)} ms  ${e.name}`);
    }
    if (!r.trace) continue;
    lines.push(`      trace ${r.trace.file} (${(r.trace.spanMs / 1000).toFixed(1)} s; open in Perfetto), self time per second:`);
    for (const [thread, entries] of Object.entries(r.trace.threads)) {
      const perSecond = (ms) => (ms / (r.trace.spanMs / 1000)).toFixed(1);
      lines.push(`        ${thread}: ${entries.map((e) => `${e.name} ${perSecond(e.ms)} ms`).join(', ')}`);
    }
    for (const task of r.trace.longTasks) {
      lines.push(`        task of ${task.ms.toFixed(0)} ms at ${task.atSeconds.toFixed(2)} s: ${task.inside.join(' > ')}`);
    }
  }
  lines.push('', 'Floors (issue 6):');
  for (const c of checks) lines.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.text}: ${c.shown}`);
  const failed = checks.filter((c) => !c.pass).length;
  lines.push(failed ? `  ${failed} of ${checks.length} floors missed` : `  all ${checks.length} floors met`);
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = (...lines) => (options.json === '-' ? process.stderr : process.stdout).write(`${lines.join('\n')}\n`);
  if (!existsSync(`${DIST}/index.html`)) throw new Error('dist/ is not built: run npm run build first');
  if (options.trace) mkdirSync(OUT_DIR, { recursive: true });
  log(`nnplay page benchmark: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ` +
    `load average ${os.loadavg()[0].toFixed(2)}; ${options.seconds} s per setup in headless Chromium`);
  const server = await startServer(DIST, { port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  let report;
  try {
    const base = `http://127.0.0.1:${server.address().port}/`;
    log(`Chromium ${browser.version()}`);
    const results = [];
    // With --repeat, each setup runs N times in turn and a floor counts as met only when every
    // run meets it: the long-task floor in particular is about the worst moment, not the average.
    const scenarios = SCENARIOS.filter((s) => options.setup === null || s.id === options.setup);
    for (let run = 0; run < options.repeat; run++) {
      for (const scenario of scenarios) {
        const named = options.repeat > 1 ? { ...scenario, id: `${scenario.id}${run + 1}` } : scenario;
        results.push(await runScenario(browser, base, named, options));
      }
    }
    const { nn } = await loadNnplay();
    for (const r of results) r.workerCost = frameCost(nn, r.hash);
    const checks = checkFloors(results);
    log(format(results, checks));
    report = { date: new Date().toISOString(), chromium: browser.version(), results, floors: checks };
  } finally {
    await browser.close();
    server.close();
  }
  // One engine at a time, so they never share the cores with each other.
  report.engines = [];
  if (options.engines.length) {
    log('', `Per engine (issue 17): blank-page rAF, then ${ENGINE_SECONDS} s after ${ENGINE_WARMUP} s of play, epochsPerFrame=auto:`);
    const site = await serve(DIST);
    try {
      for (const name of options.engines) report.engines.push(await measureEngine(name, site.base, { seconds: ENGINE_SECONDS, warmup: ENGINE_WARMUP, log }));
    } finally {
      await site.close();
    }
    const engineChecks = floorChecks(report.engines);
    report.floors.push(...engineChecks);
    log('', formatTable(report.engines), '', 'Floors per engine (issue 17):');
    for (const c of engineChecks) log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.text}: ${c.shown}`);
  }
  const missed = report.floors.filter((c) => !c.pass).length;
  log('', missed ? `${missed} of ${report.floors.length} floors missed in all` : `all ${report.floors.length} floors met`);
  if (options.json) {
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (options.json === '-') process.stdout.write(text);
    else writeFileSync(options.json, text);
  }
  if (options.strict && missed) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench:page: ${error.message}\n`);
  process.exit(1);
});
