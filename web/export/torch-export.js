// The trained network as one Python file: a PyTorch nn.Sequential (features, then Linear layers
// and activations) with the trained weights copied in. nn.Linear keeps its weight as
// [out_features, in_features], the engine's own layout, so each layer's rows go in as they are.
import { GELU_C, GELU_K, LEAK, featureText } from './model.js';
import { docstring, featureList, matrix, vector } from './python-text.js';

// Each activation as a module; the two PyTorch lacks (sine, and a softplus without PyTorch's
// linear cut-off above 20) are small classes in the file.
const ACTIVATIONS = {
  relu: 'nn.ReLU()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
  linear: 'nn.Identity()',
  leakyRelu: `nn.LeakyReLU(${LEAK})`,
  elu: 'nn.ELU(alpha=1.0)',
  gelu: "nn.GELU(approximate='tanh')",
  silu: 'nn.SiLU()',
  softplus: 'Softplus()',
  sine: 'Sine()',
  softmax: 'nn.Softmax(dim=-1)',
};

const CLASSES = {
  softplus: `class Softplus(nn.Module):
    """log(1 + exp(z)), written so that neither branch overflows."""

    def forward(self, z):
        return torch.clamp(z, min=0) + torch.log1p(torch.exp(-torch.abs(z)))
`,
  sine: `class Sine(nn.Module):
    """sin(z), applied element by element."""

    def forward(self, z):
        return torch.sin(z)
`,
};

function activationModule(name) {
  const module = ACTIVATIONS[name];
  if (!module) throw new Error(`The PyTorch export does not know the activation "${name}".`);
  return module;
}

function predictBody(output) {
  if (output.kind === 'multi-class') return 'return model(xy).argmax(dim=-1)';
  if (output.kind === 'regression') return 'return model(xy)[..., 0]';
  const threshold = output.activation === 'sigmoid' ? '0.5' : '0.0';
  return `return torch.where(model(xy)[..., 0] > ${threshold}, 1, -1)`;
}

export function torchModule(model) {
  const modules = ['Features()'];
  for (const layer of model.layers) modules.push(`nn.Linear(${layer.inputs}, ${layer.units})`, activationModule(layer.activation));
  // Module i of the Sequential: Features is 0, layer l's Linear is 1 + 2 l.
  const loads = model.layers.map((layer, l) => [
    `        # layer ${l + 1}: ${layer.inputs} -> ${layer.units}, ${layer.activation}`,
    `        model[${1 + 2 * l}].weight.copy_(torch.tensor(${matrix(layer.weights, '        ')}))`,
    `        model[${1 + 2 * l}].bias.copy_(torch.tensor(${vector(layer.biases)}))`,
  ].join('\n')).join('\n');
  const extra = [...new Set(model.layers.map((layer) => layer.activation))].filter((name) => CLASSES[name]);
  const features = model.features.map((key) => featureText(key, { sin: (a) => `torch.sin(${a})` }));
  // GELU's constants are PyTorch's own in nn.GELU(approximate='tanh'); they are named here so
  // that a reader can check them against the engine's.
  const gelu = model.layers.some((layer) => layer.activation === 'gelu')
    ? `\n# nn.GELU(approximate='tanh') is 0.5 z (1 + tanh(${GELU_C} (z + ${GELU_K} z^3))), as the network was trained.\n` : '';
  return `${docstring(model, {
    needs: "PyTorch (1.12 or later, for nn.GELU(approximate='tanh'))",
    usage: ['    model = build_model()           # an nn.Sequential, weights loaded, in eval mode',
      '    model(torch.tensor([[x, y]]))   -> the outputs, one row per point',
      '    predict(xy)                     -> the predicted class (or value) of each row'],
  })}
import torch
from torch import nn


class Features(nn.Module):
    """(x, y) rows -> the network's input features: ${featureList(model)}."""

    def forward(self, xy):
        x, y = xy[..., 0], xy[..., 1]
        return torch.stack([${features.join(', ')}], dim=-1)

${extra.map((name) => `\n${CLASSES[name]}`).join('')}${gelu}

def build_model():
    """The network as an nn.Sequential with its trained weights."""
    model = nn.Sequential(
        ${modules.join(',\n        ')},
    )
    with torch.no_grad():
${loads}
    return model.eval()


def predict(xy):
    """The predicted ${model.output.kind === 'regression' ? 'value' : 'class'} of each (x, y) row."""
    with torch.no_grad():
        ${predictBody(model.output)}


model = build_model()

if __name__ == "__main__":
    points = torch.tensor([[-3.0, 2.0], [0.0, 0.0], [3.0, -2.0]])
    with torch.no_grad():
        print(model(points))
    print("predicted:", predict(points))
`;
}
