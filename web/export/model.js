// The trained network as the exporters see it, read from the engine's own saved experiment
// (Session::save, the same JSON "Save experiment" writes): its config text says the features,
// the layer sizes, the activations and the problem, its params the weights. Nothing else is
// trusted, so an export always describes exactly what the engine would compute. The folder
// imports nothing the first load has: a module shared with it would become a chunk of its own,
// fetched up front (the feature keys here are the engine's, which tests/js/export checks
// against state/features.js).

// Each input feature as a tiny expression of the raw coordinates, by its URL-hash key in the
// engine's order (core/dataset.cpp, feature_rows): ['x'] the coordinate itself, ['mul', a, b] a
// product, ['sin', a] a sine. Every format writes its features from this one table.
export const FEATURE_MATH = {
  x: ['x'],
  y: ['y'],
  xSquared: ['mul', 'x', 'x'],
  ySquared: ['mul', 'y', 'y'],
  xTimesY: ['mul', 'x', 'y'],
  sinX: ['sin', 'x'],
  sinY: ['sin', 'y'],
};

// A feature as a reader writes it, given how a product and a sine are spelled: "x * y", "sin(x)".
export function featureText(key, { mul = (a, b) => `${a} * ${b}`, sin = (a) => `sin(${a})` } = {}) {
  const [op, a, b] = FEATURE_MATH[key];
  if (op === 'mul') return mul(a, b);
  if (op === 'sin') return sin(a);
  return op;
}

// The engine's activations (core/activation.cpp) as formulas, for the summary and the code's comments.
export const ACTIVATION_MATH = {
  relu: 'max(0, z)',
  tanh: 'tanh(z)',
  sigmoid: '1 / (1 + exp(-z))',
  linear: 'z',
  leakyRelu: 'z if z > 0 else 0.01 z',
  elu: 'z if z > 0 else exp(z) - 1',
  gelu: '0.5 z (1 + tanh(0.7978845608 (z + 0.044715 z^3)))',
  silu: 'z / (1 + exp(-z))',
  softplus: 'log(1 + exp(z))',
  sine: 'sin(z)',
  softmax: 'exp(z_k) / sum_j exp(z_j)',
};

// The GELU approximation's constants, as the engine uses them: sqrt(2 / pi) and the cubic's weight.
export const GELU_C = 0.7978845608;
export const GELU_K = 0.044715;
// leakyRelu's slope below zero.
export const LEAK = 0.01;

// What the output layer means, by the loss the engine trains with (core/config.cpp,
// effective_loss, and core/session.cpp, build_network).
function outputOf(settings) {
  if (settings.get('problem') === 'regression') {
    const loss = settings.get('loss') === 'huber' ? 'huber' : 'squared';
    return { kind: 'regression', activation: 'linear', units: 1, loss, reading: 'the predicted value' };
  }
  const classes = Number(settings.get('numClasses') ?? 2);
  if (classes > 2) {
    return { kind: 'multi-class', activation: 'softmax', units: classes, classes, loss: 'softmaxCrossEntropy',
      reading: `the probability of each class 0 to ${classes - 1}; the predicted class is the largest` };
  }
  if (settings.get('loss') === 'crossEntropy') {
    return { kind: 'two-class', activation: 'sigmoid', units: 1, classes: 2, loss: 'crossEntropy',
      reading: 'the probability of class +1; the predicted class is +1 above 0.5, else -1' };
  }
  return { kind: 'two-class', activation: 'tanh', units: 1, classes: 2, loss: 'squared',
    reading: 'a score in [-1, 1]; the predicted class is +1 above 0, else -1' };
}

function fail(message) {
  throw new Error(`Cannot export this network: ${message}.`);
}

// experiment: the text (or parsed object) of engine.save(). Returns
// { features: [key], layers: [{ inputs, units, weights: [[w_j,i]], biases: [b_j],
// activation }], output: { kind, activation, units, classes?, loss, reading }, parameters, epoch, config }.
export function describeModel(experiment) {
  const doc = typeof experiment === 'string' ? JSON.parse(experiment) : experiment;
  if (doc?.format !== 'nnplay-experiment' || typeof doc.config !== 'string' || !Array.isArray(doc.params)) {
    fail('the engine did not hand over a saved experiment');
  }
  if (doc.diverged) fail('the training diverged (its loss is no longer a finite number); reset or rebuild it first');
  const settings = new URLSearchParams(doc.config);
  const enabled = Object.keys(FEATURE_MATH).filter((key) => settings.get(key) === 'true');
  if (enabled.length === 0) fail('it has no input feature');
  const hidden = (settings.get('networkShape') ?? '').split(',').filter(Boolean).map(Number);
  const perLayer = (settings.get('activations') ?? '').split(',').filter(Boolean);
  const hiddenActivations = perLayer.length ? perLayer : hidden.map(() => settings.get('activation') ?? 'tanh');
  if (hiddenActivations.length !== hidden.length) fail('its activations do not match its layers');
  const output = outputOf(settings);
  const sizes = [enabled.length, ...hidden, output.units];
  const activations = [...hiddenActivations, output.activation];
  for (const name of activations) if (!ACTIVATION_MATH[name]) fail(`the activation "${name}" has no export`);

  // The engine's flat buffer (core/network.hpp): every layer's weights [out, in] row by row,
  // layer after layer, then every layer's biases.
  const params = doc.params;
  const expected = sizes.slice(1).reduce((sum, out, l) => sum + out * (sizes[l] + 1), 0);
  if (params.length !== expected) fail(`it has ${params.length} parameters where its shape needs ${expected}`);
  if (!params.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    fail('some weights are not finite numbers (the training diverged); reset or rebuild it first');
  }
  let w = 0;
  let b = sizes.slice(1).reduce((sum, out, l) => sum + out * sizes[l], 0);
  const layers = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l], units = sizes[l + 1];
    const weights = [];
    for (let j = 0; j < units; j++, w += inputs) weights.push(params.slice(w, w + inputs));
    layers.push({ inputs, units, weights, biases: params.slice(b, b + units), activation: activations[l] });
    b += units;
  }
  return {
    features: enabled, layers, output,
    parameters: params.length, epoch: doc.epoch ?? 0, config: doc.config,
  };
}

// "3 features -> 5 relu -> 3 gelu -> 3 softmax": the shape in one line.
export function shapeLine(model) {
  return [`${model.features.length} input${model.features.length === 1 ? '' : 's'}`,
    ...model.layers.map((layer) => `${layer.units} ${layer.activation}`)].join(' -> ');
}
