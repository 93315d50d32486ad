// What the diagram calls its columns and output nodes: "Input: 2 features", "Hidden 1: Tanh",
// "Output: 3 nodes, softmax", and each output node's class (names from state/class-names.js).
// Pure: the playground passes networkStructure(state, model) to the network view.
import { CONTROL_UI } from '../controls/controls.js';
import { className } from '../state/class-names.js';
import { FEATURES } from '../state/features.js';
import { outputsAreProbabilities } from '../views/map-drawing.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// The output layer's activation, by the rule core/session.cpp builds the network with.
export function outputActivation(problem, lossName) {
  if (problem === 'regression') return 'linear';
  if (lossName === 'softmaxCrossEntropy') return 'softmax';
  return lossName === 'crossEntropy' ? 'sigmoid' : 'tanh';
}

// One title per column: the input, each hidden layer with its activation, the output. Wide
// CSV data's inputs are the file's columns, not features of the plane.
export function layerTitles({ state, inputs, outputs, lossName, columns = false }) {
  const hidden = state.networkShape;
  const perLayer = state.activations.length === hidden.length ? state.activations : [];
  const names = CONTROL_UI.activation.names;
  return [
    `Input: ${plural(inputs, columns ? 'column' : 'feature')}`,
    ...hidden.map((_, k) => `Hidden ${k + 1}: ${names[perLayer[k] ?? state.activation] ?? state.activation}`),
    `Output: ${plural(outputs, 'node')}, ${outputActivation(state.problem, lossName)}`,
  ];
}

// Per output node, the classes it speaks for as [{ name, colorIndex }], and its screen-reader
// name; null for regression. One tanh or sigmoid unit speaks for both classes (high = class
// 1, the +1 end); several softmax units one class each.
export function outputClasses({ classes, names, outputs }) {
  if (!classes) return null;
  const of = (k) => className(k, { classes, names });
  if (outputs === 1) {
    const [low, high] = [of(0), of(1)];
    return [{ classes: [high, low], label: `the output: high says ${high.name}, low says ${low.name}` }];
  }
  return Array.from({ length: outputs }, (_, k) => ({ classes: [of(k)], label: `output ${k + 1}: how sure it is of ${of(k).name}` }));
}

// What the network view's setStructure needs for this state and engine model: the shape, the
// column titles and the output nodes' classes.
export function networkStructure(state, model) {
  const outputs = model.unitCounts[model.unitCounts.length - 1] ?? 1;
  return {
    // Wide CSV data: one input node per column, named by the file (the features are for two columns).
    features: model.wide?.names.map((label, k) => ({ key: `input${k + 1}`, label, enabled: true }))
      ?? FEATURES.map((f) => ({ ...f, enabled: Boolean(state[f.key]) })),
    inputsFromGrid: Boolean(model.wide),
    hiddenShape: state.networkShape,
    outputs,
    probabilityOutputs: outputsAreProbabilities(state, outputs),
    titles: layerTitles({ state, inputs: model.unitCounts[0] ?? 0, outputs, lossName: model.lossName, columns: Boolean(model.wide) }),
    outputNames: outputClasses({ classes: model.classes, names: model.names, outputs }),
    palette: state.palette,
  };
}
