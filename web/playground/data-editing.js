// The person's own data, for the conductor (../playground.js): the data tools' wiring (CSV in
// and out, experiments saved and opened) and what a click on the output map does (in edit mode
// add a point of the picked class, Shift+click remove the nearest; otherwise follow the clicked
// point through the network). It owns no state: the conductor hands in how to reach the current
// engine and how to take an engine-side change into the page.
import { DataTools, download } from '../controls/data-tools.js';
import { loadLater } from '../shared/later.js';
import { h } from '../shared/dom.js';

// host: { root, ui, explain, engine() (the current one: a restart replaces it), started(),
// points() (the training points, 4 numbers each), pause(), adoptSettings(result, source) (a CSV
// or an experiment brought settings), applyStructure(result) (an edited point), showError,
// onEvent }. Returns { tools, mapClicked(click) }.
export function wireDataEditing(host) {
  const { root, ui, explain, pause, showError, onEvent } = host;
  const doc = root.ownerDocument ?? document;

  // A CSV import or an opened experiment changed the engine's settings: take them into the state.
  // Returns the promise: the data tools show its error beside the box it came from.
  function restructure(promise, source) {
    pause();
    return promise.then((result) => {
      host.adoptSettings(result, source);
      onEvent('data', { source });
    });
  }

  const tools = new DataTools(ui.dataTools, {
    onImportCsv: (text) => restructure(host.engine().importCsv(text), 'CSV'),
    onExportCsv: () => host.engine().exportCsv().then((csv) => download(doc, 'nnplay-data.csv', csv, 'text/csv'), showError),
    onSaveExperiment: () => host.engine().save().then((json) => download(doc, 'nnplay-experiment.json', json, 'application/json'), showError),
    onOpenExperiment: (text) => restructure(host.engine().load(text), 'experiment'),
    // The export dialog and its formats are a chunk of their own, fetched on the first press.
    onExportModel: (box) => loadLater(() => import('../export/export-dialog.js'), 'the export dialog')
      .then((chunk) => chunk.openExport(root, { h, download, pause, engine: host.engine }))
      .then(() => tools.showToolError(box, ''), (error) => tools.showToolError(box, error.message)),
    // The tools show their errors beside themselves; the page's listeners still hear of them.
    onError: (message) => onEvent('error', { message }),
  });

  function mapClicked({ x, y, shift, point }) {
    if (!host.started()) return;
    if (tools.editing) {
      const engine = host.engine();
      const action = shift ? (point >= 0 ? engine.removePoint(point) : null)
        : engine.addPoint(x, y, tools.label, tools.addAsTest);
      if (action) action.then((result) => { host.applyStructure({ ...result, source: 'edit' }); onEvent('data', { source: 'edit' }); }, showError);
      return;
    }
    if (point >= 0) {
      pause();  // a followed point is easier to read on still weights; Step moves them
      explain.follow(point, host.points()).catch(showError);
    } else {
      explain.unfollow();
    }
    onEvent('select', { point });
  }

  return { tools, mapClicked };
}
