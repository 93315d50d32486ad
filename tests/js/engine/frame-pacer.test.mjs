// How frames flow from the worker to the screen (web/engine/frame-pacer.js), with a fake worker whose
// answers the test releases by hand and animation frames it calls itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FramePacer } from '../../../web/engine/frame-pacer.js';

function setup({ running = true } = {}) {
  const state = { running, drawn: [], discarded: [], pending: [], later: [] };
  const pacer = new FramePacer({
    fetch: (epochs) => new Promise((resolve) => state.pending.push({ epochs, resolve })),
    draw: (frame) => state.drawn.push(frame),
    discard: (frame) => state.discarded.push(frame),
    live: () => state.running,
    later: (fn) => state.later.push(fn),
  });
  // Answers the oldest request with `frame` and lets its promise callbacks run.
  state.answer = async (frame) => {
    state.pending.shift().resolve(frame);
    await new Promise((r) => setImmediate(r));
  };
  state.runLater = () => { for (const fn of state.later.splice(0)) fn(); };
  return { pacer, state };
}

test('while training, two requests may be outstanding, and no more', () => {
  const { pacer, state } = setup();
  assert.equal(pacer.hasRoom, true);
  pacer.request(5);
  pacer.request(5);
  assert.equal(pacer.hasRoom, false);
  assert.equal(state.pending.length, 2);
  state.running = false;
  assert.equal(pacer.hasRoom, false, 'paused: one at a time');
});

test('at most one answer is drawn per animation frame; the rest wait, in order', async () => {
  const { pacer, state } = setup();
  pacer.request(1);
  pacer.request(1);
  await state.answer('a');
  await state.answer('b');
  assert.deepEqual(state.drawn, ['a'], 'the first answer is drawn at once, the second waits');
  pacer.request(1);
  assert.equal(pacer.hasRoom, false, 'a waiting answer and one in flight fill both places');
  pacer.onAnimationFrame();
  assert.deepEqual(state.drawn, ['a'], 'the waiting answer is drawn in a task of its own');
  state.runLater();
  assert.deepEqual(state.drawn, ['a', 'b']);
  await state.answer('c');
  assert.deepEqual(state.drawn, ['a', 'b'], 'this animation frame already drew one');
  pacer.onAnimationFrame();
  state.runLater();
  assert.deepEqual(state.drawn, ['a', 'b', 'c']);
  pacer.onAnimationFrame();
  pacer.request(1);
  await state.answer('d');
  assert.deepEqual(state.drawn, ['a', 'b', 'c', 'd'], 'a fresh animation frame draws an answer at once');
});

test('paused, an answer is drawn at once and older waiting answers are discarded', async () => {
  const { pacer, state } = setup();
  pacer.request(1);
  pacer.request(1);
  await state.answer('a');
  await state.answer('b');
  state.running = false;
  pacer.request(0);
  await state.answer('still');
  assert.deepEqual(state.drawn, ['a', 'still']);
  assert.deepEqual(state.discarded, ['b']);
  pacer.onAnimationFrame();
  state.runLater();
  assert.deepEqual(state.drawn, ['a', 'still'], 'nothing older is drawn after it');
});

test('a stale answer (null) is neither drawn nor kept, and frees its place', async () => {
  const { pacer, state } = setup();
  const done = pacer.request(1);
  await state.answer(null);
  await done;
  assert.deepEqual(state.drawn, []);
  assert.equal(pacer.inFlight, 0);
  assert.equal(pacer.hasRoom, true);
});
