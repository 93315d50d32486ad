// The run history's wiring, for the conductor (../playground.js): it ends a run at every rebuild
// or reset (its settings, the loss chart's curve and, when asked, the engine's weights go into
// a RunLog) and keeps the run's clock. All else is fetched on first use: the runs panel on the
// first press of Runs, the web-storage copy (only when the page asked for it, storeRuns) on the
// first play or the first look at the panel.
import { RunLog } from '../runs/run-log.js';
import { serializeHash } from '../state/state.js';
import { loadLater } from '../shared/later.js';
import { drawOutputMap } from '../views/map-drawing.js';
import { drawClassMap, drawHeatmap } from '../views/heatmap.js';

// The map drawing the panel's sweeps use, handed over rather than imported by the panel: the
// views then stay in the first load's bundle instead of moving to a chunk shared with the panel.
const views = { drawOutputMap, drawClassMap, drawHeatmap };

// host: { root, ui, storeRuns (null: the page's life only; a name: kept in localStorage),
// engine(), state(), settle(), apply(state), reset(), adoptSettings(result, source), showError,
// createEngine() }. The object handed to the lazy parts (runs) carries their state too.
export function wireRuns(host) {
  const log = new RunLog();
  // settings: the state the run trained with; weights: false when the engine no longer has them.
  const end = (settings, weights = true) =>
    log.end(host.ui.output.chart.history, serializeHash(settings), weights ? () => host.engine().save() : null);
  const runs = { ...host, log, end, views, loadStore: () => loadLater(() => import('../runs/run-store.js'), 'the stored runs') };
  return {
    end,
    open: (button) => loadLater(() => import('../runs/runs-panel.js'), 'the runs panel').then((m) => m.openPanel(runs, button)).catch(host.showError),
    play() {
      log.play();
      if (host.storeRuns !== null) runs.loadStore().then((m) => m.attachOnce(runs)).catch(host.showError);
    },
    pause: () => log.pause(),
    destroy: () => runs.destroy?.(),
  };
}
