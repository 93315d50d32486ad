// Which clothing classes to learn: a checkbox per class of the data set and a button for all
// of them. The keys and how many may be picked come from the settings table (the core's);
// fewer than the least is refused with a message next to the boxes, the last good choice stays.
import { h } from '../shared/dom.js';

// The data set's own names for its classes (Fashion-MNIST's labels 0 to 9).
export const CLASS_NAMES = {
  tshirt: 'T-shirt/top', trouser: 'Trouser', pullover: 'Pullover', dress: 'Dress', coat: 'Coat',
  sandal: 'Sandal', shirt: 'Shirt', sneaker: 'Sneaker', bag: 'Bag', boot: 'Ankle boot',
};

// The class keys a setting value stands for: 'all' (or ['all']) is every key, in table order.
export function classKeys(value, keys) {
  const list = Array.isArray(value) ? value : String(value ?? '').split(',').filter(Boolean);
  return list.length === 1 && list[0] === 'all' ? keys.slice() : list.filter((k) => keys.includes(k));
}

export class ClassPicker {
  // keys: every class key in table order; min, max: how many may be picked;
  // onChange(keys) with the picked keys in table order.
  constructor({ keys, min = 2, max = keys.length, onChange = () => {} }) {
    Object.assign(this, { keys, min, max, onChange, picked: [] });
    this.boxes = new Map();
    const items = keys.map((key) => {
      const box = h('input', { type: 'checkbox', value: key, onchange: () => this.toggled(key) });
      this.boxes.set(key, box);
      return h('label', { class: 'image-class' }, box, ` ${CLASS_NAMES[key] ?? key}`);
    });
    this.message = h('p', { class: 'hint image-class-message', role: 'status' });
    const all = h('button', { type: 'button', class: 'text-button small', onclick: () => this.choose(keys.slice()) }, `All ${keys.length}`);
    this.el = h('fieldset', { class: 'image-classes', dataset: { control: 'imageClasses' } },
      h('legend', {}, `Classes to learn (${min} to ${max})`), h('div', { class: 'image-class-list' }, items), all, this.message);
  }

  // Shows a choice that came from elsewhere (the URL, an attribute, a reset).
  set(keys) {
    this.picked = keys.slice();
    for (const [key, box] of this.boxes) box.checked = keys.includes(key);
  }

  toggled(key) {
    const next = this.keys.filter((k) => this.boxes.get(k).checked);
    if (next.length < this.min || next.length > this.max) {
      this.message.textContent = next.length < this.min ? `Pick at least ${this.min} classes.` : `Pick at most ${this.max} classes.`;
      this.set(this.picked);
      this.boxes.get(key).focus();
      return;
    }
    this.choose(next);
  }

  choose(keys) {
    this.message.textContent = '';
    this.set(keys);
    this.onChange(keys);
  }
}
