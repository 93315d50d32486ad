// A question before something that cannot be undone, in the playground's own <dialog> (styled,
// in the shadow root, testable; not window.confirm). The safe answer has the focus, Escape and
// Cancel both say no, and the focus goes back where it was.
import { h } from '../shared/dom.js';

export class ConfirmDialog {
  constructor() {
    const id = `confirm-${Math.random().toString(36).slice(2, 9)}`;
    this.title = h('h2', { id: `${id}-title`, class: 'confirm-title' });
    this.text = h('p', { id: `${id}-text`, class: 'confirm-text' });
    this.cancel = h('button', { type: 'button', class: 'text-button confirm-cancel', onclick: () => this.answer(false) }, 'Cancel');
    this.ok = h('button', { type: 'button', class: 'text-button confirm-ok', onclick: () => this.answer(true) });
    this.dialog = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': `${id}-title`, 'aria-describedby': `${id}-text` },
      this.title, this.text, h('div', { class: 'confirm-buttons' }, this.cancel, this.ok));
    // Escape closes a modal dialog through `cancel`: that is a no.
    this.dialog.addEventListener('cancel', (e) => { e.preventDefault(); this.answer(false); });
    this.resolve = null;
  }

  get isOpen() {
    return this.dialog.open;
  }

  // Resolves true when the person confirms, false on Cancel or Escape.
  ask({ title, text, confirm }) {
    if (this.resolve) this.answer(false);
    this.returnTo = deepActive(this.dialog.ownerDocument);
    this.title.textContent = title;
    this.text.textContent = text;
    this.ok.textContent = confirm;
    this.dialog.showModal();
    this.cancel.focus();
    return new Promise((resolve) => { this.resolve = resolve; });
  }

  answer(yes) {
    const resolve = this.resolve;
    this.resolve = null;
    if (this.dialog.open) this.dialog.close();
    if (this.returnTo?.isConnected) this.returnTo.focus();
    resolve?.(yes);
  }
}

function deepActive(doc) {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
