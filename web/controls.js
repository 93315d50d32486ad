// Labelled form controls for the playground's settings. Each control parses what the person
// picked through the state SCHEMA (coerce) and reports onChange(key, value); set(value) shows
// a value that came from elsewhere (the URL, an attribute, a reset).
import { coerce } from './state.js';
import { h } from './dom.js';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

// How each setting is shown. Keys without an entry have no generic control.
export const CONTROL_UI = {
  learningRate: { label: 'Learning rate', kind: 'select', options: LEARNING_RATES },
  activation: { label: 'Activation', kind: 'select',
    options: ['relu', 'tanh', 'sigmoid', 'linear'], names: { relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear' } },
  regularization: { label: 'Regularization', kind: 'select', options: ['none', 'L1', 'L2'], names: { none: 'None' } },
  regularizationRate: { label: 'Regularization rate', kind: 'select', options: REGULARIZATION_RATES },
  problem: { label: 'Problem type', kind: 'select', options: ['classification', 'regression'],
    names: { classification: 'Classification', regression: 'Regression' } },
  percTrainData: { label: 'Ratio of training to test data', kind: 'range', min: 10, max: 90, step: 10, unit: '%' },
  noise: { label: 'Noise', kind: 'range', min: 0, max: 50, step: 5 },
  batchSize: { label: 'Batch size', kind: 'range', min: 1, max: 30, step: 1 },
  showTestData: { label: 'Show test data', kind: 'checkbox' },
  discretize: { label: 'Discretize output', kind: 'checkbox' },
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

const BUILDERS = { select: selectControl, range: rangeControl, checkbox: checkboxControl };

// Returns { element, set(value) } for one setting; element is a <label> holding the input.
export function createControl(key, onChange) {
  const ui = CONTROL_UI[key];
  const { input, set, extra } = BUILDERS[ui.kind](key, ui, onChange);
  const element = ui.kind === 'checkbox'
    ? h('label', { class: `control control-${ui.kind}`, dataset: { control: key } }, input, h('span', {}, ui.label))
    : h('label', { class: `control control-${ui.kind}`, dataset: { control: key } },
      h('span', { class: 'control-label' }, ui.label, extra ? ' ' : '', extra ?? ''), input);
  return { element, set };
}
