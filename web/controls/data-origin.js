// The data column's word on where the points come from when they are not a generated set:
// "Your data: 37 points (edited)", and how to get the generated set back.
import { h } from '../shared/dom.js';

const SOURCES = { edit: 'edited', CSV: 'from a CSV file', experiment: 'from a saved experiment' };

// The notice's text for `count` points from `source` ('edit', 'CSV' or 'experiment').
export function originText(count, source) {
  return `Your data: ${count} point${count === 1 ? '' : 's'} (${SOURCES[source] ?? 'your own'})`;
}

export class DataOrigin {
  constructor() {
    this.source = 'edit';
    this.summary = h('strong', { class: 'data-origin-summary' });
    this.box = h('p', { class: 'data-origin', role: 'status', hidden: true }, this.summary, ' ',
      h('span', { class: 'data-origin-back' }, 'Regenerate or pick a data set to go back to generated points; Download CSV keeps yours.'));
  }

  get custom() {
    return !this.box.hidden;
  }

  get summaryText() {
    return this.summary.textContent;
  }

  // custom: whether the points are the person's own; count: how many; source: where they came
  // from ('edit', 'CSV', 'experiment'), or undefined when a rebuild kept them (the last source stays).
  show(custom, count, source) {
    if (source) this.source = source;
    this.box.hidden = !custom;
    if (custom) this.summary.textContent = originText(count, this.source);
  }
}
