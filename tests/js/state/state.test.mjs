import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SCHEMA, parseHash, serializeHash, defaultState, engineConfigText, coerce,
} from '../../../web/state/state.js';

const PLAYGROUND_HASH = '#activation=relu&batchSize=17&dataset=spiral&regDataset=reg-gauss'
  + '&learningRate=0.3&regularizationRate=0.001&noise=15&networkShape=6,5,3&seed=0.12345'
  + '&showTestData=true&discretize=true&percTrainData=70&x=true&y=false&xTimesY=true'
  + '&xSquared=false&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=false'
  + '&collectStats=false&problem=classification&initZero=false&hideText=false'
  + '&regularization=L2&dataset_hide=true';

// The defaults written out by hand, not read from SCHEMA: TensorFlow Playground's own for its
// keys (its state.ts and index.html; see the parity table in README.md), and for the keys
// beyond it the values README.md's Settings section documents. A changed default in SCHEMA
// fails here until it is changed on purpose in both places.
const EXPECTED_DEFAULTS = {
  activation: 'tanh', regularization: 'none', batchSize: 10, dataset: 'circle', regDataset: 'reg-plane',
  learningRate: 0.03, regularizationRate: 0, noise: 0, networkShape: [4, 2],
  seed: '',  // "pick a seed": the Playground draws one too when the hash has none
  showTestData: false, discretize: false, percTrainData: 50,
  x: true, y: true, xTimesY: false, xSquared: false, ySquared: false,
  cosX: false, sinX: false, cosY: false, sinY: false,
  collectStats: false, problem: 'classification', initZero: false, hideText: false, tutorial: '',
  // Beyond the Playground: each default reproduces the Playground's fixed behaviour where it
  // has one (squared loss, plain SGD, uniform(-0.5, 0.5) init, a constant rate, no auto-stop).
  numClasses: 2, numSamples: 0, loss: 'squared', activations: [], init: 'playground', optimizer: 'sgd',
  momentum: 0.9, rho: 0.9, beta1: 0.9, beta2: 0.999,
  lrSchedule: 'constant', lrDecayEpochs: 100, lrDecayRate: 0.5,
  stopEpochs: 0, stopTestLoss: 0, stopPatience: 0,
  imageClasses: ['tshirt', 'trouser', 'sneaker'], imageSize: '14',
  // The Playground's pace, one epoch per drawn frame, so that a learner can watch it learn.
  epochsPerFrame: '1', palette: 'classic', showGradients: false, showPointLoss: false,
  hidden: [],
};

test('the default state is the Playground\'s defaults plus the documented extras, nothing hidden', () => {
  assert.deepEqual(defaultState(), EXPECTED_DEFAULTS);
});

test('defaultState returns a fresh object each time', () => {
  const a = defaultState();
  a.networkShape.push(3);
  a.hidden.push('dataset');
  assert.deepEqual(defaultState().networkShape, [4, 2]);
  assert.deepEqual(defaultState().hidden, []);
});

test('every key is marked as an engine key or a UI-only key', () => {
  const uiOnly = Object.keys(SCHEMA).filter((key) => SCHEMA[key].engine === false);
  assert.deepEqual(uiOnly.sort(), ['collectStats', 'discretize', 'epochsPerFrame', 'hideText', 'palette',
    'showGradients', 'showPointLoss', 'showTestData', 'tutorial']);
  for (const spec of Object.values(SCHEMA)) assert.equal(typeof spec.engine, 'boolean');
  assert.equal(SCHEMA.learningRate.live, true);
  assert.equal(SCHEMA.regularizationRate.live, true);
});

test('an empty hash, or only "#", gives the defaults with no errors', () => {
  for (const text of ['', '#', '#&&']) assert.deepEqual(parseHash(text), { state: EXPECTED_DEFAULTS, errors: [] });
});

test('a TensorFlow Playground permalink hash parses to the same setup', () => {
  const { state, errors } = parseHash(PLAYGROUND_HASH);
  assert.deepEqual(errors, []);
  assert.deepEqual(state, {
    ...defaultState(),
    activation: 'relu', batchSize: 17, dataset: 'spiral', regDataset: 'reg-gauss',
    learningRate: 0.3, regularizationRate: 0.001, noise: 15, networkShape: [6, 5, 3],
    seed: '0.12345', showTestData: true, discretize: true, percTrainData: 70,
    x: true, y: false, xTimesY: true, xSquared: false, ySquared: true,
    cosX: false, sinX: true, cosY: false, sinY: false, collectStats: false,
    problem: 'classification', initZero: false, hideText: false, regularization: 'L2',
    hidden: ['dataset'],
  });
});

test('the hash is read the same with or without the leading "#"', () => {
  assert.deepEqual(parseHash(PLAYGROUND_HASH.slice(1)), parseHash(PLAYGROUND_HASH));
});

test('parse, serialise, parse loses nothing', () => {
  for (const text of [PLAYGROUND_HASH, '', 'networkShape=&regularization=l1&tutorial=intro&learningRate=0.00001']) {
    const first = parseHash(text).state;
    const again = parseHash(serializeHash(first));
    assert.deepEqual(again.errors, []);
    assert.deepEqual(again.state, first);
  }
});

test('serialising follows SCHEMA order and omits none regularization, empty strings and default extras', () => {
  const text = serializeHash(defaultState());
  assert.ok(!text.startsWith('#'));
  const keys = text.split('&').map((pair) => pair.split('=')[0]);
  assert.deepEqual(keys, Object.keys(SCHEMA).filter((k) => !['regularization', 'seed', 'tutorial'].includes(k) && !SCHEMA[k].extra));
  assert.match(serializeHash({ ...defaultState(), optimizer: 'adam' }), /&optimizer=adam(&|$)/);
  assert.match(text, /(^|&)networkShape=4,2(&|$)/);
  const hashed = serializeHash({ ...defaultState(), regularization: 'L1', seed: 'abc', hidden: ['noise'] });
  assert.match(hashed, /^activation=tanh&regularization=L1&/);
  assert.match(hashed, /&seed=abc&/);
  assert.ok(hashed.endsWith('&noise_hide=true'));
});

test('the engine config text holds only engine keys', () => {
  const state = { ...defaultState(), showTestData: true, tutorial: 'intro', seed: 's1', hidden: ['noise'] };
  const keys = engineConfigText(state).split('&').map((pair) => pair.split('=')[0]);
  for (const key of keys) assert.equal(SCHEMA[key].engine, true, key);
  assert.ok(keys.includes('seed') && keys.includes('learningRate') && keys.includes('networkShape'));
  assert.ok(!keys.includes('showTestData') && !keys.includes('tutorial') && !keys.includes('noise_hide'));
});

test('lowercase l1 and l2 are read as L1 and L2', () => {
  assert.equal(parseHash('regularization=l1').state.regularization, 'L1');
  assert.equal(parseHash('regularization=l2').state.regularization, 'L2');
  assert.deepEqual(coerce('regularization', 'none'), { value: 'none' });
});

test('networkShape may be empty, meaning no hidden layers', () => {
  assert.deepEqual(parseHash('networkShape=').state.networkShape, []);
  assert.deepEqual(parseHash('networkShape=').errors, []);
  assert.match(serializeHash({ ...defaultState(), networkShape: [] }), /(^|&)networkShape=(&|$)/);
  assert.deepEqual(parseHash('networkShape=8,8,8,8,8,8,8,64').state.networkShape, [8, 8, 8, 8, 8, 8, 8, 64]);
});

const BAD_VALUES = [
  ['batchSize', '0', 'batchSize: "0" is out of range; allowed 1 to 30'],
  ['batchSize', '31', 'is out of range; allowed 1 to 30'],
  ['batchSize', '1.5', 'is not a whole number'],
  ['batchSize', '', 'is not a whole number'],
  ['learningRate', '1e', 'learningRate: "1e" is not a number'],
  ['learningRate', 'NaN', 'is not a number'],
  ['learningRate', 'Infinity', 'is not a number'],
  ['learningRate', '', 'is not a number'],
  ['learningRate', '0x10', 'is not a number'],
  ['learningRate', '0', 'is out of range; allowed 0.00001 to 10'],
  ['learningRate', '11', 'is out of range'],
  ['learningRate', '1e999', 'is out of range'],
  ['regularizationRate', '-1', 'is out of range; allowed 0 to 10'],
  ['noise', '81', 'noise: "81" is out of range; allowed 0 to 80'],
  ['noise', '-5', 'is out of range'],
  ['percTrainData', '95', 'allowed 10 to 90'],
  ['activation', 'softmax', 'activation: "softmax" is not a choice; allowed relu, tanh, sigmoid, linear'],
  ['regularization', 'L3', 'allowed none, L1, L2'],
  ['dataset', 'bananas', 'allowed circle, xor, gauss, spiral'],
  ['problem', '', 'allowed classification, regression'],
  ['showTestData', 'yes', 'showTestData: "yes" is not a yes/no value; allowed true or false'],
  ['x', '1', 'allowed true or false'],
  ['networkShape', '9,9,9,9,9,9,9,9,9', 'has 9 entries; allowed up to 8'],
  ['networkShape', '129', 'has an entry 129 that is out of range'],
  ['networkShape', '0', 'has an entry 0 that is out of range'],
  ['networkShape', 'a', 'has an entry "a" that is not a whole number'],
  ['networkShape', '4,,2', 'is not a whole number'],
  ['networkShape', ' 4', 'is not a whole number'],
  ['seed', 'a b', 'has characters that are not allowed'],
  ['seed', 'x'.repeat(33), 'is too long'],
  ['tutorial', '../etc', 'has characters that are not allowed'],
  ['initZero', 'TRUE', 'allowed true or false'],
];

for (const [key, raw, expected] of BAD_VALUES) {
  test(`${key}="${raw.slice(0, 20)}" is refused with a message, keeps its default, spares the rest`, () => {
    const { state, errors } = parseHash(`dataset_hide=true&batchSize=12&${key}=${encodeURIComponent(raw)}&hideText=true`);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].key, key);
    assert.equal(errors[0].value, raw);
    assert.ok(errors[0].message.includes(expected), `${errors[0].message} should contain ${expected}`);
    assert.deepEqual(state[key], key === 'batchSize' ? SCHEMA.batchSize.default : SCHEMA[key].default);
    if (key !== 'batchSize') assert.equal(state.batchSize, 12);
    assert.equal(state.hideText, true);
    assert.deepEqual(state.hidden, ['dataset']);
    assert.ok('error' in coerce(key, raw));
  });
}

test('layers wider than 64 need image data: refused for points with a message, taken for dataset=fashion', () => {
  const points = parseHash('networkShape=4,65&noise=10');
  assert.deepEqual(points.state.networkShape, SCHEMA.networkShape.default);
  assert.equal(points.state.noise, 10);
  assert.equal(points.errors.length, 1);
  assert.match(points.errors[0].message, /^networkShape: "4,65" has an entry 65 that is out of range; allowed up to 64 for points, 128 for image data/);
  const images = parseHash('dataset=fashion&networkShape=128');
  assert.deepEqual(images.errors, []);
  assert.deepEqual(images.state.networkShape, [128]);
});

test('imageClasses takes 2 to 10 different classes or all; anything else gets a message and the default', () => {
  assert.deepEqual(parseHash('imageClasses=coat,BAG').state.imageClasses, ['coat', 'bag']);
  assert.deepEqual(parseHash('imageClasses=all').state.imageClasses, ['all']);
  for (const raw of ['coat', 'coat,coat', 'all,coat', '', 'coat,hat']) {
    const { state, errors } = parseHash(`imageClasses=${raw}&noise=5`);
    assert.equal(errors.length, 1, raw);
    assert.match(errors[0].message, /^imageClasses: /);
    assert.deepEqual(state.imageClasses, SCHEMA.imageClasses.default);
    assert.equal(state.noise, 5);
  }
});

test('unknown keys, including Object prototype names, are ignored', () => {
  const { state, errors } = parseHash('foo=bar&__proto__=x&constructor=1&toString=2&batchSize=3');
  assert.deepEqual(errors, []);
  assert.deepEqual(state, { ...defaultState(), batchSize: 3 });
  assert.ok('error' in coerce('__proto__', 'x'));
});

test('when a key repeats, the last value wins', () => {
  assert.equal(parseHash('batchSize=3&batchSize=7').state.batchSize, 7);
  const { state, errors } = parseHash('batchSize=3&batchSize=99');
  assert.equal(state.batchSize, SCHEMA.batchSize.default);
  assert.equal(errors.length, 1);
});

test('values are URL-decoded, only the first "=" splits, and bad encoding is an error', () => {
  assert.equal(parseHash('seed=a%2Db').state.seed, 'a-b');
  const split = parseHash('seed=a=b');
  assert.equal(split.errors[0].value, 'a=b');
  const broken = parseHash('seed=%E0%A4%A&batchSize=4');
  assert.equal(broken.errors.length, 1);
  assert.match(broken.errors[0].message, /seed: .* is not valid URL encoding/);
  assert.equal(broken.state.batchSize, 4);
});

test('10,000-character values are refused without throwing and messages stay short', () => {
  const long = '9'.repeat(10000);
  for (const key of Object.keys(SCHEMA)) {
    const { state, errors } = parseHash(`${key}=${long}`);
    assert.equal(errors.length, 1, key);
    assert.ok(errors[0].message.length < 200, key);
    assert.deepEqual(state[key], SCHEMA[key].default);
  }
  assert.doesNotThrow(() => parseHash(`${'k'.repeat(10000)}=${'1,'.repeat(5000)}`));
});

test('markup in a value is refused and echoed as text in the message', () => {
  const markup = '<img src=x onerror=alert(1)>';
  for (const key of ['seed', 'activation', 'batchSize', 'networkShape']) {
    const { state, errors } = parseHash(`${key}=${encodeURIComponent(markup)}`);
    assert.equal(errors.length, 1);
    assert.ok(errors[0].message.includes(`"${markup}"`), errors[0].message);
    assert.deepEqual(state[key], SCHEMA[key].default);
  }
});

test('values longer than 40 characters are truncated in messages', () => {
  const raw = 'abcdefghij'.repeat(5);
  const { errors } = parseHash(`activation=${raw}`);
  assert.ok(errors[0].message.includes(`"${raw.slice(0, 40)}…"`));
  assert.ok(!errors[0].message.includes(raw));
});

test('_hide keys collect control names; bad names are ignored and false unhides', () => {
  const { state, errors } = parseHash('noise_hide=true&batchSize_hide=true&a-b_hide=true&_hide=true&noise_hide=false&play_hide=true');
  assert.deepEqual(errors, []);
  assert.deepEqual(state.hidden, ['batchSize', 'play']);
  const bad = parseHash('noise_hide=maybe');
  assert.equal(bad.errors[0].key, 'noise_hide');
  assert.deepEqual(bad.state.hidden, []);
});

test('coerce reads single values for controls and element attributes', () => {
  assert.deepEqual(coerce('learningRate', '0.1'), { value: 0.1 });
  assert.deepEqual(coerce('learningRate', '1e-5'), { value: 0.00001 });
  assert.deepEqual(coerce('noise', '80'), { value: 80 });
  assert.deepEqual(coerce('networkShape', '3'), { value: [3] });
  assert.deepEqual(coerce('showTestData', 'true'), { value: true });
  assert.deepEqual(coerce('regularizationRate', '-0'), { value: 0 });
  assert.ok(Object.is(coerce('regularizationRate', '-0').value, 0));
  assert.match(coerce('nope', '1').error, /unknown setting/);
});
