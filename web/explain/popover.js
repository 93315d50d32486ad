// A popup in the top layer (the Popover API) next to an anchor: the info notes (info.js) and
// the guided tour's box (tour.js) both use it, so it loads with the page and the tour's chunk
// shares it.

const GAP = 6;
const MARGIN = 8;

// Where a box of size w x h goes next to an anchor rect, in viewport px: below it if it fits,
// else above, else wherever it is most visible; kept inside the viewport horizontally.
export function placeNear(anchor, w, h, viewW, viewH) {
  const left = Math.max(MARGIN, Math.min(anchor.left, viewW - w - MARGIN));
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - h;
  let top = below;
  if (below + h > viewH - MARGIN) top = above >= MARGIN ? above : Math.max(MARGIN, viewH - h - MARGIN);
  return { left: Math.round(left), top: Math.round(top) };
}

// Shows `el` (a popover element) next to `anchor` in the top layer, or as a fixed box where the
// Popover API is missing.
export function openNear(el, anchor) {
  el.hidden = false;
  if (typeof el.showPopover === 'function' && !el.matches(':popover-open')) el.showPopover();
  positionNear(el, anchor);
}

export function positionNear(el, anchor) {
  const view = el.ownerDocument.defaultView;
  const box = el.getBoundingClientRect();
  const { left, top } = placeNear(anchor.getBoundingClientRect(), box.width, box.height,
    view.innerWidth, view.innerHeight);
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}

export function closePopover(el) {
  if (typeof el.hidePopover === 'function' && el.matches(':popover-open')) el.hidePopover();
  el.hidden = true;
}

// Where a popover for `near` belongs: its shadow root (whose styles then apply), else the body.
export function popoverHost(near) {
  const root = near.getRootNode();
  return root instanceof near.ownerDocument.defaultView.ShadowRoot ? root : near.ownerDocument.body;
}
