// Pieces both Python exports share: number and array literals, the feature expressions, the
// docstring that says what the network is and how to read its output.
import { ACTIVATION_MATH, featureText, shapeLine } from './model.js';

// The shortest text that reads back to the same double; the weights are float32 values the
// engine saved with 9 digits, so a float32 array built from this text holds exactly them.
export const number = (v) => String(v);

export const vector = (values) => `[${values.map(number).join(', ')}]`;

// A matrix one row per line, indented to sit inside a call.
export function matrix(rows, indent) {
  return `[\n${rows.map((row) => `${indent}    ${vector(row)},`).join('\n')}\n${indent}]`;
}

// The features as a reader writes them: "x, y, x * x, sin(x)".
export const featureList = (model) => model.features.map((key) => featureText(key)).join(', ');

// The module's docstring: what was built, what goes in, what comes out, what it needs.
export function docstring(model, { needs, usage }) {
  const lines = [
    'A neural network trained in nnplay, exported with its trained weights.',
    '',
    `Inputs: raw coordinates (x, y); the features ${featureList(model)} are computed inside.`,
    `Shape: ${shapeLine(model)}`,
    ...model.layers.map((layer, l) => `  layer ${l + 1}: ${layer.inputs} -> ${layer.units}, ${layer.activation}: ${ACTIVATION_MATH[layer.activation]}`),
    `Output: ${model.output.reading}.`,
    `Trained for ${model.epoch} epochs; ${model.parameters} parameters.`,
    `Needs: ${needs}.`,
    '',
    ...usage,
  ];
  return `"""${lines.join('\n')}\n"""`;
}
