// The teacher's warning next to the output: what went wrong and what to try (warnings.js
// decides), with a Dismiss button. Dismissed, it stays away until clear() (a rebuild, a reset,
// new weights); the same warning shown again costs no DOM change.
import { h } from '../shared/dom.js';

export class WarningNote {
  constructor(container) {
    this.title = h('strong', { class: 'warn-title' });
    this.text = h('p', { class: 'warn-text' });
    this.tips = h('ul', { class: 'warn-tips', 'aria-label': 'What to try' });
    const dismiss = h('button', { type: 'button', class: 'text-button small warn-dismiss',
      'aria-label': 'Dismiss this warning', onclick: () => this.dismiss() }, 'Dismiss');
    this.box = h('div', { class: 'warn-note', role: 'status', hidden: true },
      h('div', { class: 'warn-head' }, this.title, dismiss), this.text, this.tips);
    container.append(this.box);
    this.kind = null;
    this.key = '';
    this.dismissed = false;
  }

  get shown() {
    return !this.box.hidden;
  }

  // warning: { kind, title, text, tips } or null (the network learns again: the note goes).
  show(warning) {
    if (!warning) {
      this.hide();
      return;
    }
    if (this.dismissed) return;
    const key = `${warning.kind}\n${warning.text}\n${warning.tips.join('\n')}`;
    if (key === this.key && this.shown) return;
    this.key = key;
    this.kind = warning.kind;
    this.box.dataset.kind = warning.kind;
    this.title.textContent = warning.title;
    this.text.textContent = warning.text;
    this.tips.replaceChildren(...warning.tips.map((tip) => h('li', {}, tip)));
    this.box.hidden = false;
  }

  hide() {
    this.box.hidden = true;
    this.kind = null;
    this.key = '';
  }

  dismiss() {
    this.dismissed = true;
    this.hide();
  }

  // A fresh start (rebuild, reset, new weights): warnings may show again.
  clear() {
    this.dismissed = false;
    this.hide();
  }
}
