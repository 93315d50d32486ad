// The run history's wiring, for the conductor (../playground.js). This is what every playground
// loads, so it keeps only the run's clock and, at every rebuild or reset, takes what the run
// leaves (the loss chart's points, its settings, a promise of its weights) before the engine
// changes; the log that keeps them (../runs/run-log.js) is fetched at the first run's end, the
// runs panel at the first press of Runs, and the web-storage copy (only where the page asked
// for it, storeRuns) at the first play or the first look at the panel.
import { serializeHash } from '../state/state.js';
import { loadLater } from '../shared/later.js';
import { drawOutputMap } from '../views/map-drawing.js';
import { drawClassMap, drawHeatmap } from '../views/heatmap.js';

// The map drawing the panel's sweeps use, handed over rather than imported by the panel: the
// views then stay in the first load's bundle instead of moving to a chunk shared with the panel.
const views = { drawOutputMap, drawClassMap, drawHeatmap };

// host: { root, ui, storeRuns (null: the page's life only; a name: kept in localStorage),
// engine(), state(), settle(), apply(state), reset(), adoptSettings(result, source), showError,
// createEngine() }. The lazy parts keep their own state (the log, the panel) on `runs`.
export function wireRuns(host) {
  let spent = 0;          // ms trained in this run before `since`
  let since = null;       // when the current stretch of play began; null while paused
  let trainedWith = null; // the state of the last trained frame (see trained below)
  const runs = { ...host, views, end,
    loadStore: () => loadLater(() => import('../runs/run-store.js'), 'the stored runs') };

  // settings: the run's state if no frame trained since it began; weights: false when the engine
  // no longer has them. The weights are asked for now, so the answer comes before the engine changes.
  function end(settings, weights = true) {
    const now = performance.now();
    const ms = spent + (since === null ? 0 : now - since);
    spent = 0;
    if (since !== null) since = now;
    const { history } = host.ui.output.chart;
    const points = history.points();
    const hash = serializeHash(trainedWith ?? settings);
    trainedWith = null;
    if (!(points.at(-1)?.epoch > 0)) return;
    history.clear();   // a second end before the chart is cleared must not keep the run twice
    const save = weights ? host.engine().save().catch(() => null) : null;
    loadLater(() => import('../runs/run-log.js'), 'the run history')
      .then((m) => m.logOf(runs).record({ points, hash, ms, save })).catch(host.showError);
  }

  return {
    end, runs,
    open: (button) => loadLater(() => import('../runs/runs-panel.js'), 'the runs panel').then((m) => m.openPanel(runs, button)).catch(host.showError),
    play() {
      since ??= performance.now();
      if (host.storeRuns !== null) runs.loadStore().then((m) => m.attachOnce(runs)).catch(host.showError);
    },
    pause() {
      if (since !== null) spent += performance.now() - since;
      since = null;
    },
    // A live change (a learning rate) and then Reset keep the run under the settings it trained with.
    trained: (state) => { trainedWith = state; },
    destroy: () => runs.destroy?.(),
  };
}
