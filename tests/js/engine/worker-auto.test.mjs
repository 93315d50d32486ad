// The 'auto' pace of 2-D frames (web/engine/worker.js in Node) on a clock that does not move
// within a frame, as Firefox's worker clock (whole milliseconds) for a fast chunk: a chunk read
// as 0 ms must not be taken for free, or the next frame trains the cap of epochs in one go.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { call as send, restoreFetch, withFrozenClock } from './node-worker.mjs';

const SID = 5;
const call = (op, args = {}) => send(op, args, SID);
test.after(restoreFetch);

test('auto on a frozen clock grows the chunk by the budget each frame, not to the cap', async () => {
  await call('configure', { text: 'dataset=spiral&networkShape=8,8,8,8,8,8&seed=auto' });
  await withFrozenClock(async () => {
    const trained = [];
    for (let i = 0; i < 4; i += 1) trained.push((await call('frame', { epochs: 'auto', gridSize: 10 })).trained);
    assert.equal(trained[0], 1, 'the first chunk after a configure is one epoch, to measure');
    for (let i = 1; i < trained.length; i += 1) {
      assert.ok(trained[i] <= 4 * trained[i - 1] + 1, `epochs per frame ${trained.join(', ')}: at most the budget over one tick more`);
    }
    assert.ok(trained[3] > trained[1], `epochs per frame ${trained.join(', ')}: still growing`);
  });
});
