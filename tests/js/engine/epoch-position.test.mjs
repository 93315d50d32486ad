// EpochPosition (web/engine/epoch-position.js) against a batch-by-batch walk written as
// core/session.cpp's Session::step walks the training set, for runs of many mini-batches at a
// time (the 'auto' pace) over sets whose last batch is short, full or alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EpochPosition } from '../../../web/engine/epoch-position.js';

// cursor: samples of the current epoch trained; n or more: the next batch starts an epoch.
function walk(state, batches, n, batch) {
  for (let b = 0; b < batches; b += 1) {
    if (state.cursor >= n) state.cursor = 0;
    state.cursor += Math.min(batch, n - state.cursor);
    if (state.cursor >= n) state.epoch += 1;
  }
}

test('runs of mini-batches land where the engine\'s walk does, epochs and fraction', () => {
  for (const [n, batch] of [[150, 16], [160, 16], [7, 10], [1000, 1], [601, 300]]) {
    const position = new EpochPosition();
    const engine = { cursor: n, epoch: 0 };
    let seed = n * 31 + batch;
    for (let run = 0; run < 60; run += 1) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const batches = 1 + (seed % (3 * Math.ceil(n / batch)));
      position.advance(batches, n, batch);
      walk(engine, batches, n, batch);
      const expected = engine.cursor >= n ? 0 : engine.cursor / n;
      assert.equal(position.fraction(engine.epoch, n), expected, `n ${n}, batch ${batch}, run ${run}`);
      assert.equal(position.epoch, engine.epoch);
    }
  }
});

test('whole epochs, or an epoch count it did not see, start over from an epoch\'s end', () => {
  const position = new EpochPosition();
  position.advance(3, 100, 10);
  assert.equal(position.fraction(0, 100), 0.3);
  position.finishEpochs();
  assert.equal(position.fraction(4, 100), 0);
  position.advance(2, 100, 10);
  assert.equal(position.fraction(4, 100), 0.2);
  assert.equal(position.fraction(9, 100), 0, 'an opened experiment at epoch 9');
  position.advance(1, 100, 10);
  assert.equal(position.fraction(9, 100), 0.1);
});
