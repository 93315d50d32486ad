// The run history's wiring, for the conductor (../playground.js): it ends a run at every rebuild
// or reset (its settings, the loss chart's curve and, when asked, the engine's weights go into
// a RunLog) and keeps the run's clock. The runs panel and, when the page asked for it
// (storeRuns), the web-storage copy are fetched on first use.
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
// createEngine() }.
export function wireRuns(host) {
  const log = new RunLog();
  const storing = typeof host.storeRuns === 'string';
  let panel = null;
  let store = null;

  // settings: the state the run trained with; weights: false when the engine no longer has them.
  const end = (settings, weights = true) =>
    log.end(host.ui.output.chart.history, serializeHash(settings), weights ? () => host.engine().save() : null);

  // Storage is read and written only when the page asked for it, from the first play or the
  // first look at the panel on.
  const attach = () => (storing ? store ??= loadLater(() => import('../runs/run-store.js'), 'the stored runs')
    .then((m) => m.attachStore(log, { name: host.storeRuns, onLeave: () => end(host.state(), false), onProblem: host.showError }),
      (error) => { store = null; host.showError(error); }) : null);

  async function open(button) {
    try {
      const [{ RunsPanel }] = await Promise.all([loadLater(() => import('../runs/runs-panel.js'), 'the runs panel'), attach()]);
      panel ??= new RunsPanel({ ...host, log, button, storing, end, views });
      panel.toggle();
    } catch (error) {
      host.showError(error);
    }
  }

  return {
    end, open,
    play() { log.play(); attach(); },
    pause() { log.pause(); },
    destroy() { store?.then((detach) => detach?.()); panel?.destroy(); },
  };
}
