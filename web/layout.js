// Builds one playground's DOM: the toolbar, the data / network / output columns and the message
// area, and returns handles to the parts. It holds no training state of its own.
import { h } from './dom.js';
import { createControl } from './controls.js';
import { DatasetPicker } from './dataset-picker.js';
import { OutputView } from './output-view.js';

// The Playground's `<name>_hide` names for controls that are not settings keys.
const HIDE_ALIASES = { playButton: 'play', stepButton: 'step', resetButton: 'reset', numHiddenLayers: 'layers' };

// Small SVG icons built as DOM (fonts differ in which symbol glyphs they have). Each is a list
// of [path, kind]: 'line' paths are stroked, 'shape' paths filled.
const ICONS = {
  reset: [['M12 6a6 6 0 1 1-6 6', 'line'], ['M12 2.5l4 3.5-4 3.5z', 'shape']],
  step: [['M6 6v12l8-6z', 'shape'], ['M16 6h2v12h-2z', 'shape']],
};

function icon(name) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  for (const [d, kind] of ICONS[name]) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', `icon-${kind}`);
    svg.append(path);
  }
  return svg;
}

export function buildLayout(root, handlers) {
  const controls = new Map();
  const control = (key) => {
    const c = createControl(key, handlers.onChange);
    controls.set(key, c);
    return c.element;
  };

  const playButton = h('button', { type: 'button', class: 'play-button', dataset: { control: 'play' },
    'aria-label': 'Play', onclick: handlers.onPlayPause }, h('span', { class: 'play-icon', 'aria-hidden': 'true' }));
  const resetButton = h('button', { type: 'button', class: 'icon-button', dataset: { control: 'reset' },
    'aria-label': 'Reset the network', title: 'Reset the network', onclick: handlers.onReset }, icon('reset'));
  const stepButton = h('button', { type: 'button', class: 'icon-button', dataset: { control: 'step' },
    'aria-label': 'Train one epoch', title: 'Train one epoch', onclick: handlers.onStep }, icon('step'));
  const epoch = h('output', { class: 'epoch-value', 'aria-live': 'off' }, '000,000');

  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'run-controls' }, resetButton, playButton, stepButton),
    h('div', { class: 'epoch' }, h('span', { class: 'control-label' }, 'Epoch'), epoch),
    control('learningRate'), control('activation'), control('regularization'),
    control('regularizationRate'), control('problem'));

  const datasetBox = h('div', { class: 'datasets', dataset: { control: 'dataset' } });
  const datasets = new DatasetPicker(datasetBox, handlers.onPickDataset);
  const regenerate = h('button', { type: 'button', class: 'text-button', dataset: { control: 'regenerate' },
    onclick: handlers.onRegenerate }, 'Regenerate');
  const dataColumn = h('section', { class: 'column column-data', 'aria-label': 'Data' },
    h('h2', {}, 'Data'), h('p', { class: 'hint' }, 'Which dataset do you want to use?'), datasetBox,
    control('percTrainData'), control('noise'), control('batchSize'), regenerate);

  const networkContainer = h('div', { class: 'network' });
  const networkColumn = h('section', { class: 'column column-network', 'aria-label': 'Network' },
    h('h2', {}, 'Features and hidden layers'), networkContainer);

  const outputBox = h('div', { class: 'output' });
  const outputColumn = h('section', { class: 'column column-output', 'aria-label': 'Output' },
    h('h2', {}, 'Output'), outputBox,
    h('div', { class: 'output-options' }, control('showTestData'), control('discretize')));
  const output = new OutputView(outputBox);

  const message = h('div', { class: 'message', role: 'alert', hidden: true });
  const main = h('div', { class: 'columns' }, dataColumn, networkColumn, outputColumn);
  root.append(h('div', { class: 'playground' }, toolbar, message, main));

  return {
    networkContainer, output, datasets,
    setValues(state) {
      for (const [key, c] of controls) c.set(state[key]);
      datasets.show(state.problem, state.problem === 'regression' ? state.regDataset : state.dataset);
      const hidden = new Set(state.hidden.map((name) => HIDE_ALIASES[name] ?? name));
      for (const el of root.querySelectorAll('[data-control]')) el.hidden = hidden.has(el.dataset.control);
    },
    showEpoch(n) {
      epoch.textContent = String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    },
    showRunning(running) {
      playButton.classList.toggle('playing', running);
      playButton.setAttribute('aria-label', running ? 'Pause' : 'Play');
    },
    showError(text) {
      message.textContent = text;
      message.hidden = false;
    },
    clearError() {
      message.hidden = true;
      message.textContent = '';
    },
  };
}
