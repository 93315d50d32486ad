import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MORE } from '../../../web/explain/explain-text.js';
import { TOPICS, explanation, shortText, formulaText } from '../../../web/explain/explain-titles.js';
import { defaultTourSteps } from '../../../web/explain/tour.js';
import { placeNear } from '../../../web/explain/popover.js';
import {
  linkList, contributionOf, largestMagnitude, gradientShade, gradientColor, compact, GRADIENT_SCALE,
} from '../../../web/network/network-overlay.js';
import { labelText, predictionText, traceLines } from '../../../web/explain/trace-panel.js';

// The texts the info notes show: each first sentence with the rest that explain-text.js holds.
const EXPLANATIONS = Object.fromEntries(Object.keys(TOPICS).map((key) => [key, explanation(key, MORE)]));

const PANELS = ['data', 'features', 'network', 'output', 'heatmap', 'lossChart', 'confusion', 'forwardPass', 'gradients'];
const CONTROLS = ['play', 'step', 'reset', 'newWeights', 'epoch', 'learningRate', 'activation', 'regularization',
  'regularizationRate', 'problem', 'dataset', 'percTrainData', 'noise', 'batchSize', 'regenerate', 'numClasses',
  'numSamples', 'loss', 'optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'lrSchedule', 'lrDecayEpochs',
  'lrDecayRate', 'init', 'stopEpochs', 'stopTestLoss', 'stopPatience', 'epochsPerFrame', 'palette', 'showTestData',
  'discretize', 'showGradients', 'showPointLoss', 'editData', 'csv', 'experiment', 'weight', 'bias', 'neuron', 'layers'];

test('every panel and control has a title and a text under 400 characters', () => {
  for (const key of [...PANELS, ...CONTROLS]) {
    const entry = EXPLANATIONS[key];
    assert.ok(entry, `no explanation for ${key}`);
    assert.ok(entry.title.trim().length > 0, `${key}: empty title`);
    assert.ok(entry.text.trim().length > 0, `${key}: empty text`);
    assert.ok(entry.text.length < 400, `${key}: ${entry.text.length} characters`);
  }
});

test('the ideas of a first lesson are stated with their formulas', () => {
  const plain = (text) => text.replace(/\u00a0/g, ' ');
  const all = (key, ...parts) => parts.forEach((p) => assert.ok(plain(EXPLANATIONS[key].text).includes(p), `${key} lacks "${p}"`));
  all('network', 'every node of one layer is connected to every node of the next', 'z = Σ wᵢxᵢ + b', 'a = f(z)',
    'one tanh or sigmoid unit for two classes', 'a softmax unit per class', 'one linear unit for a number');
  all('weight', 'strength of one connection');
  all('activation', 'σ(z) = 1/(1+e⁻ᶻ)', 'max(0, z)');
  all('forwardPass', 'layer by layer', 'z = Σ wᵢxᵢ + b', 'a = f(z)');
  all('loss', '½(y−t)²', '−Σ tₖ log yₖ', 'Huber');
  all('gradients', 'chain rule', '∂L/∂w');
  all('learningRate', 'w ← w − η ∂L/∂w');
  all('epoch', 'one pass over all the training points', 'mini-batches');
  all('output', 'loss fall and the accuracy rise');
});

test('formulas are kept on one line and their marks dropped', () => {
  assert.equal(formulaText('so {a = f(z)} holds'), 'so a\u00a0=\u00a0f(z) holds');
  for (const { title, text } of Object.values(EXPLANATIONS)) assert.doesNotMatch(title + text, /[{}]/);
});

test('the short form of an explanation is its first sentence', () => {
  assert.equal(shortText('learningRate'), 'η, the step size of gradient descent: each update is w\u00a0←\u00a0w\u00a0−\u00a0η\u00a0∂L/∂w.');
  assert.equal(shortText('stopEpochs'), 'Pauses training after this many epochs.');
  assert.equal(shortText('no such key'), '');
});

test('the default tour walks the lesson in order and asks find() for each part', () => {
  const asked = [];
  const steps = defaultTourSteps((name) => { asked.push(name); return name === 'weight' ? null : { name }; });
  assert.deepEqual(steps.map((s) => s.name), ['dataset', 'features', 'network', 'weight', 'neuron', 'activation',
    'heatmap', 'outputNode', 'lossChart', 'showGradients', 'learningRate', 'play', 'readouts']);
  for (const step of steps) {
    assert.ok(step.title && step.text && step.text.length < 400, step.name);
    const target = step.target();
    if (step.name === 'weight') assert.equal(target, null);
    else assert.equal(target.name, step.name);
  }
  assert.deepEqual(asked, steps.map((s) => s.name));
  assert.match(steps[4].text, /z\u00a0=\u00a0Σ\u00a0wᵢxᵢ\u00a0\+\u00a0b/);
  assert.match(steps[9].text, /chain rule/);
  assert.match(steps[10].text, /w\u00a0←\u00a0w\u00a0−\u00a0η\u00a0∂L\/∂w/);
});

test('a popover goes below its anchor, above when there is no room, and stays inside the viewport', () => {
  const anchor = { left: 100, top: 50, bottom: 66 };
  assert.deepEqual(placeNear(anchor, 200, 80, 800, 600), { left: 100, top: 72 });
  // 560 + 6 + 80 > 600 - 8: above, at 540 - 6 - 80.
  assert.deepEqual(placeNear({ left: 100, top: 540, bottom: 556 }, 200, 80, 800, 600), { left: 100, top: 454 });
  // Right edge: 800 - 200 - 8 = 592.
  assert.equal(placeNear({ left: 700, top: 50, bottom: 66 }, 200, 80, 800, 600).left, 592);
});

// sizes [2, 2, 1]: layer 0 W [2, 2] at 0..3 (row o: w(o,0), w(o,1)), layer 1 W [1, 2] at 4..5,
// biases 6, 7 (hidden) and 8 (output). Units: inputs 0, 1; hidden 2, 3; output 4.
const SIZES = [2, 2, 1];
const PARAMS = Float32Array.from([0.5, -1, 2, 0.25, 1.5, -0.5, 0.1, -0.2, 0.3]);

test('links are listed in the view\'s build order with their weight index', () => {
  assert.deepEqual(linkList(SIZES), [
    { l: 0, o: 0, i: 0, param: 0 }, { l: 0, o: 0, i: 1, param: 1 },
    { l: 0, o: 1, i: 0, param: 2 }, { l: 0, o: 1, i: 1, param: 3 },
    { l: 1, o: 0, i: 0, param: 4 }, { l: 1, o: 0, i: 1, param: 5 },
  ]);
});

test('a link contributes its weight times its source unit\'s activation', () => {
  // Inputs x = (1.2, -3.4); hidden activations (0.5, -0.8).
  const a = Float32Array.from([1.2, -3.4, 0.5, -0.8, 0]);
  const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} != ${expected}`);
  close(contributionOf(PARAMS, SIZES, a, { l: 0, o: 0, i: 0 }), 0.6);    // 0.5 * 1.2
  close(contributionOf(PARAMS, SIZES, a, { l: 0, o: 0, i: 1 }), 3.4);    // -1 * -3.4
  close(contributionOf(PARAMS, SIZES, a, { l: 0, o: 1, i: 0 }), 2.4);    // 2 * 1.2
  close(contributionOf(PARAMS, SIZES, a, { l: 0, o: 1, i: 1 }), -0.85);  // 0.25 * -3.4
  close(contributionOf(PARAMS, SIZES, a, { l: 1, o: 0, i: 0 }), 0.75);   // 1.5 * 0.5
  close(contributionOf(PARAMS, SIZES, a, { l: 1, o: 0, i: 1 }), 0.4);    // -0.5 * -0.8
  // The hidden sums are the contributions plus the bias: 0.6 + 3.4 + 0.1 = 4.1; 2.4 - 0.85 - 0.2 = 1.35.
  close(0.6 + 3.4 + PARAMS[6], 4.1);
  close(2.4 - 0.85 + PARAMS[7], 1.35);
});

test('gradients are shaded on a fixed logarithmic scale, not by the frame\'s largest', () => {
  const g = [0.1, -0.4, NaN, 0.2, 0.004];
  assert.equal(largestMagnitude(g), 0.4);
  assert.equal(largestMagnitude(g, 3), 0.2);
  assert.equal(largestMagnitude([0, 0]), 0);
  assert.deepEqual(GRADIENT_SCALE, { low: 1e-4, high: 1 });
  // One power of ten is a quarter of the way on 10^-4 .. 1, whatever else the frame holds.
  assert.equal(gradientShade(1), 1);
  assert.equal(gradientShade(-5), 1);
  assert.ok(Math.abs(gradientShade(-0.01) - 0.5) < 1e-12);
  assert.ok(Math.abs(gradientShade(0.001) - 0.25) < 1e-12);
  assert.equal(gradientShade(1e-4), 0);
  assert.equal(gradientShade(1e-6), 0);
  assert.equal(gradientShade(0), 0);
  assert.equal(gradientShade(NaN), 0);
  assert.equal(gradientColor(0), 'rgb(232,234,235)');
  assert.equal(gradientColor(1), 'rgb(176,28,28)');
  assert.equal(gradientColor(0.5), 'rgb(204,131,132)');
});

test('node values are written compactly with a real minus sign', () => {
  assert.deepEqual([0.5234, -3.4, 12.345, 345.6, -0.001, 0].map(compact), ['0.52', '−3.40', '12.3', '346', '0.00', '0.00']);
  assert.equal(compact(NaN), 'NaN');
});

test('a point\'s target and the network\'s answer read as words', () => {
  assert.equal(labelText(1, 2), 'label class +1');
  assert.equal(labelText(-1, 2), 'label class −1');
  // Several classes are named by their labels 0..K−1, as the legend names them.
  assert.equal(labelText(2, 4), 'label class 2');
  assert.equal(labelText(0, 3), 'label class 0');
  assert.equal(labelText(0.25, 0), 'target 0.25');
  assert.equal(labelText(1, ['▲', '●']), 'label ●');
  assert.equal(predictionText([0.3], 2), 'says class +1');
  assert.equal(predictionText([0.1, 0.7, 0.2], 3), 'says class 1');
  assert.equal(predictionText([0.1, 0.7, 0.2], ['cat', 'dog', 'bird']), 'says dog');
  assert.equal(predictionText([1.5], 0), '');
});

test('the trace panel tells the forward pass of a hand-computed net layer by layer', () => {
  // x = (1.2, -3.4): z_h = (4.1, 1.35), a_h = tanh(z_h) = (0.99945, 0.87405);
  // z_out = 1.5 * 0.99945 - 0.5 * 0.87405 + 0.3 = 1.36215, y = tanh(1.36215) = 0.87689;
  // target +1: loss = 1/2 (0.87689 - 1)^2 = 0.00758.
  const trace = {
    sums: Float32Array.from([0, 0, 4.1, 1.35, 1.36215]),
    activations: Float32Array.from([1.2, -3.4, 0.99945, 0.87405, 0.87689]),
    gradients: new Float32Array(5),
    loss: 0.00758,
  };
  const lines = traceLines({ point: { x: 1.2, y: -3.4, label: 1 }, trace, sizes: SIZES, labels: ['X₁', 'X₂'],
    lossName: 'squared', classes: 2 });
  assert.deepEqual(lines, [
    'Input x = (1.20, −3.40), label class +1; inputs X₁ = 1.20, X₂ = −3.40',
    'Hidden layer 1: z = (4.10, 1.35) → a = f(z) = (1.00, 0.87)',
    'Output: z = (1.36) → y = (0.88), says class +1',
    'loss = 0.00758 (squared error ½(y−t)²)',
  ]);
});

test('a followed picture\'s input line says how the pixels become the inputs: one each, or a block\'s mean', () => {
  const inputLine = (inputs) => {
    const units = inputs + 3;
    const trace = { sums: new Float32Array(units), activations: new Float32Array(units), gradients: new Float32Array(units), loss: 1 };
    return traceLines({ point: { label: 1 }, trace, sizes: [inputs, 3], lossName: 'softmax', classes: 3,
      image: { width: 28, height: 28, caption: 'test picture 1' } })[0];
  };
  assert.match(inputLine(784), /^Input: test picture 1, a 28 × 28 picture, one input per pixel \(784 inputs, /);
  assert.match(inputLine(196), /^Input: test picture 1, a 28 × 28 picture, one input per 2 × 2 block of pixels, their mean \(196 inputs, /);
});
