// The output map in words, on request: the plane cut into 3 x 3 regions, each named by the
// class most of its grid points are predicted to be (and how many of them), or by the mean
// predicted value for regression. A small table a screen reader can walk cell by cell.
import { h } from '../shared/dom.js';
import { outputsAreProbabilities } from './map-drawing.js';

const ROWS = ['top', 'middle', 'bottom'];
const COLUMNS = ['left', 'centre', 'right'];

// frame: { grid, gridSize, gridFrom } (n x n maps of units gridFrom (default 0) on, the outputs last); unitCounts per layer;
// state: { problem, loss }. Returns { kind: 'classes' | 'values', cells: 3 rows of 3
// { label, share } } where label is a class index (or a mean value) and share its fraction.
export function describeRegions(frame, { unitCounts, state, regions = 3 }) {
  const n = frame.gridSize;
  const per = n * n;
  const outputs = unitCounts[unitCounts.length - 1] ?? 1;
  const first = unitCounts.reduce((a, b) => a + b, 0) - outputs;
  const from = first - (frame.gridFrom ?? 0);  // the grid may start at a later unit than the inputs
  const maps = frame.grid.subarray(from * per, (from + outputs) * per);
  const regression = state.problem === 'regression';
  // One output: the positive class above the middle of its range (0.5 for a probability).
  const middle = outputsAreProbabilities(state, outputs) ? 0.5 : 0;
  const classAt = (i) => {
    if (outputs === 1) return maps[i] >= middle ? 1 : 0;
    let best = 0;
    for (let k = 1; k < outputs; k++) if (maps[k * per + i] > maps[best * per + i]) best = k;
    return best;
  };
  const span = (j) => [Math.floor((j * n) / regions), Math.floor(((j + 1) * n) / regions)];
  const cells = [];
  for (let r = 0; r < regions; r++) {
    const row = [];
    const [top, bottom] = span(r);
    for (let c = 0; c < regions; c++) {
      const [left, right] = span(c);
      const counts = new Map();
      let sum = 0;
      for (let y = top; y < bottom; y++) {
        for (let x = left; x < right; x++) {
          const i = y * n + x;
          if (regression) sum += maps[i];
          else counts.set(classAt(i), (counts.get(classAt(i)) ?? 0) + 1);
        }
      }
      const size = (bottom - top) * (right - left);
      if (regression) {
        row.push({ label: sum / size, share: 1 });
      } else {
        const [label, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
        row.push({ label, share: count / size });
      }
    }
    cells.push(row);
  }
  return { kind: regression ? 'values' : 'classes', cells };
}

// The cell's words: "class 1, 87 %" or "mean 0.42".
export function cellText({ label, share }, kind, nameOf = (k) => `class ${k}`) {
  return kind === 'values' ? `mean ${label.toFixed(2)}` : `${nameOf(label)}, ${Math.round(share * 100)} %`;
}

export class MapDescription {
  // onRequest() is called when the person asks; it answers with show(description).
  constructor(container, { onRequest }) {
    this.table = h('table', { class: 'map-table', hidden: true });
    this.button = h('button', { type: 'button', class: 'text-button small map-describe',
      'aria-expanded': 'false', onclick: () => onRequest() }, 'Describe the map');
    container.append(h('div', { class: 'map-description', dataset: { control: 'describeMap' } }, this.button, this.table));
  }

  // description: describeRegions's result; nameOf(k) names class k.
  show({ kind, cells }, nameOf) {
    const caption = kind === 'values' ? 'Mean predicted value per region of the map'
      : 'Predicted class per region of the map, with the share of the region predicted so';
    this.table.replaceChildren(h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('td', {}), COLUMNS.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, cells.map((row, r) => h('tr', {}, h('th', { scope: 'row' }, ROWS[r]),
        row.map((cell) => h('td', {}, cellText(cell, kind, nameOf)))))));
    this.table.hidden = false;
    this.button.textContent = 'Describe the map again';
    this.button.setAttribute('aria-expanded', 'true');
  }

  clear() {
    this.table.hidden = true;
    this.table.replaceChildren();
    this.button.textContent = 'Describe the map';
    this.button.setAttribute('aria-expanded', 'false');
  }
}
