// The network diagram's card for one weight or bias: it shows the live value while the pointer
// or the focus is on a link or bias square, and becomes a small editor on click or Enter. It
// knows parameters only by index: the diagram says what each one is and takes the new values.
import { create, place } from './network-dom.js';
import { formatValue } from './network-layout.js';

const MESSAGE_MS = 1600;
const OFFSET = 10;
const ROOM = 140;

export class WeightCard {
  // describe(param) -> { kind: 'Weight' | 'Bias', value: number | undefined, note?: string };
  // onCommit(param, value) with a finite value typed into the editor.
  constructor(doc, { describe, onCommit }) {
    Object.assign(this, { describe, onCommit, param: null, editing: false, timer: 0, returnTo: null });
    this.text = create(doc, 'span', 'nv-card-text');
    this.input = create(doc, 'input', 'nv-card-input', { type: 'text', inputmode: 'decimal', hidden: '' });
    this.message = create(doc, 'span', 'nv-card-msg', { hidden: '' });
    // An explanation's extra line (the gradient view's dL/dw), from describe(param).note.
    this.note = create(doc, 'span', 'nv-card-note', { hidden: '' });
    this.box = create(doc, 'div', 'nv-card', { hidden: '' }, [this.text, this.note, this.input, this.message]);
    this.input.addEventListener('keydown', (e) => {
      e.stopPropagation();
      if (e.key === 'Enter') { e.preventDefault(); this.commit(true); }
      if (e.key === 'Escape') { e.preventDefault(); this.close(true); }
    });
    this.input.addEventListener('blur', () => { if (this.editing) this.commit(false); });
  }

  // Whether the card shows a live value (not the editor, not a message).
  get showsValue() {
    return this.param !== null && !this.editing && this.message.hidden;
  }

  refresh() {
    const { kind, value, note = '' } = this.describe(this.param);
    this.text.textContent = `${kind} is ${value === undefined ? '\u2026' : formatValue(value)}`;
    this.note.textContent = note;
    this.note.hidden = !note;
  }

  // Just below and right of `at` (stage px), kept inside a diagram `width` px wide.
  place({ x, y }, width) {
    place(this.box, Math.max(0, Math.min(x + OFFSET, width - ROOM)), y + OFFSET);
  }

  show(param, at, width) {
    clearTimeout(this.timer);
    this.param = param;
    this.input.hidden = this.message.hidden = true;
    this.box.classList.remove('nv-editing');
    this.refresh();
    this.box.hidden = false;
    this.place(at, width);
  }

  // returnTo: the element that gets the focus back when the editor closes from the keyboard.
  openEditor(param, at, width, returnTo) {
    this.show(param, at, width);
    Object.assign(this, { editing: true, returnTo });
    const { kind, value } = this.describe(param);
    this.text.textContent = kind;
    this.note.hidden = true;
    this.input.value = Number.isFinite(value) ? String(Number(value.toPrecision(6))) : '';
    this.input.setAttribute('aria-label', `New ${kind.toLowerCase()} value`);
    this.input.hidden = false;
    this.box.classList.add('nv-editing');
    this.input.focus();
    this.input.select();
  }

  // Enter (byKey) keeps the editor open on a bad value; blur closes it with a short message.
  commit(byKey) {
    const raw = this.input.value.trim();
    const value = raw === '' ? NaN : Number(raw);
    if (Number.isFinite(value)) {
      const param = this.param;
      this.close(byKey);
      this.onCommit(param, value);
      return;
    }
    this.message.textContent = 'Not a number: not changed';
    this.message.hidden = false;
    if (byKey) return;
    this.editing = false;
    this.input.hidden = true;
    this.box.classList.remove('nv-editing');
    this.timer = setTimeout(() => this.close(false), MESSAGE_MS);
  }

  // Hides the card; refocus returns the focus to the link or bias that was being edited.
  close(refocus) {
    const returnTo = this.editing && refocus ? this.returnTo : null;
    clearTimeout(this.timer);
    Object.assign(this, { editing: false, param: null, returnTo: null });
    this.box.hidden = this.input.hidden = this.message.hidden = true;
    this.box.classList.remove('nv-editing');
    if (returnTo?.isConnected) returnTo.focus();
  }
}
