// Your own data: edit points on the map, CSV in and out, and whole experiments saved and opened.
// It builds the controls and reports what the person asked for; the playground does the work.
import { h } from '../shared/dom.js';
import { classColor, colorFor } from '../views/colors.js';
import { className } from '../state/class-names.js';
import { CAPS } from '../state/state.js';

const MAX_CSV_BYTES = CAPS.maxCsvBytes;
const MAX_EXPERIMENT_BYTES = CAPS.maxExperimentBytes;
let instances = 0;  // for ids that stay unique when several playgrounds share a document

// Offers `text` as a file download named `name`.
export function download(doc, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Reads a chosen file as text after checking its size; reports problems through onError.
function readFile(input, limit, onText, onError) {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (file.size > limit) {
    onError(`${file.name} is ${Math.round(file.size / 1024)} KB; allowed up to ${Math.round(limit / 1024)} KB`);
    return;
  }
  file.text().then(onText, () => onError(`${file.name} could not be read`));
}

export class DataTools {
  // handlers: onEditMode(on), onImportCsv(text) and onOpenExperiment(text) (each returns a
  // promise), onExportCsv(), onSaveExperiment(), onExportModel(errorBox) (opens the export dialog,
  // or shows why not in errorBox through showToolError), onError(message) (told of an error shown here)
  constructor(container, handlers) {
    this.editing = false;
    this.label = 1;
    this.addAsTest = false;
    this.editButton = h('button', { type: 'button', class: 'text-button', 'aria-pressed': 'false',
      dataset: { control: 'editData' }, onclick: () => this.setEditing(!this.editing) }, 'Edit points');
    this.classPicker = h('div', { class: 'class-picker', role: 'radiogroup', 'aria-label': 'Class of new points' });
    this.testBox = h('input', { type: 'checkbox', onchange: () => { this.addAsTest = this.testBox.checked; } });
    this.editPanel = h('div', { class: 'edit-panel', hidden: true },
      h('p', { class: 'hint' }, 'Click the map to add a point; Shift+click removes the nearest one.'),
      this.classPicker,
      h('label', { class: 'control-checkbox' }, this.testBox, h('span', {}, 'Add as test point')));

    // Errors show beside what caused them: one message line under the CSV row (the file and
    // the pasted text), one under the experiment row. onImportCsv and onOpenExperiment return
    // a promise that rejects with the engine's message.
    const csvError = h('p', { class: 'tool-error', role: 'alert', hidden: true });
    const experimentError = h('p', { class: 'tool-error', role: 'alert', hidden: true });
    this.errors = [csvError, experimentError];
    const load = (handler, errorBox) => (text) => {
      this.showToolError(errorBox, '');
      Promise.resolve(handler(text)).catch((error) => this.showToolError(errorBox, error?.message ?? String(error)));
    };
    const failed = (errorBox) => (message) => this.showToolError(errorBox, message);
    const csvInput = h('input', { type: 'file', accept: '.csv,text/csv,text/plain', class: 'file-input',
      onchange: () => readFile(csvInput, MAX_CSV_BYTES, load(handlers.onImportCsv, csvError), failed(csvError)) });
    const jsonInput = h('input', { type: 'file', accept: '.json,application/json', class: 'file-input',
      onchange: () => readFile(jsonInput, MAX_EXPERIMENT_BYTES, load(handlers.onOpenExperiment, experimentError),
        failed(experimentError)) });
    this.pasteArea = h('textarea', { class: 'paste-area', rows: 5, spellcheck: 'false',
      'aria-label': 'CSV text: x,y,label per line', placeholder: 'x,y,label\n1.5,-2,a\n-3,0.5,b',
      'aria-describedby': `csv-error-${++instances}` });
    csvError.id = `csv-error-${instances}`;
    const pastePanel = h('div', { class: 'paste-panel', hidden: true }, this.pasteArea,
      h('button', { type: 'button', class: 'text-button small',
        onclick: () => load(handlers.onImportCsv, csvError)(this.pasteArea.value) }, 'Use this data'));
    const fileButton = (label, input) => h('label', { class: 'text-button small file-button' }, label, input);

    container.append(
      h('div', { class: 'tool-row' }, this.editButton),
      this.editPanel,
      h('div', { class: 'tool-row', dataset: { control: 'csv' } },
        fileButton('Upload CSV', csvInput),
        h('button', { type: 'button', class: 'text-button small', 'aria-expanded': 'false',
          onclick: (e) => {
            pastePanel.hidden = !pastePanel.hidden;
            e.currentTarget.setAttribute('aria-expanded', String(!pastePanel.hidden));
          } }, 'Paste CSV'),
        h('button', { type: 'button', class: 'text-button small', onclick: handlers.onExportCsv }, 'Download CSV')),
      pastePanel, csvError,
      h('div', { class: 'tool-row', dataset: { control: 'experiment' } },
        h('button', { type: 'button', class: 'text-button small', onclick: handlers.onSaveExperiment }, 'Save experiment'),
        fileButton('Open experiment', jsonInput),
        h('button', { type: 'button', class: 'text-button small', 'aria-haspopup': 'dialog',
          onclick: () => handlers.onExportModel(experimentError) }, 'Export model')),
      experimentError);
    this.handlers = handlers;
  }

  // An empty text hides the message.
  showToolError(box, text) {
    box.textContent = text;
    box.hidden = !text;
    if (text) this.handlers.onError?.(text);
  }

  setEditing(on) {
    this.editing = on;
    this.editButton.setAttribute('aria-pressed', String(on));
    this.editButton.classList.toggle('active', on);
    this.editPanel.hidden = !on;
    this.handlers.onEditMode?.(on);
  }

  // Rebuilds the class picker for the problem: -1 / +1, classes 0..K-1, or a value for regression;
  // classes are named as everywhere else (state/class-names.js).
  setProblem({ classes, names = null, palette }) {
    const choices = classes === 0 ? [-1, -0.5, 0, 0.5, 1]
      : classes === 2 ? [-1, 1] : Array.from({ length: classes }, (_, k) => k);
    if (!choices.includes(this.label)) this.label = choices[choices.length - 1];
    const swatches = choices.map((value) => {
      const color = classes > 2 ? classColor(value, palette) : colorFor(value, palette);
      const name = classes === 0 ? `value ${value}` : className(classes === 2 ? (value < 0 ? 0 : 1) : value, { classes, names }).name;
      const radio = h('button', { type: 'button', role: 'radio', class: 'swatch', 'aria-label': name, title: name,
        'aria-checked': String(value === this.label),
        onclick: () => {
          this.label = value;
          for (const el of this.classPicker.children) el.setAttribute('aria-checked', String(el === radio));
        } });
      radio.style.backgroundColor = color;
      return radio;
    });
    this.classPicker.replaceChildren(...swatches);
  }
}
