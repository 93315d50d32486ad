// The run history's wiring, for the conductor (../playground.js). This is what every playground
// loads, so it keeps only the run's clock and, at every rebuild or reset, takes what the run
// leaves (the loss chart's points, its settings, a promise of its weights) before the engine
// changes. The rest of the run history is one module fetched on first use (../runs/runs-panel.js:
// the log, the web-storage copy where the page asked for it with storeRuns, the panel): at the
// first run's end, the first play or the first press of Runs.
import { serializeHash } from '../state/state.js';
import { changesBetween } from './settings.js';
import { Engine } from '../engine/engine.js';
import { loadLater } from '../shared/later.js';
import { drawOutputMap } from '../views/map-drawing.js';
import { drawClassMap, drawHeatmap } from '../views/heatmap.js';

// The map drawing the panel's sweeps use, handed over rather than imported by the panel: the
// views then stay in the first load's bundle instead of moving to a chunk shared with the panel.
const views = { drawOutputMap, drawClassMap, drawHeatmap };

// host: the conductor's { root, ui, storeRuns (null: the page's life only; a name: kept in
// localStorage), engine(), state(), settle(), changeMany(changes), restart(call),
// adoptSettings(result, source), showError }. The lazy parts get apply(state) (a whole state),
// reset(), createEngine() (an engine of its own, for a sweep's member) on `runs`, and keep their
// own state there (the log, the panel).
export function wireRuns(host) {
  let spent = 0;          // ms trained in this run before `since`
  let since = null;       // when the current stretch of play began; null while paused
  let trainedWith = null; // the state of the last trained frame (see trained below)
  const runs = { ...host, views, end, createEngine: () => new Engine(),
    apply: (next) => host.changeMany(changesBetween(host.state(), next)), reset: () => host.restart(() => host.engine().reset()) };
  // The run history's one lazy module (the log, storage, panel): use(module) once it is in.
  const later = (use) => loadLater(() => import('../runs/runs-panel.js'), 'the run history').then(use).catch(host.showError);

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
    later((m) => m.logOf(runs).record({ points, hash, ms, save }));
  }

  const open = (button) => later((m) => m.openPanel(runs, button));
  host.ui.runsButton?.addEventListener('click', (e) => open(e.currentTarget));
  return {
    end, runs, open,
    play() {
      since ??= performance.now();
      if (host.storeRuns !== null) later((m) => m.attachOnce(runs));
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
