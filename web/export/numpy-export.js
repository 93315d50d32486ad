// The trained network as one Python file with a NumPy forward function and the weights inline.
// The arithmetic runs in float64 on float32 weights, the engine's exact values.
import { GELU_C, GELU_K, LEAK, featureText } from './model.js';
import { docstring, featureList, matrix, vector } from './python-text.js';

// Each activation's NumPy body, the engine's formula (core/activation.cpp) written so that no
// branch overflows (softplus and sigmoid of a large |z|).
const ACTIVATIONS = {
  relu: 'np.maximum(z, 0.0)',
  tanh: 'np.tanh(z)',
  sigmoid: '0.5 * (1.0 + np.tanh(0.5 * z))',
  linear: 'z',
  leakyRelu: `np.where(z > 0, z, ${LEAK} * z)`,
  elu: 'np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))',
  gelu: `0.5 * z * (1.0 + np.tanh(${GELU_C} * (z + ${GELU_K} * z ** 3)))`,
  silu: 'z * 0.5 * (1.0 + np.tanh(0.5 * z))',
  softplus: 'np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))',
  sine: 'np.sin(z)',
  softmax: 'np.exp(z - z.max(axis=-1, keepdims=True))\n    return e / e.sum(axis=-1, keepdims=True)',
};

function activationFunction(name) {
  const body = ACTIVATIONS[name];
  if (!body) throw new Error(`The NumPy export does not know the activation "${name}".`);
  return name === 'softmax' ? `def softmax(z):\n    e = ${body}\n` : `def ${name}(z):\n    return ${body}\n`;
}

// The predicted label from the outputs, by the kind of problem.
function predictBody(output) {
  if (output.kind === 'multi-class') return 'return forward(x, y).argmax(axis=-1)';
  if (output.kind === 'regression') return 'return forward(x, y)[..., 0]';
  const threshold = output.activation === 'sigmoid' ? '0.5' : '0.0';
  return `return np.where(forward(x, y)[..., 0] > ${threshold}, 1, -1)`;
}

export function numpyModule(model) {
  const used = [...new Set(model.layers.map((layer) => layer.activation))];
  const layers = model.layers.map((layer, l) => [
    `    # layer ${l + 1}: ${layer.inputs} -> ${layer.units}, ${layer.activation}`,
    `    (np.array(${matrix(layer.weights, '    ')}, dtype=np.float32),`,
    `     np.array(${vector(layer.biases)}, dtype=np.float32),`,
    `     ${layer.activation}),`,
  ].join('\n')).join('\n');
  const features = model.features.map((key) => featureText(key, { sin: (a) => `np.sin(${a})` }));
  return `${docstring(model, {
    needs: 'NumPy',
    usage: ['    forward(x, y)  -> the outputs, shape x.shape + (outputs,)',
      '    predict(x, y)  -> the predicted class (or value) at each point'],
  })}
import numpy as np


def features(x, y):
    """The network's input features (${featureList(model)}) from raw coordinates."""
    return np.stack([${features.join(', ')}], axis=-1)


${used.map(activationFunction).join('\n\n')}

# (weights [outputs, inputs], biases [outputs], activation) of each layer, input to output.
LAYERS = [
${layers}
]


def forward(x, y):
    """The network's outputs at the points (x, y): arrays of one shape, or numbers."""
    a = features(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
    for weights, biases, activation in LAYERS:
        a = activation(a @ weights.T + biases)
    return a


def predict(x, y):
    """${model.output.kind === 'regression' ? 'The predicted value' : 'The predicted class'} at each point."""
    ${predictBody(model.output)}


if __name__ == "__main__":
    xs = np.array([-3.0, 0.0, 3.0])
    ys = np.array([2.0, 0.0, -2.0])
    print("outputs at", list(zip(xs, ys)))
    print(forward(xs, ys))
    print("predicted:", predict(xs, ys))
`;
}
