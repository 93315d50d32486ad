// Explanations in place: an "i" button that opens a short note next to itself, and tooltips
// for controls. The buttons' names and the tooltips come from explain-titles.js (first paint);
// a note opens at once with the first sentence and shows the whole text when explain-text.js,
// fetched on the first press, has arrived. The note lives in the top layer (the Popover API) so
// no overflow or containment of the playground clips it; it is built with textContent only.
import { TOPICS, shortText } from './explain-titles.js';
import { loadLater } from '../shared/later.js';

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

// The full explanations, fetched once for every button.
let fullTexts = null;
function loadTexts() {
  fullTexts ??= loadLater(() => import('./explain-text.js'), 'the rest of this explanation')
    .catch((error) => { fullTexts = null; throw error; });
  return fullTexts;
}

// A small "i" button for TOPICS[key]: Tab reaches it, Enter or Space (or a click) opens
// the note, and Escape, a second press, or focus or a press going elsewhere closes it.
export function infoButton(key, { doc = document } = {}) {
  const entry = TOPICS[key];
  if (!entry) throw new Error(`infoButton: no explanation for "${key}"`);
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'info-btn';
  button.setAttribute('aria-label', `About ${entry.title}`);
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('data-info', key);
  const glyph = doc.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = 'i';
  button.append(glyph);

  let note = null;
  let full = false;  // whether the note shows the whole explanation
  const view = doc.defaultView;
  const reposition = () => { if (note && !note.hidden) positionNear(note, button); };
  const inside = (node) => node instanceof view.Node && (button.contains(node) || !!note?.contains(node));
  const onOutsidePress = (e) => { if (!e.composedPath().some(inside)) close(false); };

  function build() {
    const title = doc.createElement('strong');
    title.className = 'info-title';
    title.textContent = entry.title;
    const text = doc.createElement('p');
    text.className = 'info-text';
    text.textContent = shortText(key);
    note = doc.createElement('div');
    note.className = 'info-pop';
    note.setAttribute('role', 'note');
    note.setAttribute('aria-live', 'polite');
    note.setAttribute('aria-label', entry.title);
    note.tabIndex = -1;  // a press on the note keeps it open (focus stays inside)
    if (typeof note.showPopover === 'function') note.setAttribute('popover', 'manual');
    note.hidden = true;
    note.append(title, text);
    note.addEventListener('keydown', onKey);
    note.addEventListener('focusout', onFocusOut);
  }

  // The note's text in full once explain-text.js is here; on a failed fetch, the first sentence
  // and what went wrong (the next opening tries again).
  function fill() {
    const text = note.querySelector('.info-text');
    loadTexts().then(({ EXPLANATIONS }) => { text.textContent = EXPLANATIONS[key].text; full = true; },
      (error) => { text.textContent = `${shortText(key)} ${error.message}`; })
      .finally(reposition);
  }

  function open() {
    if (!note) build();
    if (!full) fill();
    if (!note.isConnected) popoverHost(button).append(note);
    openNear(note, button);
    button.setAttribute('aria-expanded', 'true');
    view.addEventListener('scroll', reposition, { capture: true, passive: true });
    view.addEventListener('resize', reposition);
    doc.addEventListener('pointerdown', onOutsidePress, true);
  }

  function close(refocus) {
    if (!note || note.hidden) return;
    closePopover(note);
    note.remove();
    button.setAttribute('aria-expanded', 'false');
    view.removeEventListener('scroll', reposition, { capture: true });
    view.removeEventListener('resize', reposition);
    doc.removeEventListener('pointerdown', onOutsidePress, true);
    if (refocus) button.focus();
  }

  function onKey(e) {
    if (e.key !== 'Escape' || !note || note.hidden) return;
    e.preventDefault();
    e.stopPropagation();
    close(true);
  }

  function onFocusOut(e) {
    if (!inside(e.relatedTarget)) close(false);
  }

  button.addEventListener('click', () => (note && !note.hidden ? close(false) : open()));
  button.addEventListener('keydown', onKey);
  button.addEventListener('focusout', onFocusOut);
  return button;
}

// Gives a control a tooltip and an accessible description: the first sentence of its
// explanation. Returns el.
export function describe(el, key) {
  const text = shortText(key);
  if (!text) return el;
  el.title = text;
  el.setAttribute('aria-description', text);
  return el;
}
