// Labelled form controls for the playground's settings. Each control parses what the person
// picked through the state SCHEMA (coerce) and reports onChange(key, value); set(value) shows
// a value that came from elsewhere (the URL, an attribute, a reset).
import { coerce } from '../state/state.js';
import { h } from '../shared/dom.js';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

// How each setting is shown. Keys without an entry have no generic control.
export const CONTROL_UI = {
  learningRate: { label: 'Learning rate', kind: 'select', options: LEARNING_RATES },
  activation: { label: 'Activation', kind: 'select',
    options: ['relu', 'tanh', 'sigmoid', 'linear', 'leakyRelu', 'elu', 'gelu', 'silu', 'softplus', 'sine'],
    names: { relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear', leakyRelu: 'Leaky ReLU', elu: 'ELU',
      gelu: 'GELU', silu: 'SiLU (swish)', softplus: 'Softplus', sine: 'Sine' } },
  regularization: { label: 'Regularization', kind: 'select', options: ['none', 'L1', 'L2'], names: { none: 'None' } },
  regularizationRate: { label: 'Regularization rate', kind: 'select', options: REGULARIZATION_RATES },
  problem: { label: 'Problem type', kind: 'select', options: ['classification', 'regression'],
    names: { classification: 'Classification', regression: 'Regression' } },
  percTrainData: { label: 'Ratio of training to test data', kind: 'range', min: 10, max: 90, step: 10, unit: '%' },
  noise: { label: 'Noise', kind: 'range', min: 0, max: 50, step: 5 },
  batchSize: { label: 'Batch size', kind: 'range', min: 1, max: 30, step: 1 },
  showTestData: { label: 'Show test data', kind: 'checkbox' },
  discretize: { label: 'Discretize output', kind: 'checkbox' },
  numClasses: { label: 'Classes', kind: 'select', options: [2, 3, 4, 5, 6],
    when: (s) => s.problem === 'classification' },
  numSamples: { label: 'Samples (0 = the data set\u2019s own)', kind: 'select',
    options: [0, 50, 100, 200, 500, 1000, 2000] },
  loss: { label: 'Loss', kind: 'select', options: ['squared', 'crossEntropy', 'huber'],
    names: { squared: 'Squared error', crossEntropy: 'Cross-entropy', huber: 'Huber' },
    when: (s) => s.problem === 'regression' || s.numClasses === 2,
    optionWhen: (s, v) => (s.problem === 'regression' ? v !== 'crossEntropy' : v !== 'huber') },
  optimizer: { label: 'Optimizer', kind: 'select', options: ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam'],
    names: { sgd: 'SGD', momentum: 'Momentum', nesterov: 'Nesterov', rmsprop: 'RMSprop', adam: 'Adam' } },
  momentum: { label: 'Momentum', kind: 'number', min: 0, max: 0.999, step: 0.01,
    when: (s) => s.optimizer === 'momentum' || s.optimizer === 'nesterov' },
  rho: { label: 'Decay \u03c1', kind: 'number', min: 0, max: 0.999, step: 0.01, when: (s) => s.optimizer === 'rmsprop' },
  beta1: { label: '\u03b2\u2081', kind: 'number', min: 0, max: 0.999, step: 0.01, when: (s) => s.optimizer === 'adam' },
  beta2: { label: '\u03b2\u2082', kind: 'number', min: 0, max: 0.99999, step: 0.001, when: (s) => s.optimizer === 'adam' },
  lrSchedule: { label: 'Learning-rate schedule', kind: 'select', options: ['constant', 'step', 'cosine'],
    names: { constant: 'Constant', step: 'Step decay', cosine: 'Cosine' } },
  lrDecayEpochs: { label: 'Decay epochs', kind: 'number', min: 1, max: 1000000, step: 1,
    when: (s) => s.lrSchedule !== 'constant' },
  lrDecayRate: { label: 'Step factor', kind: 'number', min: 0.01, max: 1, step: 0.05, when: (s) => s.lrSchedule === 'step' },
  init: { label: 'Initial weights', kind: 'select', options: ['playground', 'glorot', 'he'],
    names: { playground: 'Playground \u00b10.5', glorot: 'Glorot', he: 'He' } },
  stopEpochs: { label: 'Stop after epochs (0 = never)', kind: 'number', min: 0, max: 100000000, step: 1 },
  stopTestLoss: { label: 'Stop at test loss (0 = off)', kind: 'number', min: 0, max: 10, step: 0.01 },
  stopPatience: { label: 'Stop when no better for epochs (0 = off)', kind: 'number', min: 0, max: 1000000, step: 1 },
  epochsPerFrame: { label: 'Pace: epochs per drawn frame', kind: 'select', options: ['batch', '1', '2', '5', '10', '20', '50', '100', 'auto'],
    names: { batch: 'One mini-batch', 1: '1 (the Playground\u2019s pace)', auto: 'Auto (as fast as it goes)' } },
  palette: { label: 'Colours', kind: 'select', options: ['classic', 'colorblind'],
    names: { classic: 'Classic', colorblind: 'Colour-blind safe' } },
  showGradients: { label: 'Show gradients (back-propagation)', kind: 'checkbox' },
  showPointLoss: { label: 'Show each point\u2019s loss', kind: 'checkbox' },
};

function selectControl(key, ui, onChange) {
  const select = h('select', { class: 'control-input', dataset: { key },
    onchange: () => report(key, select.value, onChange, () => set(current)) });
  let current;
  const optionFor = (value) => h('option', { value: String(value) }, ui.names?.[value] ?? String(value));
  for (const value of ui.options) select.append(optionFor(value));
  function set(value) {
    current = value;
    // A URL may carry a value the list lacks (learningRate=0.05): show it rather than lie.
    if (![...select.options].some((o) => o.value === String(value))) select.append(optionFor(value));
    select.value = String(value);
  }
  return { input: select, set };
}

function rangeControl(key, ui, onChange) {
  const output = h('output', { class: 'control-value' });
  const input = h('input', { class: 'control-input', type: 'range', min: ui.min, max: ui.max, step: ui.step,
    dataset: { key },
    oninput: () => { output.textContent = `${input.value}${ui.unit ?? ''}`; },
    onchange: () => report(key, input.value, onChange, () => set(current)) });
  let current;
  function set(value) {
    current = value;
    // The URL may ask for more noise than the slider shows (the Playground allows up to 80).
    if (value > Number(input.max)) input.max = String(value);
    input.value = String(value);
    output.textContent = `${value}${ui.unit ?? ''}`;
  }
  return { input, set, extra: output };
}

function numberControl(key, ui, onChange) {
  const input = h('input', { class: 'control-input', type: 'number', min: ui.min, max: ui.max, step: ui.step,
    inputmode: 'decimal', dataset: { key },
    onchange: () => report(key, input.value.trim(), onChange, () => set(current)) });
  let current;
  function set(value) {
    current = value;
    input.value = String(value);
  }
  return { input, set };
}

function checkboxControl(key, ui, onChange) {
  const input = h('input', { class: 'control-input', type: 'checkbox', dataset: { key },
    onchange: () => report(key, String(input.checked), onChange, () => set(!input.checked)) });
  return { input, set: (value) => { input.checked = Boolean(value); } };
}

function report(key, raw, onChange, revert) {
  const result = coerce(key, raw);
  if ('error' in result) revert();
  else onChange(key, result.value);
}

const BUILDERS = { select: selectControl, range: rangeControl, checkbox: checkboxControl, number: numberControl };

// Returns { element, set(value), showFor(state) } for one setting; element is a <label> holding
// the input. showFor hides the control (or options) that do not apply to the current state.
export function createControl(key, onChange) {
  const ui = CONTROL_UI[key];
  const { input, set, extra } = BUILDERS[ui.kind](key, ui, onChange);
  const showFor = (state) => {
    element.classList.toggle('not-applicable', ui.when ? !ui.when(state) : false);
    if (ui.optionWhen) for (const option of input.options) option.hidden = !ui.optionWhen(state, option.value);
  };
  const element = ui.kind === 'checkbox'
    ? h('label', { class: `control control-${ui.kind}`, dataset: { control: key } }, input, h('span', {}, ui.label))
    : h('label', { class: `control control-${ui.kind}`, dataset: { control: key } },
      h('span', { class: 'control-label' }, ui.label, extra ? ' ' : '', extra ?? ''), input);
  return { element, set, showFor };
}
