// The playground's animation-frame loop (web/playground/frame-loop.js): it asks for frames only
// while there is something to draw, stops once a paused playground is drawn, and starts again
// when something changes. A fake display runs the frames it was asked for, one at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameLoop } from '../../../web/playground/frame-loop.js';

function fakeDisplay() {
  let next = 1;
  const pending = new Map();
  return {
    request: (fn) => { pending.set(next, fn); return next++; },
    cancel: (id) => { pending.delete(id); },
    get pending() { return pending.size; },
    // Runs the frames asked for so far (those asked for meanwhile wait for the next one).
    frame() {
      const due = [...pending.values()];
      pending.clear();
      for (const fn of due) fn();
    },
  };
}

function loopWith({ busy = () => false, shown = true } = {}) {
  const display = fakeDisplay();
  let frames = 0;
  const loop = new FrameLoop({ onFrame: () => { frames++; loop.dirty = false; }, busy, shown, request: display.request, cancel: display.cancel });
  return { loop, display, frames: () => frames };
}

test('paused, the loop draws what changed and then asks for no more frames', () => {
  const { loop, display, frames } = loopWith();
  loop.wake();
  for (let i = 0; i < 5; i++) display.frame();
  // The first frame is drawn (dirty from the start); the one after it finds nothing to do.
  assert.equal(frames(), 2);
  assert.equal(display.pending, 0, 'no frame is asked for once nothing is left to draw');
  loop.markDirty();
  for (let i = 0; i < 5; i++) display.frame();
  assert.equal(frames(), 4, 'a change wakes it for one frame and the check after it');
  assert.equal(display.pending, 0);
});

test('while busy (training, a build under way) it runs on every frame, and stops when that ends', () => {
  let busy = true;
  const { loop, display, frames } = loopWith({ busy: () => busy });
  loop.wake();
  for (let i = 0; i < 10; i++) display.frame();
  assert.equal(frames(), 10);
  assert.equal(display.pending, 1);
  busy = false;
  display.frame();
  display.frame();
  assert.equal(frames(), 11, 'the frame after training stopped is the last');
  assert.equal(display.pending, 0);
});

test('waking a running loop asks for no second frame', () => {
  const { loop, display } = loopWith({ busy: () => true });
  loop.wake();
  loop.wake();
  loop.markDirty();
  assert.equal(display.pending, 1);
});

test('off screen it asks for no frames at all, and on screen again it draws what changed meanwhile', () => {
  const { loop, display, frames } = loopWith({ busy: () => true, shown: false });
  loop.wake();
  loop.markDirty();
  assert.equal(display.pending, 0);
  loop.setShown(true);
  display.frame();
  assert.equal(frames(), 1);
  loop.setShown(false);
  assert.equal(display.pending, 0, 'hiding cancels the frame asked for');
  display.frame();
  assert.equal(frames(), 1);
});

test('destroyed, it never asks for a frame again', () => {
  const { loop, display } = loopWith({ busy: () => true });
  loop.wake();
  loop.destroy();
  assert.equal(display.pending, 0);
  loop.markDirty();
  loop.setShown(true);
  assert.equal(display.pending, 0);
});

test('a failing frame does not end the loop', () => {
  const display = fakeDisplay();
  const loop = new FrameLoop({ onFrame: () => { throw new Error('draw failed'); }, busy: () => true, request: display.request, cancel: display.cancel });
  loop.wake();
  assert.throws(() => display.frame(), /draw failed/);
  assert.equal(display.pending, 1);
});
