// Curves of several runs on one canvas, one style each: a colour from Okabe and Ito's palette
// (told apart under the common colour-vision deficiencies), and a dash and a marker as well, so
// that no two runs differ by colour alone. The legend is DOM, with the same styles drawn small.
import { h } from '../shared/dom.js';
import { context2d } from '../shared/canvas.js';

export const STYLES = [
  { color: '#0072B2', dash: [], marker: 'circle' },
  { color: '#E69F00', dash: [6, 3], marker: 'square' },
  { color: '#009E73', dash: [2, 2], marker: 'triangle' },
  { color: '#CC79A7', dash: [8, 3, 2, 3], marker: 'diamond' },
  { color: '#D55E00', dash: [1, 3], marker: 'cross' },
  { color: '#56B4E9', dash: [10, 2], marker: 'plus' },
];
// The runs panel overlays at most this many runs; a sweep's up to six members use every style.
export const MAX_CURVES = 5;
// Markers per curve: enough to tell the curves apart where they cross, few enough to stay clean.
const MARKERS = 6;
const MARGIN = { left: 38, right: 10, top: 8, bottom: 18 };

// The smallest of 1, 2, 2.5 or 5 times a power of ten at or above v: the top of an axis whose
// halves and quarters are round numbers too.
export function roundUp(v) {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= v * (1 - 1e-9));
}
const label = (v) => (v > 0 && v < 1e-3 ? v.toExponential(0) : String(Number(v.toPrecision(3))));

export const SERIES_NAMES = { testLosses: 'test loss', trainLosses: 'training loss', testAccuracies: 'test accuracy' };

function marker(ctx, kind, x, y, r) {
  ctx.beginPath();
  if (kind === 'circle') ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (kind === 'square') ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (kind === 'triangle') { ctx.moveTo(x, y - r * 1.2); ctx.lineTo(x + r * 1.1, y + r); ctx.lineTo(x - r * 1.1, y + r); ctx.closePath(); }
  else if (kind === 'diamond') { ctx.moveTo(x, y - r * 1.3); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r * 1.3); ctx.lineTo(x - r, y); ctx.closePath(); }
  else {
    const d = kind === 'cross' ? r : r * 1.3;
    if (kind === 'cross') { ctx.moveTo(x - d, y - d); ctx.lineTo(x + d, y + d); ctx.moveTo(x + d, y - d); ctx.lineTo(x - d, y + d); }
    else { ctx.moveTo(x - d, y); ctx.lineTo(x + d, y); ctx.moveTo(x, y - d); ctx.lineTo(x, y + d); }
    ctx.stroke();
    return;
  }
  ctx.fill();
}

// A legend swatch: the style's line, dash and marker on a small canvas (hidden from screen
// readers: the legend's text names the run).
export function swatch(style) {
  const ratio = globalThis.devicePixelRatio || 1;
  const canvas = h('canvas', { class: 'runs-swatch', width: Math.round(28 * ratio), height: Math.round(12 * ratio), 'aria-hidden': 'true' });
  const ctx = context2d(canvas);
  if (!ctx) return canvas;
  ctx.scale(ratio, ratio);
  ctx.strokeStyle = ctx.fillStyle = style.color;
  ctx.lineWidth = 2;
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  ctx.moveTo(1, 6);
  ctx.lineTo(27, 6);
  ctx.stroke();
  ctx.setLineDash([]);
  marker(ctx, style.marker, 14, 6, 3);
  return canvas;
}

// The y scale: linear from 0 to a round top, or for losses on a log scale from the power of ten
// below the smallest to the one above the largest, where losses that all end near 0 still part.
function yScale(values, { accuracy, log }) {
  let low = Infinity;
  let high = accuracy ? 1 : 0;
  for (const v of values) if (Number.isFinite(v)) { high = Math.max(high, v); if (v > 0) low = Math.min(low, v); }
  if (log && !accuracy && Number.isFinite(low)) {
    const from = Math.floor(Math.log10(low));
    const to = Math.max(from + 1, Math.ceil(Math.log10(high)));
    const ticks = Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i)).filter((_, i, all) => all.length <= 5 || i % 2 === (all.length - 1) % 2);
    return { ticks, at: (v) => (Math.log10(Math.max(v, 10 ** from)) - from) / (to - from), top: 10 ** to, bottom: 10 ** from };
  }
  const top = accuracy ? 1 : roundUp(high);
  return { ticks: [0, top / 2, top], at: (v) => Math.min(v, top) / top, top, bottom: 0 };
}

// curves: [{ curve, style }]; series: a curve key (SERIES_NAMES); log: losses on a log scale.
// Colours of the text and grid come from the canvas's CSS (color, --line), so the chart follows
// the theme. Returns the scales in words, for the canvas's label ('' when nothing is drawn).
export function drawOverlay(canvas, curves, series, { log = false } = {}) {
  const ctx = context2d(canvas);
  if (!ctx) return '';
  const ratio = globalThis.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) Object.assign(canvas, { width, height });
  ctx.clearRect(0, 0, width, height);
  const shown = curves.filter(({ curve }) => curve[series]?.length);
  if (!shown.length) return '';
  const accuracy = series.endsWith('Accuracies');
  let last = 1;
  for (const { curve } of shown) last = Math.max(last, curve.epochs[curve.epochs.length - 1]);
  const scale = yScale(shown.flatMap(({ curve }) => curve[series]), { accuracy, log });
  const right = roundUp(last);
  const plot = { left: MARGIN.left * ratio, right: width - MARGIN.right * ratio, top: MARGIN.top * ratio, bottom: height - MARGIN.bottom * ratio };
  const x = (epoch) => plot.left + (epoch / right) * (plot.right - plot.left);
  const y = (v) => plot.bottom - scale.at(Number.isFinite(v) ? v : scale.top) * (plot.bottom - plot.top);
  const css = getComputedStyle(canvas);
  ctx.font = `${10 * ratio}px system-ui, sans-serif`;
  ctx.fillStyle = css.color;
  ctx.strokeStyle = css.getPropertyValue('--line').trim() || '#ddd';
  ctx.lineWidth = ratio;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of scale.ticks) {
    ctx.beginPath();
    ctx.moveTo(plot.left, Math.round(y(v)) + 0.5);
    ctx.lineTo(plot.right, Math.round(y(v)) + 0.5);
    ctx.stroke();
    ctx.fillText(accuracy ? `${Math.round(v * 100)} %` : label(v), plot.left - 3 * ratio, y(v));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of [0, right / 4, right / 2, (3 * right) / 4, right]) ctx.fillText(label(v), x(v), plot.bottom + 3 * ratio);
  ctx.lineWidth = 2 * ratio;
  for (const { curve, style } of shown) {
    const values = curve[series];
    ctx.strokeStyle = ctx.fillStyle = style.color;
    ctx.setLineDash(style.dash.map((d) => d * ratio));
    ctx.beginPath();
    values.forEach((v, i) => (i ? ctx.lineTo : ctx.moveTo).call(ctx, x(curve.epochs[i]), y(v)));
    ctx.stroke();
    ctx.setLineDash([]);
    const step = Math.max(1, Math.floor(values.length / MARKERS));
    for (let i = values.length - 1; i >= 0; i -= step) marker(ctx, style.marker, x(curve.epochs[i]), y(values[i]), 3 * ratio);
  }
  const range = accuracy ? '0 to 100 %' : `${label(scale.bottom)} to ${label(scale.top)}${scale.bottom > 0 ? ' on a log scale' : ''}`;
  return `${SERIES_NAMES[series]} ${range} against epochs 0 to ${right}`;
}

// The chart's options as controls: which series, and a log scale for losses (on at first: losses
// that all end near 0 are told apart only there). onChange({ series, log }) after each change.
export function chartOptions(onChange) {
  const options = { series: 'testLosses', log: true };
  const select = h('select', { class: 'runs-input', onchange: (e) => { options.series = e.target.value; onChange(options); } },
    Object.entries(SERIES_NAMES).map(([key, name]) => h('option', { value: key }, name)));
  const box = h('input', { type: 'checkbox', checked: true, onchange: (e) => { options.log = e.target.checked; onChange(options); } });
  const element = h('div', { class: 'runs-options' },
    h('label', { class: 'runs-field' }, h('span', { class: 'control-label' }, 'Curve'), select),
    h('label', { class: 'runs-check' }, box, 'Log scale'));
  return { element, options };
}
