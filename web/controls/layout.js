// Builds one playground's DOM: the toolbar, the data / network / output columns and the message
// area, and returns handles to the parts. It holds no training state of its own.
import { h } from '../shared/dom.js';
import { DataOrigin } from './data-origin.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { guardDataChanges } from './data-guard.js';
import { createControl } from './controls.js';
import { DatasetPicker } from './dataset-picker.js';
import { OutputView } from '../views/output-view.js';
import { LayerActivations } from './layer-activations.js';
import { buildPaceControls } from './pace-control.js';
import { Announcer } from '../views/announcer.js';
import { MapDescription } from '../views/map-description.js';

// The Playground's `<name>_hide` names for controls that are not settings keys.
const HIDE_ALIASES = { playButton: 'play', stepButton: 'step', resetButton: 'reset', numHiddenLayers: 'layers' };

// Small SVG icons built as DOM (fonts differ in which symbol glyphs they have). Each is a list
// of [path, kind]: 'line' paths are stroked, 'shape' paths filled.
const ICONS = {
  reset: [['M12 6a6 6 0 1 1-6 6', 'line'], ['M12 2.5l4 3.5-4 3.5z', 'shape']],
};

// Digits in groups of three: "5040" -> "5,040". Not toLocaleString: its first call loads the
// locale's data, which took 50-75 ms on the main thread just after play (bench:page --trace).
function withCommas(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// Read-outs change text only when it changed: an equal string costs no layout.
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// At most this wide (CSS px) the playground is laid out for a phone (see playground/styles.js).
const PHONE_WIDTH = 560;

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

export function buildLayout(root, unguarded) {
  const origin = new DataOrigin();
  const confirm = new ConfirmDialog();
  let lastState = null;
  const controls = new Map();
  // Cancel in the confirm dialog puts the data controls back to the state last shown.
  const restore = () => { if (lastState) for (const [key, c] of controls) c.set(lastState[key]); };
  const handlers = guardDataChanges(unguarded, { origin, confirm, restore });
  const control = (key) => {
    const c = createControl(key, handlers.onChange);
    controls.set(key, c);
    return c.element;
  };
  // A text button is named by its text (a spoken name that differs from the visible one would
  // not match what a voice-control user says); an icon button by its label. Both get a tooltip.
  const button = (name, label, onclick, content, className = 'icon-button') =>
    h('button', { type: 'button', class: className, dataset: { control: name }, title: label, onclick,
      ...(typeof content === 'string' ? {} : { 'aria-label': label }) }, content);

  const playButton = h('button', { type: 'button', class: 'play-button', dataset: { control: 'play' },
    'aria-label': 'Play', onclick: handlers.onPlayPause }, h('span', { class: 'play-icon', 'aria-hidden': 'true' }));
  const resetButton = button('reset', 'Reset to the initial weights', handlers.onReset, icon('reset'));
  const paceControls = buildPaceControls({ onPace: (value) => handlers.onChange('epochsPerFrame', value), onStep: handlers.onStep });
  const newWeightsButton = button('newWeights', 'Draw new initial weights', handlers.onNewWeights, 'New weights', 'text-button small');
  const tourButton = button('tour', 'Take a guided tour of how the network learns', handlers.onTour, 'Tour', 'text-button small');
  // Its press is wired by the run history (playground/runs-wiring.js), which fetches the panel.
  const runsButton = button('runs', 'Compare runs and sweep one setting', undefined, 'Runs', 'text-button small');
  runsButton.setAttribute('aria-expanded', 'false');
  const epoch = h('output', { class: 'epoch-value', 'aria-live': 'off' }, '000,000');
  const speed = h('output', { class: 'speed-value', 'aria-live': 'off' }, '');

  const toolbar = h('div', { class: 'toolbar' },
    h('div', { class: 'run-controls' }, resetButton, playButton, paceControls.step, paceControls.pace, newWeightsButton, tourButton, runsButton),
    h('div', { class: 'epoch', dataset: { control: 'epoch' } }, h('span', { class: 'control-label' }, 'Epoch'), epoch, speed),
    control('learningRate'), control('activation'), control('regularization'),
    control('regularizationRate'), control('problem'), control('numClasses'));

  // "More settings" is built when it first opens: its selects, options and inputs are a third
  // of a playground's DOM nodes (with their user-agent shadow trees), and most readers of a post
  // with several playgrounds never open it. Until then setValues has none of its controls.
  let layerActivations = null;
  const advancedGrid = h('div', { class: 'advanced-grid' });
  const buildAdvanced = () => {
    if (layerActivations || !advanced.open) return;
    const layerBox = h('div', { class: 'layer-activations' });
    layerActivations = new LayerActivations(layerBox, (list) => handlers.onChange('activations', list));
    advancedGrid.append(
      h('fieldset', {}, h('legend', {}, 'Optimizer'), control('optimizer'), control('momentum'), control('rho'),
        control('beta1'), control('beta2')),
      h('fieldset', {}, h('legend', {}, 'Learning-rate schedule'), control('lrSchedule'), control('lrDecayEpochs'),
        control('lrDecayRate')),
      h('fieldset', {}, h('legend', {}, 'Model'), control('loss'), control('init')),
      h('fieldset', { dataset: { control: 'activations' } }, h('legend', {}, 'Activation per hidden layer'), layerBox),
      h('fieldset', {}, h('legend', {}, 'Auto-stop'), control('stopEpochs'), control('stopTestLoss'), control('stopPatience')),
      h('fieldset', {}, h('legend', {}, 'Display'), control('epochsPerFrame'), control('palette')));
    if (lastState) ui.setValues(lastState);
  };
  const advanced = h('details', { class: 'advanced', dataset: { control: 'advanced' }, ontoggle: buildAdvanced },
    h('summary', {}, 'More settings: optimizer, schedule, loss, initial weights, auto-stop, speed, colours'), advancedGrid);

  const datasetBox = h('div', { class: 'datasets', dataset: { control: 'dataset' } });
  const datasets = new DatasetPicker(datasetBox, handlers.onPickDataset);
  const regenerate = h('button', { type: 'button', class: 'text-button', dataset: { control: 'regenerate' },
    onclick: handlers.onRegenerate }, 'Regenerate');
  const dataTools = h('div', { class: 'data-tools', dataset: { control: 'dataTools' } });
  // The data set's own settings and tools fold away; they start folded on a phone, so that the
  // network and the map come within a screen of Play.
  const dataMore = h('details', { class: 'data-more' },
    h('summary', {}, 'Samples, split, noise, batch size, your own data'),
    control('numSamples'), control('percTrainData'), control('noise'), control('batchSize'), origin.box, regenerate, dataTools);
  // The columns are named groups (role overrides the region a named section would be): a blog
  // post with three playgrounds would otherwise hold three "Network" landmarks a screen reader
  // cannot tell apart.
  const dataColumn = h('section', { class: 'column column-data', role: 'group', 'aria-label': 'Data' },
    h('h2', {}, 'Data'), h('p', { class: 'hint' }, 'Which dataset do you want to use?'), datasetBox, dataMore);

  const networkContainer = h('div', { class: 'network' });
  // The followed point's passes and the diagram's legend go right under the diagram they explain.
  const trace = h('div', { class: 'trace', dataset: { control: 'forwardPass' } });
  const networkColumn = h('section', { class: 'column column-network', role: 'group', 'aria-label': 'Network' },
    h('h2', {}, 'Features and hidden layers'), networkContainer, trace);

  const outputBox = h('div', { class: 'output' });
  const described = h('div', { class: 'map-words' });
  const confusion = h('div', { class: 'confusion', dataset: { control: 'confusion' } });
  const warning = h('div', { class: 'warnings' });
  const outputColumn = h('section', { class: 'column column-output', role: 'group', 'aria-label': 'Output' },
    h('h2', {}, 'Output'), warning, outputBox, described,
    h('div', { class: 'output-options' }, control('showTestData'), control('discretize'),
      control('showGradients'), control('showPointLoss')),
    confusion);
  const output = new OutputView(outputBox, { onMapClick: handlers.onMapClick });
  // What the canvases show, in words: metrics read out now and then, the map on request.
  const announcer = new Announcer(described);
  const mapDescription = new MapDescription(described, { onRequest: () => handlers.onDescribeMap?.() });

  const message = h('div', { class: 'message', role: 'alert', hidden: true });
  const main = h('div', { class: 'columns' }, dataColumn, networkColumn, outputColumn);
  const playground = h('div', { class: 'playground' }, toolbar, advanced, message, main, confirm.dialog);
  root.append(playground);
  const firstSize = new ResizeObserver(([entry]) => {
    if (!entry.contentRect.width) return;
    dataMore.open = entry.contentRect.width > PHONE_WIDTH;
    firstSize.disconnect();
  });
  firstSize.observe(playground);

  const ui = {
    networkContainer, runsButton, output, datasets, dataTools, confusion, trace, announcer, mapDescription, warning, origin, confirm,
    setValues(state) {
      lastState = state;
      for (const [key, c] of controls) {
        c.set(state[key]);
        c.showFor(state);
      }
      datasets.show(state.problem, state.problem === 'regression' ? state.regDataset : state.dataset);
      layerActivations?.show(state);
      paceControls.show(state.epochsPerFrame);
      const hidden = new Set(state.hidden.map((name) => HIDE_ALIASES[name] ?? name));
      for (const el of root.querySelectorAll('[data-control]')) el.hidden = hidden.has(el.dataset.control);
    },
    // A new network or data: the spoken metrics start afresh and the map's description goes.
    forgetWords() {
      announcer.forget();
      mapDescription.clear();
    },
    showEpoch(n) {
      setText(epoch, withCommas(String(n).padStart(6, '0')));
    },
    // Epochs per second, measured by the caller over the last second or so.
    showSpeed(epochsPerSecond) {
      setText(speed, Number.isFinite(epochsPerSecond) && epochsPerSecond > 0
        ? `${epochsPerSecond >= 100 ? withCommas(String(Math.round(epochsPerSecond))) : epochsPerSecond.toFixed(1)} epochs/s`
        : '');
    },
    showRunning(running) {
      playButton.classList.toggle('playing', running);
      playButton.setAttribute('aria-label', running ? 'Pause' : 'Play');
    },
    showError(text) {
      message.textContent = text;
      message.hidden = false;
    },
    // A message with a Restart button, for an engine that stopped.
    showFatal(text, onRestart) {
      message.replaceChildren(text, ' ', h('button', { type: 'button', class: 'text-button small restart-button',
        onclick: onRestart }, 'Restart'));
      message.hidden = false;
    },
    clearError() {
      message.hidden = true;
      message.textContent = '';
    },
  };
  return ui;
}
