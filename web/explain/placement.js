// Where a popup goes so that it does not cover what it points at: beside the target's box,
// inside the viewport. Pure geometry on {left, top, right, bottom} rectangles in viewport px.

export const GAP = 8;
export const MARGIN = 8;

// The smallest rectangle holding every rect of `rects`.
export function unionRect(rects) {
  return rects.reduce((u, r) => ({
    left: Math.min(u.left, r.left), top: Math.min(u.top, r.top),
    right: Math.max(u.right, r.right), bottom: Math.max(u.bottom, r.bottom),
  }));
}

export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const clamp = (v, lo, hi) => Math.max(lo, Math.min(v, hi));

// A spot for a w x h popup next to `target` that lies inside a viewW x viewH viewport and
// does not overlap the target: below, above, right or left of it, the first that fits; null
// when none does (the caller scrolls, or accepts an overlap).
export function placeBeside(target, w, h, viewW, viewH) {
  const x = clamp(target.left, MARGIN, viewW - w - MARGIN);
  const y = clamp(target.top, MARGIN, viewH - h - MARGIN);
  const spots = [
    { left: x, top: target.bottom + GAP },
    { left: x, top: target.top - GAP - h },
    { left: target.right + GAP, top: y },
    { left: target.left - GAP - w, top: y },
  ];
  const fits = (s) => s.left >= MARGIN && s.top >= MARGIN && s.left + w <= viewW - MARGIN && s.top + h <= viewH - MARGIN &&
    !overlaps({ left: s.left, top: s.top, right: s.left + w, bottom: s.top + h }, target);
  const spot = spots.find(fits);
  return spot ? { left: Math.round(spot.left), top: Math.round(spot.top) } : null;
}

// How far to scroll down (negative: up) so that `target` and a popup h px tall below or above
// it both fit in a viewport viewH px tall; 0 when the target is too tall for that.
export function scrollToFit(target, h, viewH) {
  const need = target.bottom - target.top + GAP + h + 2 * MARGIN;
  if (need > viewH) return 0;
  // Put the pair's top at the margin, popup above when that needs less scrolling.
  const below = target.top - MARGIN;
  const above = target.top - GAP - h - MARGIN;
  return Math.abs(above) < Math.abs(below) ? above : below;
}
