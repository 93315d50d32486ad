// Where the tour's popover goes: beside its target, inside the viewport, never over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeBeside, scrollToFit, unionRect, overlaps, GAP, MARGIN } from '../../../web/explain/placement.js';

const rect = (left, top, w, h) => ({ left, top, right: left + w, bottom: top + h });
const popup = (spot, w, h) => rect(spot.left, spot.top, w, h);

test('below a small target when there is room, above when not', () => {
  const target = rect(100, 50, 40, 40);
  assert.deepEqual(placeBeside(target, 300, 200, 1366, 768), { left: 100, top: 90 + GAP });
  const low = rect(100, 600, 40, 40);
  assert.deepEqual(placeBeside(low, 300, 200, 1366, 768), { left: 100, top: 600 - GAP - 200 });
});

test('a target too tall for above or below gets the popover at its side', () => {
  const tall = rect(960, 100, 380, 600);  // the output column at 1366 x 768
  const spot = placeBeside(tall, 320, 200, 1366, 768);
  assert.equal(spot.left, 960 - GAP - 320, 'left of it: there is no room on the right');
  assert.ok(!overlaps(popup(spot, 320, 200), tall));
});

test('no spot without overlap means null, and scrollToFit says how far to scroll', () => {
  const target = rect(10, 200, 340, 380);  // a tall panel on a phone, 740 px high
  assert.equal(placeBeside(target, 320, 200, 360, 740), null);
  const dy = scrollToFit(target, 200, 740);
  const moved = rect(10, 200 - dy, 340, 380);
  const spot = placeBeside(moved, 320, 200, 360, 740);
  assert.ok(spot, 'after scrolling it fits');
  assert.ok(!overlaps(popup(spot, 320, 200), moved));
  assert.equal(scrollToFit(rect(0, 0, 340, 700), 200, 740), 0, 'a target taller than the room is not scrolled for');
});

test('every spot found lies inside the viewport and off the target', () => {
  for (let seed = 1; seed < 400; seed++) {
    const r = (k) => ((seed * 7919 * k) % 1000) / 1000;
    const [vw, vh] = [r(1) > 0.5 ? 1366 : 360, r(2) > 0.5 ? 768 : 740];
    const target = rect(r(3) * vw * 0.9, r(4) * vh * 0.9, 2 + r(5) * vw * 0.6, 2 + r(6) * vh * 0.6);
    const spot = placeBeside(target, 320, 180, vw, vh);
    if (!spot) continue;
    const box = popup(spot, 320, 180);
    assert.ok(!overlaps(box, target), `seed ${seed}`);
    assert.ok(box.left >= MARGIN && box.top >= MARGIN && box.right <= vw - MARGIN && box.bottom <= vh - MARGIN, `seed ${seed}`);
  }
});

test('unionRect holds all of its rectangles', () => {
  assert.deepEqual(unionRect([rect(10, 20, 5, 5), rect(0, 30, 50, 1)]), { left: 0, top: 20, right: 50, bottom: 31 });
});
