// The output column: loss and accuracy read-outs, the loss chart, and the main heat map with its
// axes, data points and colour legend. It draws what it is given and knows no network.
import { h } from '../shared/dom.js';
import { drawClassMap, drawHeatmap, drawPoints } from './heatmap.js';
import { LossChart, SERIES } from './chart.js';
import { StillCanvas } from './still-canvas.js';
import { classColor, colorFor } from './colors.js';
import { className } from '../state/class-names.js';
import { PLOT_EXTENT } from '../state/state.js';
import { context2d } from '../shared/canvas.js';

const TICKS = [-6, -4, -2, 0, 2, 4, 6];
const LOSS_NAMES = { squared: 'squared error', crossEntropy: 'cross-entropy', softmaxCrossEntropy: 'softmax cross-entropy', huber: 'Huber' };
// The chart title's formula for each loss the engine names (Session.lossName()).
const LOSS_FORMULAS = {
  squared: '½(y − t)²',
  crossEntropy: '−[t·log y + (1 − t)·log(1 − y)]',
  softmaxCrossEntropy: '−Σₖ tₖ·log yₖ',
  huber: '½e² if |e| ≤ 1, else |e| − ½  (e = y − t)',
};

function formatLoss(v) {
  return Number.isFinite(v) ? v.toFixed(3) : '–';
}

function formatPercent(v) {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–';
}

// Nearest point to (x, y) in data units among [x, y, label, isTest] records, within `radius`;
// -1 when none is that close. Test points count only when shown.
export function nearestPoint(points, x, y, radius, includeTest) {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i + 3 < points.length; i += 4) {
    if (points[i + 3] === 1 && !includeTest) continue;
    const d = (points[i] - x) ** 2 + (points[i + 1] - y) ** 2;
    if (d <= bestD) { bestD = d; best = i / 4; }
  }
  return best;
}

export class OutputView {
  // onMapClick({ x, y, shift, point }) reports a click (or Enter) on the map in data units, with
  // the index of the nearest shown point (or -1).
  constructor(container, { onMapClick = () => {} } = {}) {
    this.onMapClick = onMapClick;
    const readout = (label, role) => {
      const value = h('span', { class: 'readout-value', dataset: { readout: role } }, '–');
      return [h('div', { class: 'readout' }, h('span', { class: 'readout-label' }, label), value), value];
    };
    const [testLossRow, testLoss] = readout('Test loss', 'testLoss');
    const [trainLossRow, trainLoss] = readout('Train loss', 'trainLoss');
    const [testAccRow, testAcc] = readout('Test accuracy', 'testAccuracy');
    const [trainAccRow, trainAcc] = readout('Train accuracy', 'trainAccuracy');
    this.values = { testLoss, trainLoss, testAcc, trainAcc };
    this.accuracyRows = [testAccRow, trainAccRow];

    this.chartTitle = h('div', { class: 'chart-title' }, 'Loss');
    this.chartCanvas = h('canvas', { class: 'loss-chart', width: 300, height: 110,
      'aria-label': 'Loss (left axis) and accuracy (right axis) per epoch', role: 'img' });
    // The read-out sits in a row of its own under the plot, so it never covers the title.
    this.chartTip = h('div', { class: 'chart-tip', 'aria-live': 'off' });
    this.chartEmpty = h('div', { class: 'chart-empty' },
      'Epoch 0: nothing trained yet. Press Play or +1 epoch: the loss (and accuracy) after every epoch is drawn here.');
    const key = (series, text) => {
      const line = h('span', { class: 'chart-key-line', 'aria-hidden': 'true' });
      line.style.borderTop = `2px ${SERIES[series].dash.length ? 'dashed' : 'solid'} ${SERIES[series].color}`;
      return h('span', { class: 'chart-key', dataset: { series } }, line, text);
    };
    this.accuracyKeys = [key('trainAccuracy', 'train accuracy'), key('testAccuracy', 'test accuracy (right axis)')];
    this.chartLegend = h('div', { class: 'chart-legend' }, key('trainLoss', 'train loss'), key('testLoss', 'test loss'),
      ...this.accuracyKeys);
    this.chart = new LossChart(this.chartCanvas);
    this.chartCanvas.addEventListener('pointermove', (e) => this.showChartTip(e.offsetX));
    this.chartCanvas.addEventListener('pointerleave', () => { this.chartTip.textContent = ''; });

    this.gridCanvas = h('canvas', { class: 'heatmap-grid', width: 100, height: 100 });
    this.pointCanvas = h('canvas', { class: 'heatmap-points', width: 300, height: 300 });
    this.pointPicture = new StillCanvas(this.pointCanvas);
    this.heatmap = h('div', { class: 'heatmap', tabindex: 0, role: 'application',
      'aria-label': 'Decision boundary and data points. Arrow keys pick a point, Enter follows it through the network.' },
      this.gridCanvas, this.pointCanvas);
    this.heatmap.addEventListener('click', (e) => this.clicked(e));
    this.heatmap.addEventListener('keydown', (e) => this.keyed(e));
    const xAxis = h('div', { class: 'axis axis-x', 'aria-hidden': 'true' }, TICKS.map((t) => h('span', {}, t)));
    const yAxis = h('div', { class: 'axis axis-y', 'aria-hidden': 'true' }, TICKS.slice().reverse().map((t) => h('span', {}, t)));
    const legend = h('div', { class: 'legend', dataset: { legend: 'classes' } });
    this.legend = legend;

    container.append(
      h('div', { class: 'readouts' }, testLossRow, testAccRow, trainLossRow, trainAccRow),
      h('div', { class: 'chart-box', dataset: { control: 'lossChart' } }, this.chartTitle, this.chartLegend,
        h('div', { class: 'chart-plot' }, this.chartCanvas, this.chartEmpty), this.chartTip),
      h('div', { class: 'heatmap-box' }, yAxis, this.heatmap, xAxis),
      legend);
    this.points = new Float32Array(0);
    this.showTest = false;
    this.style = { classes: 2, palette: 'classic', radii: null };
    this.selected = -1;
    new ResizeObserver(() => this.redrawPoints()).observe(this.heatmap);
    // The chart's canvas matches its box in device pixels, so lines and tick labels are sharp.
    new ResizeObserver(() => {
      const ratio = globalThis.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(this.chartCanvas.clientWidth * ratio));
      const height = Math.max(1, Math.round(this.chartCanvas.clientHeight * ratio));
      if (width === this.chartCanvas.width && height === this.chartCanvas.height) return;
      Object.assign(this.chartCanvas, { width, height });
      this.drawChart();
    }).observe(this.chartCanvas);
  }

  setPoints(points) {
    this.points = points;
    this.redrawPoints();
  }

  setShowTest(showTest) {
    this.showTest = showTest;
    this.redrawPoints();
  }

  // classes and palette colour the points; radii (CSS px per point) or null sizes them.
  setPointStyle({ classes = 2, palette = 'classic', radii = null }) {
    this.style = { classes, palette, radii };
    this.redrawPoints();
  }

  redrawPoints() {
    const ratio = globalThis.devicePixelRatio || 1;
    const size = Math.max(1, Math.round(this.heatmap.clientWidth * ratio));
    const surface = this.pointPicture.begin(size, size);
    drawPoints(surface, this.points, { showTest: this.showTest, ...this.style });
    const i = this.selected;
    if (i >= 0 && i * 4 < this.points.length) {
      // A ring around the picked or followed point.
      const ctx = context2d(surface);
      const px = ((this.points[i * 4] + PLOT_EXTENT) / (2 * PLOT_EXTENT)) * size;
      const py = ((PLOT_EXTENT - this.points[i * 4 + 1]) / (2 * PLOT_EXTENT)) * size;
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2 * ratio;
      ctx.beginPath();
      ctx.arc(px, py, 7 * ratio, 0, 2 * Math.PI);
      ctx.stroke();
    }
    this.pointPicture.show();
  }

  // Marks one point (index into the records) or none (-1).
  select(index) {
    this.selected = index;
    this.redrawPoints();
  }

  // One map of n*n values in [-1, 1] (tanh or linear units), the two-class or regression output.
  drawMap(values, n, discretize, palette = 'classic') {
    drawHeatmap(this.gridCanvas, values, n, { discretize, palette });
  }

  // K class-probability maps (softmax outputs).
  drawClasses(values, classes, n, discretize, palette) {
    drawClassMap(this.gridCanvas, values, classes, n, { discretize, palette });
  }

  // The colour key: a swatch and name per class (state/class-names.js), with the −1..1 bar of
  // the one output between the two classes; the bar alone for regression.
  setLegend(classes, palette, names = null) {
    const named = (k) => {
      const { name, colorIndex } = className(k, { classes, names });
      const swatch = h('span', { class: 'swatch small', 'aria-hidden': 'true' });
      swatch.style.backgroundColor = classColor(colorIndex, palette);
      return h('span', { class: 'legend-class', dataset: { class: k } }, swatch, ` ${name}`);
    };
    if (classes > 2) {
      this.legend.replaceChildren(...Array.from({ length: classes }, (_, k) => named(k)));
      return;
    }
    const bar = h('span', { class: 'legend-bar', 'aria-hidden': 'true' });
    bar.style.background = `linear-gradient(to right, ${colorFor(-1, palette)}, ${colorFor(0, palette)}, ${colorFor(1, palette)})`;
    const scale = [h('span', { 'aria-hidden': 'true' }, '−1'), bar, h('span', { 'aria-hidden': 'true' }, '+1')];
    this.legend.replaceChildren(...(classes === 2 ? [named(0), ...scale, named(1)] : scale));
  }

  setLossTitle(name) {
    const formula = LOSS_FORMULAS[name] ? `, ${LOSS_FORMULAS[name]}` : '';
    this.chartTitle.textContent = `Loss: ${LOSS_NAMES[name] ?? name}${formula}`;
  }

  // Data coordinates of a pointer event on the map.
  dataAt(e) {
    const box = this.heatmap.getBoundingClientRect();
    const side = 2 * PLOT_EXTENT;
    return { x: ((e.clientX - box.left) / box.width) * side - PLOT_EXTENT, y: PLOT_EXTENT - ((e.clientY - box.top) / box.height) * side };
  }

  clicked(e) {
    const { x, y } = this.dataAt(e);
    const point = nearestPoint(this.points, x, y, 0.5, this.showTest);
    this.onMapClick({ x, y, shift: e.shiftKey, point });
  }

  // Arrow keys walk through the shown points; Enter follows the picked one.
  keyed(e) {
    const count = this.points.length / 4;
    if (!count) return;
    const shown = (i) => this.showTest || this.points[i * 4 + 3] !== 1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const direction = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
      let i = this.selected;
      for (let tries = 0; tries < count; tries++) {
        i = (i + direction + count) % count;
        if (shown(i)) break;
      }
      this.select(i);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.selected >= 0) {
      e.preventDefault();
      const i = this.selected;
      this.onMapClick({ x: this.points[i * 4], y: this.points[i * 4 + 1], shift: false, point: i, keyboard: true });
    }
  }

  // Each read-out's text is replaced only when it reads differently: an equal string would
  // still cost its box a layout and a repaint.
  showMetrics(metrics, regression) {
    const show = (el, text) => { if (el.textContent !== text) el.textContent = text; };
    show(this.values.testLoss, formatLoss(metrics.testLoss));
    show(this.values.trainLoss, formatLoss(metrics.trainLoss));
    show(this.values.testAcc, formatPercent(metrics.testAccuracy));
    show(this.values.trainAcc, formatPercent(metrics.trainAccuracy));
    for (const row of this.accuracyRows) if (row.hidden !== regression) row.hidden = regression;
  }

  // One chart point per new epoch; a redraw alone (discretize, resize) adds nothing.
  // redraw false records the point and leaves the drawing to a later call. Accuracies are
  // fractions, NaN for regression.
  addLossPoint(epoch, trainLoss, testLoss, { redraw = true, trainAccuracy = NaN, testAccuracy = NaN } = {}) {
    if (epoch !== this.lastEpoch) {
      this.lastEpoch = epoch;
      this.chart.push(epoch, trainLoss, testLoss, trainAccuracy, testAccuracy);
      this.chartStale = true;
    }
    if (redraw && this.chartStale) {
      this.chartStale = false;
      this.drawChart();
    }
  }

  // The curves, or at epoch 0 (fewer than two points) the empty state's words.
  drawChart() {
    this.chart.draw();
    const label = `${this.chart.history.hasAccuracy ? 'Loss and accuracy' : 'Loss'} per epoch: ${this.chart.describe() || 'nothing trained yet'}`;
    if (this.chartCanvas.getAttribute('aria-label') !== label) this.chartCanvas.setAttribute('aria-label', label);
    const empty = this.chart.history.length < 2;
    if (this.chartEmpty.hidden !== !empty) this.chartEmpty.hidden = !empty;
    // Cleared (a reset), the keys stay as they were until the next point says: hidden in between,
    // they shortened the legend by a line and moved everything under it for a few frames.
    if (this.chart.history.length > 0) for (const el of this.accuracyKeys) el.hidden = !this.chart.history.hasAccuracy;
  }

  clearChart() {
    this.lastEpoch = undefined;
    this.chartTip.textContent = '';
    this.chart.history.clear();
    this.drawChart();
  }

  showChartTip(x) {
    const p = this.chart.pointAt(x);
    const accuracy = p && Number.isFinite(p.testAccuracy)
      ? `; accuracy train ${formatPercent(p.trainAccuracy)}, test ${formatPercent(p.testAccuracy)}` : '';
    this.chartTip.textContent = p ? `epoch ${Number(p.epoch.toFixed(2))}: loss train ${formatLoss(p.trainLoss)}, test ${formatLoss(p.testLoss)}${accuracy}` : '';
  }
}
