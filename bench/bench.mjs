// npm run bench [-- --json [file]] [-- --runs N] [-- --scalar] [-- --strict] [-- --check]
//               [-- --base DIR] [-- --no-peers] [-- --only W7,W1]
// nnplay's wasm module against ConvNetJS and TensorFlow.js (wasm backend, SIMD, one thread) on
// the same data, network, initial weights and loss; see bench/README.md. --strict exits 1 when a
// floor is missed; --check runs only the correctness checks, with a few calls and no timing.
// --base DIR races a second nnplay build (DIR holds its nncore.mjs and .wasm, e.g. another
// checkout's web/gen/) in the same runs, to compare a change with the commit before it;
// --no-peers leaves out ConvNetJS and TF.js (and so the floors, which are against them).
import { existsSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadNnplay, nnplayEngine } from './engines/nnplay.mjs';
import { convnetEngine } from './engines/convnet.mjs';
import { loadTfjs, tfjsEngine } from './engines/tfjs.mjs';
import { makeProblem, makeImageProblem, nnplayBatchLimit, GRID_SIZE } from './problem.mjs';
import { WORKLOADS, CHECK_EPOCHS, CHECK_CALLS } from './workloads.mjs';
import { trainFlopsPerSample, forwardFlopsPerPoint } from './flops.mjs';
import { timeSideBySide } from './timing.mjs';
import { measurePeak } from './peak.mjs';
import { nnplayBreakdown } from './breakdown.mjs';
import { startLoadMeter } from './machine-load.mjs';
import { ENGINE_NAMES, evaluateFloors, floorsExitCode, formatTable, formatFloors } from './report.mjs';
import { trainAndCompare, compareLosses, checkGrids, countCalls, progressOf, checkWork } from './checks.mjs';

function parseArgs(argv) {
  const options = { json: null, runs: 7, scalar: false, strict: false, check: false, base: null, peers: true, only: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '-';
    else if (argv[i] === '--runs') options.runs = Math.max(1, Number(argv[++i]) || 7);
    else if (argv[i] === '--scalar') options.scalar = true;
    else if (argv[i] === '--strict') options.strict = true;
    else if (argv[i] === '--check') options.check = true;
    else if (argv[i] === '--base' && argv[i + 1]) options.base = argv[++i];
    else if (argv[i] === '--no-peers') options.peers = false;
    else if (argv[i] === '--only' && argv[i + 1]) options.only = argv[++i].split(',').map((id) => id.replace(/^w/i, ''));
    else throw new Error(`unknown argument "${argv[i]}"; use --json [file], --runs N, --scalar, --strict, --check, --base DIR, --no-peers and --only W7,W1`);
  }
  if (options.strict && !options.peers) throw new Error('--strict checks the floors, which need the peers: drop --no-peers');
  if (options.check && options.json) throw new Error('--check times nothing, so it writes no JSON');
  // --only W7 runs W7a, W7b and W7c; --only W5b just that one. Floors are checked for those run.
  options.workloads = options.only ? WORKLOADS.filter((w) => options.only.some((id) => w.id.startsWith(id))) : WORKLOADS;
  if (options.workloads.length === 0) throw new Error(`--only ${options.only.join()} names no workload; they are ${WORKLOADS.map((w) => `W${w.id}`).join(', ')}`);
  return options;
}

// A core source newer than the built module means the figures are not of the code on disk.
function staleSources(built) {
  const dir = new URL('../core/', import.meta.url);
  return readdirSync(dir).filter((f) => statSync(new URL(f, dir)).mtime > built);
}

// One problem (data and initial weights) per network shape, shared by its workloads.
function problemFor(ctx, { hidden, images = false }) {
  const key = `${images ? 'images ' : ''}${hidden.join()}`;
  if (!ctx.problems.has(key)) ctx.problems.set(key, images ? makeImageProblem(ctx.images.nn, hidden) : makeProblem(ctx.nn, hidden));
  return ctx.problems.get(key);
}

// A training workload: checks that the engines train alike, then times one epoch per call.
function trainingPlan(w, engines, problem, log) {
  const { losses, worst, problems } = trainAndCompare(engines, CHECK_EPOCHS);
  log(`  W${w.id} loss after ${CHECK_EPOCHS} epochs: ` +
    Object.entries(losses).map(([k, v]) => `${ENGINE_NAMES[k]} ${v.toFixed(7)} (batch ${engines[k].batchSize})`).join(', ') +
    `; largest relative difference at equal batch ${worst.toExponential(1)}`);
  if (problems.length) throw new Error(`W${w.id}: the engines do not train alike: ${problems.join('; ')}`);
  const count = problem.train.count;
  return {
    unitOf: (e) => () => e.trainEpoch(),
    samplesPerCall: count,
    flopsPerCall: (e) => count * trainFlopsPerSample(problem.sizes, e.batchSize),
  };
}

// A grid workload: checks that the engines draw the same grid, then times one grid per call.
function gridPlan(w, engines, problem, log) {
  const { worst, problems } = checkGrids(engines, w.kind);
  log(`  W${w.id} grids agree with nnplay's within ${worst.toExponential(1)}`);
  if (problems.length) throw new Error(`W${w.id}: the engines' grids differ: ${problems.join('; ')}`);
  return {
    unitOf: (e) => () => e[w.kind](GRID_SIZE),
    flopsPerCall: () => GRID_SIZE * GRID_SIZE * forwardFlopsPerPoint(problem.sizes),
  };
}

function runWorkload(w, ctx, log) {
  const problem = problemFor(ctx, w);
  const training = w.kind === 'train';
  const requested = w.batch === 'full' ? problem.train.count : w.batch ?? problem.train.count;
  const nnBatch = Math.min(requested, ctx.batchLimit);
  const peerBatch = w.sameBatch ? nnBatch : requested;
  const notes = [];
  if (training && nnBatch !== requested) {
    notes.push(w.sameBatch
      ? `batch ${nnBatch} for every engine: nnplay's core accepts at most ${ctx.batchLimit} (asked for ${requested})`
      : `nnplay at batch ${nnBatch}, the most its core accepts; ConvNetJS and TF.js at ${requested}`);
  }
  // Image workloads run on the image engine (nncore-images.wasm), as the page does for pictures.
  const { nn, base } = w.images ? ctx.images : ctx;
  const engines = { nnplay: nnplayEngine(nn, problem, nnBatch) };
  if (base) engines.base = nnplayEngine(base, problem, nnBatch);
  if (ctx.peers) {
    engines.convnetjs = convnetEngine(problem, peerBatch);
    engines.tfjs = tfjsEngine(ctx.tf, problem, peerBatch);
  }
  try {
    const plan = training ? trainingPlan(w, engines, problem, log) : gridPlan(w, engines, problem, log);
    const units = Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, countCalls(plan.unitOf(e))]));
    const before = progressOf(engines);
    if (ctx.check) {
      for (const unit of Object.values(units)) for (let i = 0; i < CHECK_CALLS; i++) unit();
      confirmWork(w, engines, before, units, training, log);
      return { id: w.id, title: w.title, kind: training ? 'train' : 'grid', checked: true, notes };
    }
    // The peak kernel is timed again between the engines' runs. "% peak" divides by the higher
    // of that and the peak at the start: load from elsewhere can only make the share smaller.
    const { peak: peakTime, ...timed } = timeSideBySide({ ...units, peak: ctx.peak.unit }, { runs: ctx.runs });
    confirmWork(w, engines, before, units, training, log);
    const peakBetweenRuns = ctx.peak.flopsPerCall / (peakTime.median * 1e6);
    const peakGflops = Math.max(ctx.peak.gflops, peakBetweenRuns);
    const results = {};
    for (const [key, t] of Object.entries(timed)) {
      const gflops = plan.flopsPerCall(engines[key]) / (t.median * 1e6);
      // Training is reported as samples/s, so the slowest run gives the minimum.
      const n = plan.samplesPerCall;
      const figures = training
        ? { median: n / (t.median / 1e3), min: n / (t.max / 1e3), max: n / (t.min / 1e3) }
        : { median: t.median, min: t.min, max: t.max };
      results[key] = { batchSize: training ? engines[key].batchSize : null, ...figures,
        msPerCall: t.median, callsPerRun: t.calls, gflops, peakShare: gflops / peakGflops };
    }
    const others = Object.keys(timed).filter((k) => k !== 'nnplay');
    const speedup = Object.fromEntries(others.map((k) => [k, timed[k].median / timed.nnplay.median]));
    return { id: w.id, title: w.title, kind: training ? 'train' : 'grid', unit: training ? 'samples/s' : 'ms per grid',
      sizes: problem.sizes, requestedBatch: training ? requested : null, peakGflops, peakBetweenRuns, engines: results, speedup, notes };
  } finally {
    for (const e of Object.values(engines)) e.dispose();
  }
}

// After the calls (timed or not): each engine did the work it was called for, and the engines
// still agree: equal grids (the weights did not change), or, where every engine made the same
// number of training calls (--check), equal losses.
function confirmWork(w, engines, before, units, training, log) {
  const calls = Object.fromEntries(Object.entries(units).map(([k, u]) => [k, u.calls]));
  const problems = checkWork(engines, before, calls, { training });
  if (problems.length) throw new Error(`W${w.id}: an engine did not do the work it was timed for: ${problems.join('; ')}`);
  const equalCalls = new Set(Object.values(calls)).size === 1;
  let agreement = '';
  if (!training) {
    const grids = checkGrids(engines, w.kind);
    if (grids.problems.length) throw new Error(`W${w.id}: after the calls the grids differ: ${grids.problems.join('; ')}`);
    agreement = `; grids still agree within ${grids.worst.toExponential(1)}`;
  } else if (equalCalls) {
    const after = compareLosses(engines);
    if (after.problems.length) throw new Error(`W${w.id}: after equal work the losses differ: ${after.problems.join('; ')}`);
    agreement = `; losses after ${CHECK_EPOCHS + calls.nnplay} epochs agree within ${after.worst.toExponential(1)}`;
  }
  log(`  W${w.id} work done: ` + Object.entries(calls).map(([k, n]) => `${ENGINE_NAMES[k]} ${n} calls`).join(', ') +
    (training ? ', one epoch each' : ', no training') + agreement);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  // With JSON on stdout, the readable report goes to stderr so stdout stays parseable.
  const log = options.json === '-' ? (s) => process.stderr.write(`${s}\n`) : (s) => console.log(s);
  const started = performance.now();
  const endLoad = startLoadMeter();

  // --scalar races the build for browsers without SIMD128 instead; the floors are the SIMD
  // build's, so some may then show FAIL.
  const moduleFile = options.scalar ? 'nncore-scalar.wasm' : 'nncore.wasm';
  const { nn, built } = await loadNnplay(moduleFile);
  const baseDir = options.base && pathToFileURL(path.resolve(options.base) + path.sep);
  const base = baseDir && await loadNnplay(moduleFile, baseDir);
  // The image engine, loaded only when an image workload runs; a base build without one races
  // only the 2-D workloads.
  const imageFile = moduleFile.replace('nncore', 'nncore-images');
  const images = options.workloads.some((w) => w.images) ? { nn: (await loadNnplay(imageFile)).nn } : null;
  if (images && baseDir && existsSync(new URL(imageFile, baseDir))) images.base = (await loadNnplay(imageFile, baseDir)).nn;
  const { tf, info: tfInfo } = options.peers ? await loadTfjs() : { tf: null, info: null };
  const machine = { node: process.version, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length,
    loadAverage: os.loadavg()[0] };
  log(`nnplay benchmark: Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage.toFixed(2)}`);
  log(`nnplay: web/gen/${moduleFile} built ${built.toISOString()}`);
  const stale = staleSources(built);
  if (stale.length) {
    log(`  warning: ${stale.length} file(s) in core/ changed after that build (${stale.slice(0, 3).join(', ')}` +
      `${stale.length > 3 ? ', ...' : ''}); npm run build:wasm measures the code on disk`);
  }
  if (base) log(`base build: ${path.resolve(options.base)}/${moduleFile} built ${base.built.toISOString()}`);
  if (tfInfo) {
    log(`TF.js ${tfInfo.version}: backend ${tfInfo.backend}, WASM_HAS_SIMD_SUPPORT=${tfInfo.simd}, ` +
      `WASM_HAS_MULTITHREAD_SUPPORT=${tfInfo.threads}, threads ${tfInfo.threadCount}`);
  }

  const ctx = { nn, base: base?.nn, images, tf, peers: options.peers, check: options.check, runs: options.runs,
    batchLimit: nnplayBatchLimit(nn), problems: new Map() };
  if (options.check) {
    // Correctness only (CI): the checks before and after the runs, around CHECK_CALLS untimed
    // calls of each engine; no peak, no timing, no floors.
    for (const w of options.workloads) runWorkload(w, ctx, log);
    log(`bench --check: ${options.only ? '' : 'all '}${options.workloads.length} workloads: the engines agree and every call did its work ` +
      `(${((performance.now() - started) / 1e3).toFixed(1)} s)`);
    endLoad();
    return;
  }

  const peak = measurePeak();
  ctx.peak = peak;
  log(`WASM-SIMD peak: ${peak.gflops.toFixed(1)} GFLOP/s (${peak.chains} chains; timed again between every workload's runs)`);
  if (machine.loadAverage > machine.cores / 2) {
    log(`  warning: the machine is busy (load ${machine.loadAverage.toFixed(1)} on ${machine.cores} cores); ` +
      'figures will be lower and noisier than on a quiet machine');
  }

  const workloads = [];
  for (const w of options.workloads) workloads.push(runWorkload(w, ctx, log));
  const floors = options.peers ? evaluateFloors(workloads) : [];
  const breakdown = options.only ? { lines: [], figures: null } : nnplayBreakdown(nn, ctx.batchLimit, peak);

  log(formatTable(workloads, peak));
  if (options.peers) log(formatFloors(floors));
  log(breakdown.lines.join('\n'));
  const seconds = (performance.now() - started) / 1e3;
  const cores = endLoad();
  log(`\n${options.runs} runs per figure; total ${seconds.toFixed(0)} s` + (cores
    ? `; other processes used ${cores.others.toFixed(2)} cores on average meanwhile` +
      `${cores.others > 0.2 ? ' (disturbed: rerun on a quiet machine)' : ''}`
    : ''));

  if (options.json) {
    const { unit, ...peakFigures } = peak;
    const report = { date: new Date().toISOString(), machine, nnplayModule: moduleFile, nnplayBuild: built.toISOString(), tfjs: tfInfo,
      batchLimit: ctx.batchLimit, runs: options.runs, peak: peakFigures, workloads, floors, breakdown: breakdown.figures, seconds, otherProcessCores: cores?.others ?? null };
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (options.json === '-') process.stdout.write(text);
    else writeFileSync(options.json, text);
  }
  process.exitCode = floorsExitCode(floors, { strict: options.strict });
  if (process.exitCode) log(`bench --strict: ${floors.filter((f) => !f.pass).length} floor(s) missed; exit status 1`);
}

// Errors are printed here and the process exits, rather than reaching the wasm glue's own
// uncaught-exception handler, which would print the glue's minified source instead.
main().catch((error) => {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(1);
});
