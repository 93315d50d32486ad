// What makes a benchmark figure worth printing: the engines compute the same thing (equal
// losses, equal grids), and each timed call did the work it was timed for. nnplay's
// Session::step returns without training once a session has diverged or auto-stopped, so a run
// of calls that did nothing would otherwise be timed as very fast training.
import { ENGINE_NAMES } from './report.mjs';
import { LOSS_TOLERANCE, GRID_TOLERANCE } from './workloads.mjs';
import { GRID_SIZE } from './problem.mjs';

// Compares the engines' training losses now. Engines at the same batch size must agree within
// LOSS_TOLERANCE (relative); `worst` is the largest relative difference among those pairs.
export function compareLosses(engines) {
  const losses = Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, e.loss()]));
  const problems = [];
  let worst = 0;
  const keys = Object.keys(engines);
  for (const a of keys) {
    for (const b of keys) {
      if (a >= b || engines[a].batchSize !== engines[b].batchSize) continue;
      const rel = Math.abs(losses[a] - losses[b]) / Math.abs(losses[b]);
      if (!(rel <= LOSS_TOLERANCE)) {
        problems.push(`${ENGINE_NAMES[a]} ${losses[a]} vs ${ENGINE_NAMES[b]} ${losses[b]} (relative ${rel.toExponential(1)})`);
      }
      worst = Math.max(worst, rel);
    }
  }
  return { losses, worst, problems };
}

// Trains every engine `epochs` epochs, then compares their losses.
export function trainAndCompare(engines, epochs) {
  for (const engine of Object.values(engines)) for (let e = 0; e < epochs; e++) engine.trainEpoch();
  return compareLosses(engines);
}

// Every engine's grid of `kind` ('gridOutput' or 'gridAll') against nnplay's, within GRID_TOLERANCE.
export function checkGrids(engines, kind) {
  const grids = Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, e[kind](GRID_SIZE)]));
  const problems = [];
  let worst = 0;
  for (const [key, grid] of Object.entries(grids)) {
    if (grid.length !== grids.nnplay.length) {
      problems.push(`${ENGINE_NAMES[key]} returned ${grid.length} values, nnplay ${grids.nnplay.length}`);
      continue;
    }
    let diff = 0;
    for (let i = 0; i < grid.length; i++) diff = Math.max(diff, Math.abs(grid[i] - grids.nnplay[i]));
    if (!(diff <= GRID_TOLERANCE)) problems.push(`${ENGINE_NAMES[key]} differs from nnplay by up to ${diff}`);
    worst = Math.max(worst, diff);
  }
  return { worst, problems };
}

// A unit of work that counts its calls, so the check after a run knows how many were made.
export function countCalls(unit) {
  const counted = () => {
    counted.calls++;
    unit();
  };
  counted.calls = 0;
  return counted;
}

export const progressOf = (engines) => Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, e.progress()]));

// After a run: every engine is still training (not diverged, not auto-stopped, a finite loss),
// and each training call advanced its epoch count by one and moved its loss; grid calls
// trained nothing. `before` is progressOf(engines) taken before the run, `calls` the number of
// calls each engine's unit received.
export function checkWork(engines, before, calls, { training }) {
  const problems = [];
  for (const [key, engine] of Object.entries(engines)) {
    const name = ENGINE_NAMES[key];
    const after = engine.progress();
    if (after.stopped) problems.push(`${name} stopped training (${after.stopped})`);
    if (!Number.isFinite(after.loss)) problems.push(`${name}'s training loss is ${after.loss}`);
    const trained = after.epochs - before[key].epochs;
    const expected = training ? calls[key] : 0;
    if (trained !== expected) problems.push(`${name} trained ${trained} epochs in ${calls[key]} calls (expected ${expected})`);
    if (training && calls[key] > 0 && after.loss === before[key].loss) {
      problems.push(`${name}'s training loss did not move in ${calls[key]} epochs (${after.loss})`);
    }
  }
  return problems;
}
