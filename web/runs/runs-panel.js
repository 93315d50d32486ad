// The runs panel, fetched on the first press of "Runs": the table of runs (sortable), their
// curves overlaid (up to MAX_CURVES chosen runs), restore, forget, and the sweep form
// (sweep-view.js). It draws what the RunLog (run-log.js) holds and redraws when it changes.
import { h } from '../shared/dom.js';
import { MAX_CURVES, STYLES, chartOptions, drawOverlay, swatch } from './overlay-chart.js';
import { buildTable, describeRuns, sortRuns } from './runs-table.js';
import { SweepView } from './sweep-view.js';
import { restoreRun } from './restore-run.js';
import { logOf } from './run-log.js';
import { attachOnce } from './run-store.js';

// What the conductor's wiring (playground/runs-wiring.js) calls: the run history is one lazy module.
export { logOf, attachOnce };
import { runsStyles } from './runs.css.js';


const DEFAULT_TARGET = 0.1;
let panels = 0;

// The first press of Runs builds the panel (after the stored runs are read, where the page keeps
// them); every press opens or closes it. runs: the playground's (playground/runs-wiring.js).
export async function openPanel(runs, button) {
  if (runs.storeRuns !== null) await attachOnce(runs);
  if (!runs.panel) {
    runs.panel = new RunsPanel({ ...runs, log: logOf(runs), button, storing: runs.storeRuns !== null });
    const destroy = runs.destroy;
    runs.destroy = () => { runs.panel.destroy(); destroy?.(); };
  }
  runs.panel.toggle();
}

export class RunsPanel {
  // host: the run wiring's (playground/runs-wiring.js): { root (the playground's shadow root or
  // element), log, storing, button (the toolbar's), state(), createEngine(), and what
  // restore-run.js needs }.
  constructor(host) {
    const { root } = host;
    this.host = host;
    this.sort = 'id';
    this.target = DEFAULT_TARGET;
    this.chosen = new Set();
    this.picked = false;   // the person ticked a box: stop choosing the newest runs for them
    const id = `nnplay-runs-${++panels}`;
    if (root.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, runsStyles()];

    this.status = h('p', { class: 'runs-status', role: 'status' });
    this.canvas = h('canvas', { class: 'runs-chart', role: 'img', 'aria-label': 'No runs chosen' });
    this.legend = h('ul', { class: 'runs-legend', 'aria-label': 'Runs on the chart' });
    this.chartOptions = chartOptions(() => this.draw());
    const target = h('input', { type: 'number', class: 'runs-input runs-target', min: '0', step: 'any', value: String(DEFAULT_TARGET),
      onchange: (e) => {
        const value = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(value) && value >= 0) this.target = value;
        else e.target.value = String(this.target);
        this.render();
      } });
    this.tableBox = h('div', { class: 'runs-table-wrap', role: 'region', tabindex: '0', 'aria-label': 'Runs table' });
    this.forgetButton = h('button', { type: 'button', class: 'text-button small', onclick: () => this.forget() },
      host.storing ? 'Forget stored runs' : 'Forget runs');
    this.sweep = new SweepView({ ...host, onRunsAdded: (runs) => this.choose(runs) });
    this.section = h('section', { class: 'runs-panel', id, 'aria-labelledby': `${id}-title`, tabindex: '-1' },
      h('div', { class: 'runs-head' },
        h('h2', { id: `${id}-title` }, 'Runs'),
        h('button', { type: 'button', class: 'text-button small', onclick: () => this.close() }, 'Close runs')),
      h('p', { class: 'hint' }, host.storing
        ? 'Each run from a rebuild or reset to the next, the last 20, kept in this browser.'
        : 'Each run from a rebuild or reset to the next, the last 20, kept while this page is open.'),
      this.status,
      h('div', { class: 'runs-compare' },
        h('div', { class: 'runs-chart-box' },
          this.chartOptions.element,
          this.canvas, this.legend),
        h('div', { class: 'runs-list' },
          h('div', { class: 'runs-tools' },
            h('label', { class: 'runs-field' }, h('span', { class: 'control-label' }, 'Target test loss'), target),
            this.forgetButton),
          this.tableBox)),
      this.sweep.section);
    this.section.hidden = true;
    const playground = root.querySelector('.playground') ?? root;
    playground.append(this.section);
    this.listener = () => this.render();
    host.log.listeners.add(this.listener);
    this.resize = new ResizeObserver(() => this.draw());
    this.resize.observe(this.canvas);
  }

  get isOpen() { return !this.section.hidden; }

  toggle() {
    if (this.isOpen) this.close();
    else this.open();
  }

  open() {
    this.section.hidden = false;
    this.host.button?.setAttribute('aria-expanded', 'true');
    this.render();
    this.section.focus({ preventScroll: true });
    this.section.scrollIntoView?.({ block: 'nearest' });
  }

  close() {
    this.section.hidden = true;
    this.host.button?.setAttribute('aria-expanded', 'false');
    this.host.button?.focus();
  }

  // The runs on the chart: the person's ticks, or the newest MAX_CURVES until they tick one.
  chosenRuns() {
    const { runs } = this.host.log;
    if (!this.picked) this.chosen = new Set(runs.slice(-MAX_CURVES).map((run) => run.id));
    return runs.filter((run) => this.chosen.has(run.id));
  }

  // Runs a sweep just added go on the chart in place of what was there.
  choose(runs) {
    this.picked = true;
    this.chosen = new Set(runs.slice(0, MAX_CURVES).map((run) => run.id));
    this.render();
  }

  styles() {
    return new Map(this.chosenRuns().map((run, i) => [run.id, STYLES[i]]));
  }

  render() {
    if (!this.isOpen) return;
    const { runs } = this.host.log;
    const styles = this.styles();
    this.status.textContent = runs.length ? `${runs.length} run${runs.length === 1 ? '' : 's'}.`
      : 'No runs yet: train, then rebuild or reset, and the run appears here.';
    this.tableBox.replaceChildren(runs.length ? buildTable({
      runs: sortRuns(runs, this.sort, this.target), sort: this.sort, target: this.target, chosen: this.chosen,
      maxChosen: MAX_CURVES, styleOf: (run) => styles.get(run.id) ?? null, swatch,
      onSort: (key) => { this.sort = key; this.render(); this.focusSort(key); },
      onChoose: (run, on) => this.tick(run, on),
      onRestore: (run) => this.restore(run),
    }) : '');
    this.forgetButton.disabled = !runs.length;
    this.draw();
  }

  focusSort(key) {
    const labels = { id: 'run', testLoss: 'test loss', testAccuracy: 'test accuracy', toTarget: 'epochs to target', ms: 'time' };
    this.tableBox.querySelector(`button[aria-label="Sort by ${labels[key]}"]`)?.focus();
  }

  tick(run, on) {
    this.chosenRuns();
    this.picked = true;
    if (on && this.chosen.size < MAX_CURVES) this.chosen.add(run.id);
    else this.chosen.delete(run.id);
    this.render();
    this.tableBox.querySelector(`tr[data-run="${run.id}"] input`)?.focus();
  }

  draw() {
    if (!this.isOpen) return;
    const chosen = this.chosenRuns();
    const styles = this.styles();
    const words = describeRuns(chosen);
    const { series, log } = this.chartOptions.options;
    const label = drawOverlay(this.canvas, chosen.map((run) => ({ curve: run.curve, style: styles.get(run.id) })), series, { log });
    this.canvas.setAttribute('aria-label', label ? `Chart of ${label} for runs ${chosen.map((r) => `#${r.id}`).join(', ')}` : 'No runs chosen');
    this.legend.replaceChildren(...chosen.map((run) => h('li', {}, swatch(styles.get(run.id)), `#${run.id} ${words.get(run)}`)));
  }

  async restore(run) {
    try {
      await restoreRun(run, this.host);
      this.status.textContent = `Run #${run.id} restored${run.weights ? ' with its weights' : ''}.`;
    } catch (error) {
      this.status.textContent = `Run #${run.id} could not be restored: ${error?.message ?? error}`;
    }
  }

  forget() {
    this.host.log.runs.length = 0;
    this.host.log.trim();
    this.chosen.clear();
    this.picked = false;
    this.status.textContent = this.host.storing ? 'The runs are forgotten, here and in this browser\'s storage.' : 'The runs are forgotten.';
  }

  destroy() {
    this.host.log.listeners.delete(this.listener);
    this.resize.disconnect();
    this.sweep.stop();
  }
}
