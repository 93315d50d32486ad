// "What you built": a short Markdown note of the network on screen for a learner's notes: the
// problem, the shape and activations, the parameter count, how it trained and how well.
import { ACTIVATION_MATH, featureText, shapeLine } from './model.js';

const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
const percent = (v) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)} %` : 'n/a');

function problemLine(model, settings, data) {
  const source = data ? `your own data (${data.train.length} training and ${data.test.length} test points)`
    : `the ${settings.get(model.output.kind === 'regression' ? 'regDataset' : 'dataset')} data set`;
  if (model.output.kind === 'regression') return `regression on ${source}`;
  return `${model.output.classes}-class classification of ${source}`;
}

function trainingLine(settings) {
  const regularization = settings.get('regularization');
  const parts = [`optimizer ${settings.get('optimizer')}`, `learning rate ${settings.get('learningRate')}`,
    `batch size ${settings.get('batchSize')}`,
    regularization === 'none' ? 'no regularization' : `${regularization} regularization at ${settings.get('regularizationRate')}`];
  if (settings.get('lrSchedule') !== 'constant') parts.push(`${settings.get('lrSchedule')} learning-rate schedule`);
  return parts.join(', ');
}

// model: describeModel's result; experiment: the parsed save() JSON (for the data and the
// settings); metrics: the playground's { epoch, trainLoss, testLoss, trainAccuracy, testAccuracy }.
export function summaryText(model, experiment, metrics) {
  const settings = new URLSearchParams(model.config);
  const weights = model.layers.reduce((sum, layer) => sum + layer.units * layer.inputs, 0);
  const activations = [...new Set(model.layers.map((layer) => layer.activation))];
  const classified = model.output.kind !== 'regression';
  const final = [`train loss ${fixed(metrics.trainLoss, 4)}`, `test loss ${fixed(metrics.testLoss, 4)}`];
  if (classified) final.push(`train accuracy ${percent(metrics.trainAccuracy)}`, `test accuracy ${percent(metrics.testAccuracy)}`);
  return [
    '# What I built in nnplay',
    '',
    `- Problem: ${problemLine(model, settings, experiment.data)}`,
    `- Inputs: ${model.features.map((key) => featureText(key)).join(', ')} (${model.features.length} feature${model.features.length === 1 ? '' : 's'} of the point (x, y))`,
    `- Network: ${shapeLine(model)}`,
    `- Activations: ${activations.map((name) => `${name} = ${ACTIVATION_MATH[name]}`).join('; ')}`,
    `- Parameters: ${model.parameters} (${weights} weights, ${model.parameters - weights} biases)`,
    `- Output: ${model.output.reading}`,
    `- Training: ${trainingLine(settings)}; loss ${model.output.loss}`,
    `- Trained for ${metrics.epoch ?? model.epoch} epochs`,
    `- Final: ${final.join(', ')}`,
    `- Settings, to open again (after # in the page's address): ${model.config}`,
    '',
  ].join('\n');
}
