// Explanations in place: an "i" button that opens a short note next to itself, and tooltips
// for controls. The buttons' names and the tooltips come from explain-titles.js (first paint);
// a note opens at once with the first sentence and shows the whole text when explain-text.js,
// fetched on the first press, has arrived. The note lives in the top layer (the Popover API) so
// no overflow or containment of the playground clips it; it is built with textContent only.
import { TOPICS, explanation, shortText } from './explain-titles.js';
import { openNear, positionNear, closePopover, popoverHost } from './popover.js';
import { loadLater } from '../shared/later.js';

// The rest of every explanation (explain-text.js), fetched once for every button.
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
    loadTexts().then(({ MORE }) => { text.textContent = explanation(key, MORE).text; full = true; },
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
