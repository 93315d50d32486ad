// The sweep form and its results: pick a setting, 2 to 6 values and an epoch budget; the members
// train side by side in engines of their own (sweep.js) while their decision maps fill a row of
// small multiples and their curves share one chart. Finished members join the run history.
import { h } from '../shared/dom.js';
import { STYLES, SERIES_NAMES, chartOptions, drawOverlay, swatch } from './overlay-chart.js';
import { SWEEPABLE, parseBudget, parseValues, runSweep, settingName, valueText } from './sweep.js';
import { formatLoss, formatMs } from './runs-table.js';


const DEFAULT_BUDGET = 500;
let sweeps = 0;

export class SweepView {
  // host: { log, state(), createEngine(), views: { drawOutputMap, drawHeatmap, drawClassMap }
  // (the playground's own map drawing), onRunsAdded(runs) }.
  constructor(host) {
    this.host = host;
    this.running = false;
    this.stopRequested = false;
    this.chartOptions = chartOptions(() => this.draw());
    this.members = [];
    this.note = '';
    const id = `nnplay-sweep-${++sweeps}`;
    this.keySelect = h('select', { class: 'runs-input', id: `${id}-key`, onchange: () => { this.values.value = SWEEPABLE[this.keySelect.value]; } },
      Object.keys(SWEEPABLE).map((key) => h('option', { value: key }, settingName(key))));
    this.values = h('input', { type: 'text', class: 'runs-input sweep-values', id: `${id}-values`, value: SWEEPABLE.learningRate,
      spellcheck: false, autocomplete: 'off', 'aria-describedby': `${id}-values-hint` });
    this.budget = h('input', { type: 'number', class: 'runs-input sweep-budget', id: `${id}-budget`, min: '1', step: '1', value: String(DEFAULT_BUDGET) });
    this.runButton = h('button', { type: 'submit', class: 'text-button small sweep-run' }, 'Run sweep');
    this.stopButton = h('button', { type: 'button', class: 'text-button small', disabled: true, onclick: () => { this.stopRequested = true; } }, 'Stop');
    this.error = h('p', { class: 'runs-error', role: 'alert', hidden: true });
    this.status = h('p', { class: 'runs-status', role: 'status' });
    this.maps = h('ul', { class: 'sweep-maps', 'aria-label': 'Decision maps, one per value' });
    this.canvas = h('canvas', { class: 'runs-chart sweep-chart', role: 'img', 'aria-label': 'No sweep yet', dataset: { curves: '0' } });
    this.legend = h('ul', { class: 'runs-legend', 'aria-label': 'Sweep members on the chart' });
    const field = (label, input, forId) => h('div', { class: 'runs-field' }, h('label', { class: 'control-label', for: forId }, label), input);
    const form = h('form', { class: 'sweep-form', onsubmit: (e) => { e.preventDefault(); this.start(); } },
      field('Setting', this.keySelect, `${id}-key`),
      h('div', { class: 'runs-field sweep-values-field' }, h('label', { class: 'control-label', for: `${id}-values` }, 'Values (2 to 6)'), this.values,
        h('span', { class: 'hint', id: `${id}-values-hint` }, 'Separated by spaces; a shape as 4,2, or none.')),
      field('Epochs each', this.budget, `${id}-budget`),
      h('div', { class: 'sweep-buttons' }, this.runButton, this.stopButton));
    this.section = h('section', { class: 'sweep', 'aria-labelledby': `${id}-title` },
      h('h3', { id: `${id}-title` }, 'Sweep one setting'),
      h('p', { class: 'hint' }, 'The values train side by side from the same seed and data, everything else as set now.'),
      form, this.error, this.status, this.maps,
      h('div', { class: 'runs-chart-box' }, this.chartOptions.element, this.canvas, this.legend));
    new ResizeObserver(() => this.draw()).observe(this.canvas);
  }

  showError(text) {
    this.error.textContent = text;
    this.error.hidden = !text;
  }

  async start() {
    if (this.running) return;
    const key = this.keySelect.value;
    const parsed = parseValues(key, this.values.value);
    const budget = parseBudget(this.budget.value);
    const problem = parsed.error ?? budget.error;
    this.showError(problem ?? '');
    if (problem) {
      (parsed.error ? this.values : this.budget).focus();
      return;
    }
    const base = this.host.state();
    const group = ++sweeps;
    this.running = true;
    this.stopRequested = false;
    this.runButton.disabled = true;
    this.stopButton.disabled = false;
    this.members = parsed.values.map((value, i) => this.member(key, value, i, base));
    this.maps.replaceChildren(...this.members.map((m) => m.figure));
    // The members build their data from the seed: points added, removed or imported are not theirs.
    this.note = this.host.ui?.origin?.custom ? ' They train on the data set the seed generates, not on your own points.' : '';
    this.status.textContent = `Training ${parsed.values.length} values of ${settingName(key)} to ${budget.value} epochs…${this.note}`;
    this.draw();
    const began = performance.now();
    try {
      const results = await runSweep({ base, key, values: parsed.values, epochs: budget.value,
        createEngine: () => this.host.createEngine(), stopped: () => this.stopRequested,
        onFrame: (index, frame) => this.onFrame(this.members[index], frame, base) });
      const elapsed = performance.now() - began;
      this.section.dataset.ms = String(elapsed);   // for bench/sweep.mjs
      const runs = results.map((run) => this.host.log.add({ hash: run.hash, ms: run.ms, source: 'sweep',
        sweep: { key, value: valueText(key, run.value), group }, curve: run.curve, weights: run.weights ?? null }));
      this.announce(key, results, elapsed);
      this.host.onRunsAdded?.(runs);
    } catch (error) {
      this.status.textContent = '';
      this.showError(`The sweep stopped: ${error?.message ?? error}`);
    } finally {
      this.running = false;
      this.runButton.disabled = false;
      this.stopButton.disabled = true;
    }
  }

  member(key, value, index, base) {
    const map = h('canvas', { class: 'sweep-map', width: 40, height: 40, role: 'img', 'aria-label': `${settingName(key)} ${valueText(key, value)}: not trained yet` });
    const caption = h('figcaption', {}, swatch(STYLES[index]), h('span', {}, `${valueText(key, value)}`), h('span', { class: 'sweep-loss' }, ''));
    const figure = h('li', { class: 'sweep-member' }, h('figure', {}, map, caption));
    return { key, value, index, map, caption, figure, curve: { epochs: [], testLosses: [], trainLosses: [], testAccuracies: [] }, base };
  }

  onFrame(member, frame, base) {
    const m = frame.metrics;
    member.curve.epochs.push(m.epoch);
    member.curve.testLosses.push(m.testLoss);
    member.curve.trainLosses.push(m.trainLoss);
    member.curve.testAccuracies.push(m.testAccuracy);
    // The page redraws on the frames that bring a map (every 50 epochs) and the last one only.
    if (!(frame.gridSize > 0) && !frame.done) return;
    if (frame.gridSize > 0) this.drawMap(member.map, frame, { ...base, [member.key]: member.value });
    member.caption.querySelector('.sweep-loss').textContent = `test loss ${formatLoss(m.testLoss)}`;
    member.map.setAttribute('aria-label', `${settingName(member.key)} ${valueText(member.key, member.value)}: decision map, test loss ${formatLoss(m.testLoss)} at epoch ${m.epoch}`);
    this.draw();
  }

  // A member's decision map, drawn as the playground draws its own: the output, or the winning
  // class of several.
  drawMap(canvas, frame, state) {
    const { drawOutputMap, drawHeatmap, drawClassMap } = this.host.views;
    drawOutputMap({
      drawMap: (values, n, discretize, palette) => drawHeatmap(canvas, values, n, { discretize, palette }),
      drawClasses: (values, classes, n, discretize, palette) => drawClassMap(canvas, values, classes, n, { discretize, palette }),
    }, frame, { unit: null, unitCounts: frame.unitCounts, state });
  }

  draw() {
    const shown = this.members;
    const { series, log } = this.chartOptions.options;
    const label = drawOverlay(this.canvas, shown.map((m) => ({ curve: m.curve, style: STYLES[m.index] })), series, { log });
    this.canvas.dataset.curves = String(shown.filter((m) => m.curve.epochs.length).length);
    this.canvas.setAttribute('aria-label', label ? `Chart of ${label}, one curve per value` : 'No sweep yet');
    this.legend.replaceChildren(...shown.map((m) => h('li', {}, swatch(STYLES[m.index]), `${settingName(m.key)} ${valueText(m.key, m.value)}`)));
  }

  announce(key, results, elapsed) {
    const finite = results.filter((r) => Number.isFinite(r.metrics?.testLoss));
    const best = finite.reduce((a, b) => (b.metrics.testLoss < a.metrics.testLoss ? b : a), finite[0]);
    for (const m of this.members) m.figure.classList.toggle('sweep-best', best !== undefined && m.value === best.value);
    const stopped = results.some((r) => !r.complete) ? ' (some stopped early)' : '';
    this.status.textContent = `Done in ${formatMs(elapsed)}${stopped}.${this.note} ${best
      ? `Lowest test loss: ${settingName(key)} ${valueText(key, best.value)} (${formatLoss(best.metrics.testLoss)}).` : 'No value kept a finite loss.'} Their ${SERIES_NAMES[this.chartOptions.options.series]} curves are below; the runs joined the table above.`;
  }

  stop() { this.stopRequested = true; }
}
