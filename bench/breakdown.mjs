// Where nnplay's time goes, found with the public API alone by timing variants of a workload
// that differ in one thing: the number of step() calls, the number of batches, the hidden
// activation (tanh against linear, whose cost is almost nil), and the copy out of wasm memory.
import { configText, GRID_SIZE } from './problem.mjs';
import { timeSideBySide } from './timing.mjs';
import { trainFlopsPerSample } from './flops.mjs';
import { copyGridAll } from './engines/nnplay.mjs';

const TRAIN_POINTS = 250;

// The every-unit grid without the copy out: per-layer views where the build has them.
const gridViews = (s) => (s.evaluateGridLayers ? s.evaluateGridLayers(GRID_SIZE) : s.evaluateGrid(GRID_SIZE));

function session(nn, hidden, batchSize, activation = 'tanh') {
  const s = new nn.Session();
  s.configure(`${configText({ hidden, batchSize })}&activation=${activation}`);
  return s;
}

const time = (units) => timeSideBySide(units, { runs: 5, runMs: 80, warmMs: 150 });
const us = (ms) => `${(ms * 1000).toFixed(1)} us`;
const pct = (x) => `${(100 * x).toFixed(0)} %`;

// Returns {lines, figures}: lines for the report, figures (ms) for the JSON. `peak` (from
// measurePeak) is timed alongside the training variants to turn the linear-hidden 2-64-64-1
// epoch into a share of the peak: close to the speed of the products alone.
export function nnplayBreakdown(nn, batchLimit, peak) {
  const sessions = [];
  const open = (...args) => { const s = session(nn, ...args); sessions.push(s); return s; };
  try {
    const small = Math.ceil(TRAIN_POINTS / 10);
    const full = Math.min(TRAIN_POINTS, batchLimit);
    const b10 = open([8, 8, 8], 10), b10lin = open([8, 8, 8], 10, 'linear'), bFull = open([8, 8, 8], full);
    const wide = open([64, 64], full), wideLin = open([64, 64], full, 'linear');
    const fullBatches = Math.ceil(TRAIN_POINTS / full);
    const t = time({
      epochOneCall: () => b10.step(small),
      epochManyCalls: () => { for (let i = 0; i < small; i++) b10.step(1); },
      epochLinear: () => b10lin.step(small),
      epochFull: () => bFull.step(fullBatches),
      wideEpoch: () => wide.step(fullBatches),
      wideEpochLinear: () => wideLin.step(fullBatches),
      peak: peak.unit,
    });
    const peakGflops = Math.max(peak.gflops, peak.flopsPerCall / (t.peak.median * 1e6));
    const g = time({
      output: () => b10.evaluateGridOutput(GRID_SIZE),
      outputCopy: () => b10.evaluateGridOutput(GRID_SIZE).slice(),
      outputLinear: () => b10lin.evaluateGridOutput(GRID_SIZE),
      all: () => gridViews(b10),
      allCopy: () => copyGridAll(b10, GRID_SIZE),
      allLinear: () => gridViews(b10lin),
      wideAll: () => gridViews(wide),
      wideAllCopy: () => copyGridAll(wide, GRID_SIZE),
      wideAllLinear: () => gridViews(wideLin),
    });
    const m = (x) => x.median;
    const callOverhead = (m(t.epochManyCalls) - m(t.epochOneCall)) / (small - 1);
    const perBatch = (m(t.epochOneCall) - m(t.epochFull)) / (small - fullBatches);
    const figures = {
      stepCallOverheadMs: callOverhead,
      perBatchOverheadMs: perBatch,
      epochBatch10Ms: m(t.epochOneCall),
      epochFullMs: m(t.epochFull),
      tanhShareTrainBatch10: 1 - m(t.epochLinear) / m(t.epochOneCall),
      tanhShareWideTrain: 1 - m(t.wideEpochLinear) / m(t.wideEpoch),
      wideLinearGflops: (TRAIN_POINTS * trainFlopsPerSample([2, 64, 64, 1], full)) / (m(t.wideEpochLinear) * 1e6),
      gridOutputMs: m(g.output), gridOutputCopyMs: m(g.outputCopy) - m(g.output),
      tanhShareGridOutput: 1 - m(g.outputLinear) / m(g.output),
      gridAllMs: m(g.all), gridAllCopyMs: m(g.allCopy) - m(g.all),
      tanhShareGridAll: 1 - m(g.allLinear) / m(g.all),
      wideGridAllMs: m(g.wideAll), wideGridAllCopyMs: m(g.wideAllCopy) - m(g.wideAll),
      tanhShareWideGridAll: 1 - m(g.wideAllLinear) / m(g.wideAll),
    };
    const f = figures;
    const lines = [
      '', "Where nnplay's time goes (variants timed through its JS API; shares are of that workload's time):",
      `  W1 2-8-8-8-1, batch 10: ${us(f.epochBatch10Ms)} per epoch, ${us(f.epochBatch10Ms / small)} per batch of 10`,
      `     step() call overhead: ${us(callOverhead)} per call (${small} step(1) calls against one step(${small}))`,
      `     fixed cost per batch: ${us(perBatch)} (one epoch at batch ${full}: ${us(f.epochFullMs)})`,
      `     tanh, against linear hidden units: ${pct(f.tanhShareTrainBatch10)}`,
      `  W3 output-only grid: ${f.gridOutputMs.toFixed(2)} ms, .slice() copy ${f.gridOutputCopyMs.toFixed(3)} ms, tanh ${pct(f.tanhShareGridOutput)}`,
      `  W4 every-neuron grid: ${f.gridAllMs.toFixed(2)} ms, copy out ${f.gridAllCopyMs.toFixed(3)} ms, tanh ${pct(f.tanhShareGridAll)}`,
      `  W5b 2-64-64-1 epoch at batch ${full}: ${m(t.wideEpoch).toFixed(2)} ms, tanh ${pct(f.tanhShareWideTrain)}; with linear hidden ` +
        `units ${m(t.wideEpochLinear).toFixed(2)} ms = ${f.wideLinearGflops.toFixed(2)} GFLOP/s, ${pct(f.wideLinearGflops / peakGflops)} of the peak`,
      `  W6 2-64-64-1 every-neuron grid: ${f.wideGridAllMs.toFixed(2)} ms, copy out ${f.wideGridAllCopyMs.toFixed(3)} ms, ` +
        `tanh ${pct(f.tanhShareWideGridAll)}`,
    ];
    return { lines, figures };
  } finally {
    for (const s of sessions) s.delete();
  }
}
