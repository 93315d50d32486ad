// The "Export" dialog: the trained network on screen as NumPy, PyTorch and ONNX files, the data
// as CSV and a "what you built" note, each a download. It is a chunk of its own, fetched on the
// first press of "Export model" (playground/data-editing.js), which hands in all it needs, so the
// first load carries one call: the DOM builder (shared/dom.js's h) too is handed in rather than
// imported, since a module this chunk shared with the first load would be split into a chunk of
// its own and fetched up front. The model is read afresh from the engine's save() at every
// opening, with training paused, so the files hold the weights the map shows.
import { describeModel } from './model.js';
import { MODEL_FORMATS, NOT_OFFERED } from './formats.js';
import { summaryText } from './summary.js';
import { EXPORT_CSS } from './export-styles.js';

let sheet = null;
let dialogs = 0;  // for ids that stay unique when several playgrounds share a document
const opened = new WeakMap();  // each playground's root -> its dialog, built on the first press

// The dialog's stylesheet, adopted next to the playground's in `root` (a shadow root or a document).
function adoptStyles(root) {
  if (!root.adoptedStyleSheets) return;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(EXPORT_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

// Opens the export dialog of the playground in `root` (its shadow root), building it the first
// time. h: shared/dom.js's h; download(doc, name, data, type) offers a file; pause() stops
// training; engine() is the playground's current engine (a restart replaces it).
export function openExport(root, { h, download, pause, engine }) {
  if (!opened.has(root)) {
    const doc = root.ownerDocument ?? document;
    opened.set(root, new ExportDialog(root, { h, download: (name, data, type) => download(doc, name, data, type), pause, engine }));
  }
  return opened.get(root).open();
}

export class ExportDialog {
  constructor(root, { h, download, pause, engine }) {
    this.h = h;
    this.engine = engine;
    this.pause = pause;
    this.download = download;
    this.model = null;
    const titleId = `export-title-${++dialogs}`;
    adoptStyles(root.getRootNode?.() ?? root);
    this.message = h('p', { class: 'export-message', role: 'alert', hidden: true });
    this.status = h('p', { class: 'export-status', 'aria-live': 'polite' });
    this.summary = h('textarea', { class: 'export-summary', readonly: true, rows: 8, spellcheck: 'false',
      'aria-label': 'What you built' });
    const models = MODEL_FORMATS.map((format) => this.button(format.label, format.note,
      () => this.save(format.file, format.make(this.model), format.type), format.id));
    const note = this.button('Download', 'as Markdown', () => this.save('nnplay-what-i-built.md', this.summary.value, 'text/markdown'), 'summary');
    this.needModel = [...models, note].map(({ button }) => button);
    const close = h('button', { type: 'button', class: 'text-button small', onclick: () => this.dialog.close() }, 'Close');
    this.dialog = h('dialog', { class: 'export-dialog', 'aria-labelledby': titleId },
      h('div', { class: 'export-form' },
        h('div', { class: 'export-head' }, h('h2', { id: titleId }, 'Export the trained model'), close),
        h('p', { class: 'export-intro' }, 'The network on screen with its trained weights, as code that takes raw (x, y) ',
          'and computes its input features itself.'),
        this.message,
        h('div', { class: 'export-list' }, ...models.map(({ row }) => row),
          this.button('Data', 'the points as CSV (x, y and the label or target)', () => this.engine().exportCsv()
            .then((csv) => this.save('nnplay-data.csv', csv, 'text/csv')), 'csv').row),
        h('p', { class: 'export-note' }, NOT_OFFERED),
        h('div', { class: 'export-summary-head' }, h('h3', {}, 'What you built'), note.button),
        this.summary,
        this.status));
    root.append(this.dialog);
  }

  // A download button with a note; a failure shows in the dialog's message line.
  button(label, note, action, name) {
    const { h } = this;
    const button = h('button', { type: 'button', class: 'text-button small', dataset: { export: name },
      onclick: async () => {
        this.showMessage('');
        try {
          await action();
        } catch (error) {
          this.showMessage(`${label}: ${error?.message ?? error}`);
        }
      } }, label);
    return { button, row: h('div', { class: 'export-row' }, button, h('span', { class: 'export-row-note' }, note)) };
  }

  save(name, data, type) {
    this.download(name, data, type);
    this.status.textContent = `Downloaded ${name}.`;
  }

  showMessage(text) {
    this.message.textContent = text;
    this.message.hidden = !text;
  }

  // Pauses training, reads the network from the engine and opens. A network that cannot be
  // exported (diverged weights) still opens, with the reason and the data download. The
  // worker answers in order, so a frame of no training asked after the pause waits for any
  // frame still in flight: its metrics and the save after it describe the same weights.
  async open() {
    this.showMessage('');
    this.status.textContent = '';
    this.pause();
    const engine = this.engine();
    const { metrics } = await engine.frame(0, 2);
    const text = await engine.save();
    try {
      this.model = describeModel(text);
      this.summary.value = summaryText(this.model, JSON.parse(text), metrics);
    } catch (error) {
      this.model = null;
      this.summary.value = '';
      this.showMessage(error.message);
    }
    for (const button of this.needModel) button.disabled = !this.model;
    if (!this.dialog.open) this.dialog.showModal();
  }
}
