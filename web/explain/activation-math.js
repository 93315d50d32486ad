// Each activation the engine offers as a JS function f(z) and its slope f'(z), with the formula
// a learner reads, for plotting a node's f with (z, f(z)) marked and for writing out
// delta = f'(z) * (the error sent back). The definitions follow core/activation.cpp.

const LEAK = 0.01;        // core's kLeak
const GELU_C = 0.7978845608;  // sqrt(2 / pi)
const GELU_K = 0.044715;
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const geluInner = (z) => Math.tanh(GELU_C * (z + GELU_K * z * z * z));

export const ACTIVATIONS = {
  relu: { name: 'ReLU', formula: 'max(0, z)', f: (z) => Math.max(0, z), slope: (z) => (z > 0 ? 1 : 0) },
  tanh: { name: 'tanh', formula: 'tanh(z)', f: Math.tanh, slope: (z) => 1 - Math.tanh(z) ** 2 },
  sigmoid: { name: 'sigmoid', formula: '1 / (1 + e^−z)', f: sigmoid, slope: (z) => sigmoid(z) * (1 - sigmoid(z)) },
  linear: { name: 'linear', formula: 'z', f: (z) => z, slope: () => 1 },
  leakyRelu: { name: 'leaky ReLU', formula: 'z > 0 ? z : 0.01 z', f: (z) => (z > 0 ? z : LEAK * z), slope: (z) => (z > 0 ? 1 : LEAK) },
  elu: { name: 'ELU', formula: 'z > 0 ? z : e^z − 1', f: (z) => (z > 0 ? z : Math.exp(z) - 1), slope: (z) => (z > 0 ? 1 : Math.exp(z)) },
  gelu: {
    name: 'GELU', formula: '½ z (1 + tanh(√(2/π)(z + 0.044715 z³)))',
    f: (z) => 0.5 * z * (1 + geluInner(z)),
    slope: (z) => {
      const t = geluInner(z);
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * z * z);
    },
  },
  silu: { name: 'SiLU', formula: 'z · sigmoid(z)', f: (z) => z * sigmoid(z), slope: (z) => sigmoid(z) * (1 + z * (1 - sigmoid(z))) },
  softplus: { name: 'softplus', formula: 'log(1 + e^z)', f: (z) => Math.max(0, z) + Math.log1p(Math.exp(-Math.abs(z))), slope: sigmoid },
  sine: { name: 'sine', formula: 'sin(z)', f: Math.sin, slope: Math.cos },
  // Softmax mixes all outputs: a = e^z / Σ e^z; one output's curve is drawn with the others fixed.
  softmax: { name: 'softmax', formula: 'e^z / Σₖ e^zₖ', f: sigmoid, slope: (z) => sigmoid(z) * (1 - sigmoid(z)) },
};

// The activation of every layer after the input, as the engine builds them (core/session.cpp):
// hidden layers from `activations` (one per layer) or the shared `activation`; the output is
// linear for regression, softmax for several classes, sigmoid under cross-entropy, else tanh.
export function layerActivations({ hiddenLayers, activation, activations = [], problem, lossName }) {
  const hidden = Array.from({ length: hiddenLayers }, (_, l) =>
    (activations.length === hiddenLayers ? activations[l] : activation));
  const output = problem === 'regression' ? 'linear'
    : lossName === 'softmaxCrossEntropy' ? 'softmax'
      : lossName === 'crossEntropy' ? 'sigmoid' : 'tanh';
  return [...hidden, output];
}
