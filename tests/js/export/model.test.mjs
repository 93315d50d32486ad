// The export's reading of the engine's saved experiment (web/export/model.js), its "what you
// built" note (summary.js) and the protobuf encoder under the ONNX file (protobuf.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNnCore } from '../load-wasm.mjs';
import { describeModel, shapeLine } from '../../../web/export/model.js';
import { summaryText } from '../../../web/export/summary.js';
import { concat, int, string } from '../../../web/export/protobuf.js';

const nn = await loadNnCore();

function trained(config, epochs = 5) {
  const s = new nn.Session();
  try {
    s.configure(config);
    s.trainEpochs(epochs);
    return { text: s.save(), unitCounts: Array.from(s.unitCounts()), params: s.params().length, metrics: s.metrics() };
  } finally {
    s.delete();
  }
}

test('the layers read from save() have the engine\'s own unit counts and parameter count', () => {
  for (const config of ['seed=1', 'networkShape=&seed=2', 'dataset=spiral&numClasses=5&networkShape=8,6,4&seed=3&sinX=true',
    'problem=regression&networkShape=3&xTimesY=true&seed=4', 'loss=crossEntropy&networkShape=2,2,2,2&seed=5']) {
    const { text, unitCounts, params } = trained(config);
    const model = describeModel(text);
    assert.deepEqual([model.layers[0].inputs, ...model.layers.map((l) => l.units)], unitCounts, config);
    assert.equal(model.parameters, params, config);
    for (const layer of model.layers) {
      assert.equal(layer.weights.length, layer.units);
      assert.ok(layer.weights.every((row) => row.length === layer.inputs));
      assert.equal(layer.biases.length, layer.units);
    }
  }
});

test('the output layer follows the problem: tanh, sigmoid, softmax or linear', () => {
  const output = (config) => describeModel(trained(config, 0).text).output;
  assert.equal(output('seed=1').activation, 'tanh');
  assert.equal(output('seed=1&loss=crossEntropy').activation, 'sigmoid');
  assert.deepEqual([output('dataset=gauss&numClasses=3&seed=1').activation, output('dataset=gauss&numClasses=3&seed=1').units], ['softmax', 3]);
  assert.equal(output('problem=regression&seed=1').activation, 'linear');
  assert.equal(output('problem=regression&loss=huber&seed=1').loss, 'huber');
});

test('what cannot be exported is refused with a message that says why', () => {
  const doc = JSON.parse(trained('seed=1').text);
  assert.throws(() => describeModel('{"format":"other"}'), /Cannot export this network: the engine did not hand over a saved experiment/);
  assert.throws(() => describeModel({ ...doc, params: doc.params.map((v, i) => (i === 3 ? null : v)) }),
    /not finite numbers \(the training diverged\)/);
  assert.throws(() => describeModel({ ...doc, diverged: true }), /the training diverged/);
  assert.throws(() => describeModel({ ...doc, params: doc.params.slice(1) }), /has \d+ parameters where its shape needs \d+/);
  assert.throws(() => describeModel({ ...doc, config: doc.config.replace('activation=tanh', 'activation=swish') }),
    /the activation "swish" has no export/);
});

test('the note says the shape, the parameters and the final metrics', () => {
  const { text, metrics } = trained('dataset=xor&networkShape=4,2&activations=relu,tanh&seed=7', 20);
  const model = describeModel(text);
  const note = summaryText(model, JSON.parse(text), metrics);
  assert.equal(shapeLine(model), '2 inputs -> 4 relu -> 2 tanh -> 1 tanh');
  assert.match(note, /- Network: 2 inputs -> 4 relu -> 2 tanh -> 1 tanh/);
  assert.match(note, /- Parameters: 25 \(18 weights, 7 biases\)/);
  assert.match(note, /- Trained for 20 epochs/);
  assert.ok(note.includes(`test loss ${metrics.testLoss.toFixed(4)}`));
  assert.ok(note.includes(`test accuracy ${(100 * metrics.testAccuracy).toFixed(1)} %`));
  assert.match(note, /the xor data set/);
  const regression = trained('problem=regression&seed=7', 3);
  const regressionNote = summaryText(describeModel(regression.text), JSON.parse(regression.text), regression.metrics);
  assert.doesNotMatch(regressionNote, /accuracy/);
});

test('protobuf: varints, tags and length-prefixed strings as the wire format defines them', () => {
  // The format's own examples: field 1 = 150 is 08 96 01; field 2 = "testing" is 12 07 74 65 73 74 69 6e 67.
  assert.deepEqual([...int(1, 150)], [0x08, 0x96, 0x01]);
  assert.deepEqual([...string(2, 'testing')], [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
  assert.deepEqual([...int(1, 300)], [0x08, 0xac, 0x02]);
  assert.deepEqual([...int(1, 2 ** 40)], [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
  assert.deepEqual([...concat([int(1, 1), int(16, 1)])], [0x08, 0x01, 0x80, 0x01, 0x01]);
  assert.throws(() => int(1, -1), /not a non-negative integer/);
});
