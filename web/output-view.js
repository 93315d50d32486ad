// The output column: loss and accuracy read-outs, the loss chart, and the main heat map with its
// axes, data points and colour legend. It draws what it is given and knows no network.
import { h } from './dom.js';
import { drawHeatmap, drawPoints } from './heatmap.js';
import { LossChart } from './chart.js';

const TICKS = [-6, -4, -2, 0, 2, 4, 6];

function formatLoss(v) {
  return Number.isFinite(v) ? v.toFixed(3) : '–';
}

function formatPercent(v) {
  return Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–';
}

export class OutputView {
  constructor(container) {
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

    this.chartCanvas = h('canvas', { class: 'loss-chart', width: 300, height: 60,
      'aria-label': 'Loss per epoch: training (grey) and test (black)', role: 'img' });
    this.chartTip = h('div', { class: 'chart-tip', hidden: true });
    this.chart = new LossChart(this.chartCanvas);
    this.chartCanvas.addEventListener('pointermove', (e) => this.showChartTip(e.offsetX));
    this.chartCanvas.addEventListener('pointerleave', () => { this.chartTip.hidden = true; });

    this.gridCanvas = h('canvas', { class: 'heatmap-grid', width: 100, height: 100 });
    this.pointCanvas = h('canvas', { class: 'heatmap-points', width: 300, height: 300 });
    this.heatmap = h('div', { class: 'heatmap', role: 'img', 'aria-label': 'Decision boundary and data points' },
      this.gridCanvas, this.pointCanvas);
    const xAxis = h('div', { class: 'axis axis-x', 'aria-hidden': 'true' }, TICKS.map((t) => h('span', {}, t)));
    const yAxis = h('div', { class: 'axis axis-y', 'aria-hidden': 'true' }, TICKS.slice().reverse().map((t) => h('span', {}, t)));
    const legend = h('div', { class: 'legend', 'aria-hidden': 'true' },
      h('span', {}, '−1'), h('span', { class: 'legend-bar' }), h('span', {}, '1'));

    container.append(
      h('div', { class: 'readouts' }, testLossRow, testAccRow, trainLossRow, trainAccRow),
      h('div', { class: 'chart-box' }, this.chartCanvas, this.chartTip),
      h('div', { class: 'heatmap-box' }, yAxis, this.heatmap, xAxis),
      legend);
    this.points = new Float32Array(0);
    this.showTest = false;
    new ResizeObserver(() => this.redrawPoints()).observe(this.heatmap);
  }

  setPoints(points) {
    this.points = points;
    this.redrawPoints();
  }

  setShowTest(showTest) {
    this.showTest = showTest;
    this.redrawPoints();
  }

  redrawPoints() {
    const ratio = globalThis.devicePixelRatio || 1;
    const size = Math.max(1, Math.round(this.heatmap.clientWidth * ratio));
    if (this.pointCanvas.width !== size) this.pointCanvas.width = this.pointCanvas.height = size;
    drawPoints(this.pointCanvas, this.points, { showTest: this.showTest });
  }

  drawMap(values, n, discretize) {
    drawHeatmap(this.gridCanvas, values, n, { discretize });
  }

  showMetrics(metrics, regression) {
    this.values.testLoss.textContent = formatLoss(metrics.testLoss);
    this.values.trainLoss.textContent = formatLoss(metrics.trainLoss);
    this.values.testAcc.textContent = formatPercent(metrics.testAccuracy);
    this.values.trainAcc.textContent = formatPercent(metrics.trainAccuracy);
    for (const row of this.accuracyRows) row.hidden = regression;
  }

  // One chart point per new epoch; a redraw alone (discretize, resize) adds nothing.
  addLossPoint(epoch, trainLoss, testLoss) {
    if (epoch === this.lastEpoch) return;
    this.lastEpoch = epoch;
    this.chart.push(epoch, trainLoss, testLoss);
    this.chart.draw();
  }

  clearChart() {
    this.lastEpoch = undefined;
    this.chart.clear();
    this.chart.draw();
  }

  showChartTip(x) {
    const p = this.chart.pointAt(x);
    this.chartTip.hidden = !p;
    if (p) this.chartTip.textContent = `epoch ${p.epoch}: train ${formatLoss(p.trainLoss)}, test ${formatLoss(p.testLoss)}`;
  }
}
