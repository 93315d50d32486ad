import { test } from 'node:test';
import assert from 'node:assert/strict';
import { className, classNames, classOfLabel, classOfOutputs, csvClassNames } from '../../../web/state/class-names.js';

test('two classes are named by their labels −1 and +1, in colours 0 and 1', () => {
  assert.deepEqual(className(0, { classes: 2 }), { name: 'class \u22121', colorIndex: 0 });
  assert.deepEqual(className(1, { classes: 2 }), { name: 'class +1', colorIndex: 1 });
});

test('several classes are named 0..K−1, the labels a downloaded CSV carries', () => {
  assert.deepEqual(classNames({ classes: 3 }), ['class 0', 'class 1', 'class 2']);
  assert.deepEqual(classNames({ classes: 6 }).at(-1), 'class 5');
  assert.equal(className(2, { classes: 3 }).colorIndex, 2);
});

test('CSV names replace the defaults only when there is one per class', () => {
  assert.deepEqual(classNames({ classes: 3, names: ['cat', 'dog', 'bird'] }), ['cat', 'dog', 'bird']);
  assert.deepEqual(classNames({ classes: 3, names: ['cat', 'dog'] }), ['class 0', 'class 1', 'class 2']);
});

test('a label and an output map to the class index the names use', () => {
  assert.equal(classOfLabel(-1, 2), 0);
  assert.equal(classOfLabel(1, 2), 1);
  assert.equal(classOfLabel(2, 3), 2);
  assert.equal(classOfLabel(0, 3), 0);
  assert.equal(classOfOutputs([-0.3]), 0);
  assert.equal(classOfOutputs([0.2, 0.7, 0.1]), 1);
});

test('CSV class names come back in order of first appearance, header and blank lines skipped', () => {
  const text = 'x,y,label\n1,2,cat\n\n2,3,"dog"\r\n3,1, cat\n0,0,bird\n';
  assert.deepEqual(csvClassNames(text), ['cat', 'dog', 'bird']);
  assert.equal(csvClassNames('1,2,0\n2,3,1\n3,1,2\n0,0,1\n'), null, 'numeric labels keep the default names');
  assert.deepEqual(csvClassNames('1,2,1\n2,3,b\n'), ['1', 'b'], 'one name makes every label a name');
});
