// Pictures start from their own defaults (web/state/picture-defaults.js) only where nothing else
// was said: keys a link leaves out, keys still at the points' defaults when the data switch, and
// back again; a learner's own values always stay, also through a link and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEMA, defaultState, engineConfigText, parseHash, serializeHash } from '../../../web/state/state.js';
import { PICTURE_DEFAULTS } from '../../../web/state/picture-defaults.js';
import { nextState } from '../../../web/playground/settings.js';
import { attributesFor } from '../../../web/element/snippets.js';

const picked = (state) => ({ networkShape: state.networkShape, init: state.init, optimizer: state.optimizer, learningRate: state.learningRate });
const POINTS = { networkShape: SCHEMA.networkShape.default, init: SCHEMA.init.default, optimizer: SCHEMA.optimizer.default,
  learningRate: SCHEMA.learningRate.default };

test('the picture defaults differ from the points\' defaults (else this file tests nothing)', () => {
  for (const key of Object.keys(PICTURE_DEFAULTS)) assert.notDeepEqual(PICTURE_DEFAULTS[key], POINTS[key], key);
});

test('a link to pictures that leaves the keys out gets the picture defaults; a link to points does not', () => {
  assert.deepEqual(picked(parseHash('dataset=fashion&seed=1').state), { ...PICTURE_DEFAULTS });
  assert.deepEqual(picked(parseHash('dataset=fashion&problem=regression').state), POINTS);
  assert.deepEqual(picked(parseHash('dataset=spiral').state), POINTS);
});

test('what a link to pictures says stays, even the points\' default values', () => {
  const { state } = parseHash('dataset=fashion&networkShape=4,2&optimizer=sgd&learningRate=0.03&init=playground');
  assert.deepEqual(picked(state), POINTS);
  // A bad value is not "said": the picture default, with the message.
  const bad = parseHash('dataset=fashion&optimizer=fast');
  assert.equal(bad.state.optimizer, PICTURE_DEFAULTS.optimizer);
  assert.equal(bad.errors.length, 1);
});

test('a picture state survives its own link, with the learner\'s SGD written out and Adam left out', () => {
  const learner = { ...parseHash('dataset=fashion').state, optimizer: 'sgd', learningRate: 0.1, init: 'he' };
  assert.deepEqual(picked(parseHash(serializeHash(learner)).state), picked(learner));
  assert.match(serializeHash(learner), /optimizer=sgd/);
  const plain = parseHash('dataset=fashion').state;
  assert.doesNotMatch(serializeHash(plain), /optimizer=|init=/);
  assert.deepEqual(picked(parseHash(serializeHash(plain)).state), { ...PICTURE_DEFAULTS });
  // The engine knows only the points' defaults: it is told Adam and Glorot.
  assert.match(engineConfigText(plain), /optimizer=adam/);
  assert.match(engineConfigText(plain), /init=glorot/);
  // The element snippet leaves out what the element fills in again.
  assert.deepEqual(attributesFor(plain).map(([name]) => name).filter((n) => ['optimizer', 'init', 'network-shape'].includes(n)), []);
  assert.ok(attributesFor(learner).some(([name, value]) => name === 'optimizer' && value === 'sgd'));
});

test('choosing pictures moves settings still at the points\' defaults to the pictures\' and back', () => {
  const points = defaultState();
  const pictures = nextState(points, { dataset: 'fashion' });
  assert.deepEqual(picked(pictures), { ...PICTURE_DEFAULTS });
  assert.deepEqual(picked(nextState(pictures, { dataset: 'circle' })), POINTS);
});

test('a learner\'s own settings stay through the switch; optimizer and rate move only together', () => {
  const own = { ...defaultState(), networkShape: [8], learningRate: 0.1 };
  const pictures = nextState(own, { dataset: 'fashion' });
  assert.deepEqual(pictures.networkShape, [8]);
  assert.equal(pictures.optimizer, 'sgd');       // SGD at 0.1 stays SGD at 0.1, not Adam at 0.1
  assert.equal(pictures.learningRate, 0.1);
  assert.equal(pictures.init, PICTURE_DEFAULTS.init);
  // A change that sets a key itself keeps it.
  assert.equal(nextState(defaultState(), { dataset: 'fashion', optimizer: 'rmsprop' }).optimizer, 'rmsprop');
  // Per-layer activations that no longer fit the new shape go.
  const layered = { ...defaultState(), activations: ['relu', 'tanh'] };
  assert.deepEqual(nextState(layered, { dataset: 'fashion' }).activations, []);
});
