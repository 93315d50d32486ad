// What one animation frame costs inside the page's worker, measured in Node on the same wasm
// module with the calls web/engine/worker.js makes per frame: train, metrics, the whole grid of every
// unit copied out of wasm memory, the parameters copied out. It splits a slow frame into its
// parts, which the browser's trace shows only as one opaque task.
import { parseHash, engineConfigText } from '../web/state/state.js';
import { timeSideBySide } from './timing.mjs';
import { copyGridAll } from './engines/nnplay.mjs';

const GRID_SIZE = 100;  // web/playground.js draws a 100x100 grid

// hash: the page's URL hash; returns ms per call of each part (medians).
export function frameCost(nn, hash) {
  const { state } = parseHash(hash);
  if (state.seed === '') state.seed = 'bench';  // the page picks a random seed; any will do
  const session = new nn.Session();
  try {
    session.configure(engineConfigText(state));
    const units = {
      epoch: () => session.trainEpochs(1),
      metrics: () => { session.step(1); return session.metrics(); },  // step(1) so metrics are not cached
      grid: () => (session.evaluateGridLayers ?? session.evaluateGrid).call(session, GRID_SIZE),
      gridCopy: () => copyGridAll(session, GRID_SIZE),
      params: () => Float32Array.from(session.params()),
    };
    const t = timeSideBySide(units, { runs: 5, runMs: 60, warmMs: 150 });
    const step = timeSideBySide({ step: () => session.step(1) }, { runs: 5, runMs: 30, warmMs: 60 }).step.median;
    const gridValues = copyGridAll(session, GRID_SIZE).length;
    return {
      epochMs: t.epoch.median,
      metricsMs: Math.max(0, t.metrics.median - step),
      gridMs: t.grid.median,
      gridCopyMs: Math.max(0, t.gridCopy.median - t.grid.median),
      gridValues,
      paramsCopyMs: t.params.median,
    };
  } finally {
    session.delete();
  }
}
