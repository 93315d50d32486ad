// The runs as a table: what tells each run apart, its figures, and the orders the table sorts
// by. Sorting and wording are plain functions (tests/js/runs/ checks them); `buildTable` makes
// the DOM, with sort buttons in the column heads (aria-sort says which sorts).
import { SCHEMA, parseHash } from '../state/state.js';
import { h } from '../shared/dom.js';
import { settingName } from './sweep.js';

// Shown for every run when the runs do not differ in them (or there is one run).
const SUMMARY_KEYS = ['dataset', 'networkShape', 'activation', 'learningRate'];
const MAX_SHOWN_KEYS = 4;

// A run's final figures, the last point of its curve: epochs, losses, accuracies (NaN if none).
export function final(run) {
  const { curve } = run;
  const last = (key) => curve[key]?.[curve.epochs.length - 1] ?? NaN;
  return { epochs: last('epochs'), trainLoss: last('trainLosses'), testLoss: last('testLosses'), testAccuracy: last('testAccuracies') };
}

// The first epoch on the run's curve with test loss at or below `target`; Infinity if none.
export function epochsToTarget(run, target) {
  const { epochs, testLosses } = run.curve;
  const i = testLosses.findIndex((v) => v <= target);
  return i < 0 ? Infinity : epochs[i];
}

const lowFirst = (a, b) => (a === b ? 0 : Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b);

// The orders: newest first; the rest best first, ties and missing figures last, newest first among ties.
export const SORTS = {
  id: { label: 'Run', compare: (a, b) => b.id - a.id },
  testLoss: { label: 'Test loss', compare: (a, b) => lowFirst(final(a).testLoss, final(b).testLoss) },
  testAccuracy: { label: 'Test accuracy', compare: (a, b) => lowFirst(-final(a).testAccuracy, -final(b).testAccuracy) },
  toTarget: { label: 'Epochs to target', compare: (a, b, target) => lowFirst(epochsToTarget(a, target), epochsToTarget(b, target)) },
  ms: { label: 'Time', compare: (a, b) => lowFirst(a.ms, b.ms) },
};

export function sortRuns(runs, key, target) {
  const { compare } = SORTS[key] ?? SORTS.id;
  return [...runs].sort((a, b) => compare(a, b, target) || b.id - a.id);
}

const showValue = (key, value) => (Array.isArray(value) ? (value.length ? value.join(',') : 'none') : String(value));

// For each run, "learning rate 0.03, activation relu": the settings in which the runs differ
// (up to MAX_SHOWN_KEYS of them), or the usual few when they do not.
export function describeRuns(runs) {
  const states = new Map(runs.map((run) => [run, parseHash(run.hash).state]));
  const all = [...states.values()];
  const differ = Object.keys(SCHEMA).filter((key) => key !== 'tutorial'
    && all.some((s) => JSON.stringify(s[key]) !== JSON.stringify(all[0][key])));
  const keys = (differ.length && all.length > 1 ? differ : SUMMARY_KEYS).slice(0, MAX_SHOWN_KEYS);
  return new Map(runs.map((run) => [run, keys.map((key) => `${settingName(key)} ${showValue(key, states.get(run)[key])}`).join(', ')]));
}

export const formatLoss = (v) => (!Number.isFinite(v) ? '–' : v > 0 && v < 1e-3 ? v.toExponential(1) : v.toFixed(v < 0.01 ? 4 : 3));
export const formatPercent = (v) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
export const formatMs = (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

// runs: already sorted; chosen: Set of run ids on the chart (up to `maxChosen`); styleOf(run)
// its chart style or null. Handlers: onSort(key), onChoose(run, on), onRestore(run).
export function buildTable({ runs, sort, target, chosen, maxChosen, styleOf, swatch, onSort, onChoose, onRestore }) {
  const words = describeRuns(runs);
  const head = (key) => {
    const sorted = sort === key;
    return h('th', { scope: 'col', 'aria-sort': sorted ? (key === 'id' ? 'descending' : 'ascending') : 'none' },
      h('button', { type: 'button', class: 'runs-sort', onclick: () => onSort(key),
        'aria-label': `Sort by ${SORTS[key].label.toLowerCase()}` }, SORTS[key].label, sorted ? ' ▾' : ''));
  };
  const rows = runs.map((run) => {
    const on = chosen.has(run.id);
    const style = styleOf(run);
    const box = h('input', { type: 'checkbox', checked: on, disabled: !on && chosen.size >= maxChosen,
      'aria-label': `Show run ${run.id} on the chart`, onchange: (e) => onChoose(run, e.target.checked) });
    const toTarget = epochsToTarget(run, target);
    const figures = final(run);
    const restore = h('button', { type: 'button', class: 'text-button small runs-restore', onclick: () => onRestore(run),
      'aria-label': `Restore run ${run.id}${run.weights ? ' with its weights' : ''}` }, 'Restore');
    const tags = [run.source === 'sweep' ? 'sweep' : '', run.weights ? 'weights kept' : ''].filter(Boolean).join(', ');
    return h('tr', { dataset: { run: String(run.id), testLoss: String(figures.testLoss) } },
      h('td', {}, h('label', { class: 'runs-pick' }, box, style ? swatch(style) : null)),
      h('th', { scope: 'row' }, `#${run.id}`, tags ? h('span', { class: 'runs-tag' }, tags) : null),
      h('td', { class: 'runs-settings' }, words.get(run)),
      h('td', { class: 'num' }, String(figures.epochs)),
      h('td', { class: 'num' }, formatLoss(figures.testLoss)),
      h('td', { class: 'num' }, formatPercent(figures.testAccuracy)),
      h('td', { class: 'num' }, Number.isFinite(toTarget) ? String(toTarget) : 'not reached'),
      h('td', { class: 'num' }, formatMs(run.ms)),
      h('td', {}, restore));
  });
  return h('table', { class: 'runs-table' },
    h('caption', { class: 'visually-hidden' }, 'Runs: settings that tell them apart, epochs, final test loss and accuracy, epochs to the target test loss, training time'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'On chart')),
      head('id'), h('th', { scope: 'col' }, 'Settings'), h('th', { scope: 'col' }, 'Epochs'), head('testLoss'),
      head('testAccuracy'), head('toTarget'), head('ms'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Restore')))),
    h('tbody', {}, rows));
}
