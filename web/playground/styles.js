// The element's CSS, adopted as one constructable stylesheet shared by every instance: it works
// under a strict `style-src 'self'` policy, where <style> elements in markup would be blocked.
import { DATA_COLUMN_CSS } from '../controls/data-column.css.js';
import { NETWORK_VIEW_CSS } from '../network/network-view.css.js';
import { EXPLAIN_CSS } from '../explain/explain.css.js';
import { PACE_CSS } from '../controls/pace-control.js';
import { NETWORK_NAMES_CSS } from '../network/network-names.js';

// Why two rules are as they are (kept out of the CSS text, which ships as written):
// - .playground: the rounded box does not clip. WebKit clips every composited layer inside a
//   rounded clip (each canvas) to the corners on every frame, in software on machines without a
//   GPU: 141 ms of it per frame at the default setup. Only the toolbar's background reaches the
//   corners, so it rounds its own; .columns clips to a plain rectangle, which costs nothing.
// - .dataset-list isolates: Chromium composites every 2-D canvas, and a paint chunk drawn after
//   one whose bounds overlap it gets a layer of its own. Without the isolation the chunk after the
//   last thumbnail ran to the end of the columns: an 882x1603 layer, rastered a second time over
//   the page's own (7 MiB of tiles per playground). The stacking context ends the chunk there.
// - .loss-chart and .heatmap-grid are layers of their own (will-change), as are the diagram's
//   map canvases (network-view.css.js): they change on every frame, and a canvas painted into
//   the page's tiles makes WebKit re-raster its tile's whole dirty area around it (Skia on
//   software GL without a GPU: 5 -> 3 ms of SkiaGPUWorker per drawn frame at the default setup,
//   8 -> 4 at 6x8, bench/webkit-frame.mjs; its composite, ~18 ms of llvmpipe a frame at 1280x900
//   whatever changes, grew by up to as much on a busy machine). Chromium composites every canvas
//   anyway.
// - The phone block (max-width 560px): one column, each part as short as it reads well; the
//   run controls stick to the top of the screen (the toolbar's box gives way, display: contents,
//   so the playground's grid holds them), so Play and the map are seen together.
const PLAYGROUND_CSS = `
:host { display: block; min-width: 280px; container-type: inline-size; color: #222; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --accent: #0877bd; --muted: #666; --line: #ddd; --panel: #fff; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.playground { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
h2 { font-size: 12px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; color: #555; margin: 0 0 8px; }
.hint { color: var(--muted); margin: 0 0 6px; font-size: 12px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 10px 18px; padding: 10px 14px; border-bottom: 1px solid var(--line); background: #fafafa; border-radius: 5px 5px 0 0; }
.run-controls { display: flex; align-items: center; gap: 8px; }
.play-button { width: 44px; height: 44px; border-radius: 50%; border: none; background: #183d4e; color: #fff; cursor: pointer; display: grid; place-items: center; }
.play-button:hover { background: #24576e; }
.play-icon { width: 0; height: 0; border-style: solid; border-width: 9px 0 9px 15px; border-color: transparent transparent transparent #fff; margin-left: 4px; }
.play-button.playing .play-icon { width: 14px; height: 16px; border: none; border-left: 5px solid #fff; border-right: 5px solid #fff; margin-left: 0; }
.icon-button { width: 32px; height: 32px; border-radius: 50%; border: 1px solid var(--line); background: #fff; cursor: pointer; display: grid; place-items: center; padding: 0; }
.icon { width: 18px; height: 18px; }
.icon-shape { fill: #183d4e; }
.icon-line { fill: none; stroke: #183d4e; stroke-width: 2.2; }
.icon-button:hover, .text-button:hover { border-color: var(--accent); }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.epoch { display: flex; flex-direction: column; }
.epoch-value { font-size: 20px; font-variant-numeric: tabular-nums; }
.control { display: flex; flex-direction: column; gap: 2px; }
.control-label { font-size: 11px; color: var(--muted); }
.control-checkbox { flex-direction: row; align-items: center; gap: 6px; cursor: pointer; }
select.control-input { font: inherit; padding: 3px 4px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
input[type=range].control-input { width: 100%; accent-color: var(--accent); }
.message { margin: 0; padding: 8px 14px; background: #fff4e5; border-bottom: 1px solid #f5c27a; color: #7a4100; white-space: pre-line; }
.columns { overflow: hidden; display: grid; grid-template-columns: minmax(150px, 1fr) minmax(260px, 2.4fr) minmax(260px, 1.5fr); gap: 0; }
.column { padding: 12px 14px; min-width: 0; }
.column + .column { border-left: 1px solid var(--line); }
.column-data .control { margin-top: 10px; }
.data-more { margin-top: 8px; }
.data-more > summary { cursor: pointer; color: #555; font-size: 12px; }
.dataset-list { isolation: isolate; display: grid; grid-template-columns: repeat(auto-fill, 56px); gap: 8px; }
.dataset-button { padding: 0; width: 56px; height: 56px; border: 2px solid transparent; border-radius: 4px; background: #f2f2f2; cursor: pointer; }
.dataset-button[aria-pressed=true] { border-color: #183d4e; box-shadow: 0 0 0 1px #183d4e; }
.dataset-button:hover { border-color: var(--accent); }
/* 56 px less the border: the canvas is drawn at exactly this size (dataset-picker.js). */
.dataset-thumb { width: 52px; height: 52px; display: block; }
.text-button { margin-top: 12px; font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer; }
.readouts { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 16px; margin-bottom: 6px; }
.readout { display: flex; justify-content: space-between; gap: 6px; white-space: nowrap; }
.readout-label { color: var(--muted); }
.readout-value { font-variant-numeric: tabular-nums; }
.chart-box { position: relative; }
.chart-plot { position: relative; }
.loss-chart { width: 100%; height: 110px; display: block; will-change: transform; }
.chart-legend { display: flex; flex-wrap: wrap; gap: 2px 10px; font-size: 10px; color: var(--muted); margin-bottom: 2px; }
.chart-key { display: inline-flex; align-items: center; gap: 4px; white-space: nowrap; }
.chart-key-line { width: 16px; height: 0; display: inline-block; }
.chart-empty { position: absolute; inset: 8px 40px 18px 40px; display: grid; place-items: center; text-align: center; font-size: 11px; color: var(--muted); pointer-events: none; }
.chart-tip { min-height: 30px; font-size: 11px; line-height: 15px; color: #444; font-variant-numeric: tabular-nums; }
/* The loss chart's and the legend's "i" buttons stay on their title's line. */
.chart-title { display: inline-block; }
.legend { display: inline-flex; vertical-align: middle; max-width: calc(100% - 30px); }
.legend-bar { flex: none; width: min(160px, 40cqw); }
.legend-class { white-space: nowrap; }
.legend:not(:has(.legend-bar)) { flex-wrap: wrap; row-gap: 2px; }
.heatmap-box { display: grid; grid-template-columns: 18px 1fr; grid-template-rows: auto 16px; margin-top: 10px; }
.heatmap { position: relative; aspect-ratio: 1; width: 100%; max-width: 420px; }
.heatmap canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
.heatmap-grid { image-rendering: auto; opacity: .75; will-change: transform; }
.axis { display: flex; justify-content: space-between; font-size: 10px; color: var(--muted); }
.axis-y { flex-direction: column; grid-row: 1; grid-column: 1; }
.axis-x { grid-row: 2; grid-column: 2; max-width: 420px; }
.legend { align-items: center; gap: 6px; font-size: 11px; color: var(--muted); margin-top: 6px; }
.legend-bar { flex: 0 1 160px; height: 8px; border-radius: 2px; background: linear-gradient(to right, #f59322, #e8eaeb, #0877bd); }
.output-options { display: flex; gap: 14px; flex-wrap: wrap; margin-top: 8px; }
.not-applicable { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.map-description { margin-top: 8px; }
.map-table { border-collapse: collapse; font-size: 12px; margin-top: 6px; }
.map-table caption { text-align: left; font-size: 11px; color: var(--muted); padding-bottom: 2px; }
.map-table th, .map-table td { border: 1px solid var(--line); padding: 2px 6px; text-align: left; font-weight: normal; }
.map-table th { color: var(--muted); }
.layer-activations { display: flex; flex-wrap: wrap; gap: 8px; }
.text-button.small { margin-top: 0; padding: 3px 8px; font-size: 12px; }
.text-button.active, .text-button[aria-pressed=true] { background: #183d4e; color: #fff; border-color: #183d4e; }
.run-controls .text-button.small { margin-left: 4px; }
.speed-value { font-size: 11px; line-height: 15px; min-height: 15px; color: var(--muted); font-variant-numeric: tabular-nums; }
.advanced { border-bottom: 1px solid var(--line); padding: 6px 14px; background: #fcfcfc; }
.advanced summary { cursor: pointer; color: #555; font-size: 12px; }
.advanced-grid { display: flex; flex-wrap: wrap; gap: 10px 16px; padding: 8px 0 4px; }
.advanced fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 4px 10px 8px; display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; margin: 0; }
.advanced legend { font-size: 11px; color: #555; padding: 0 4px; }
input[type=number].control-input { width: 90px; font: inherit; padding: 2px 4px; border: 1px solid var(--line); border-radius: 4px; }
.data-tools { margin-top: 14px; display: flex; flex-direction: column; gap: 6px; }
.tool-row { display: flex; flex-wrap: wrap; gap: 6px; }
.file-button { position: relative; display: inline-block; cursor: pointer; }
.file-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
.file-button:focus-within { outline: 2px solid var(--accent); outline-offset: 2px; }
.tool-error { margin: 0; padding: 4px 8px; border-left: 3px solid #b45309; background: #fff4e5; color: #7a4100; font-size: 12px; white-space: pre-line; }
.paste-area { width: 100%; font: 12px ui-monospace, monospace; border: 1px solid var(--line); border-radius: 4px; }
.edit-panel { display: flex; flex-direction: column; gap: 6px; }
.class-picker { display: flex; gap: 6px; flex-wrap: wrap; }
.swatch { width: 22px; height: 22px; border-radius: 50%; border: 2px solid #fff; box-shadow: 0 0 0 1px #bbb; cursor: pointer; padding: 0; display: inline-block; }
.swatch[aria-checked=true] { box-shadow: 0 0 0 2px #111; }
.swatch.small { width: 12px; height: 12px; cursor: default; border-width: 1px; vertical-align: middle; }
.chart-title { font-size: 11px; color: var(--muted); margin-bottom: 2px; }
.confusion { margin-top: 10px; }
.confusion h3, .trace h3 { font-size: 12px; font-weight: 600; margin: 0 0 4px; color: #555; }
.confusion-table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
.confusion-table th, .confusion-table td { border: 1px solid var(--line); padding: 2px 8px; text-align: center; }
.confusion-table thead th:first-child { font-weight: normal; font-size: 10px; color: var(--muted); }
.heatmap:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.dataset-button:disabled { opacity: .25; cursor: not-allowed; }
/* Data, network, output in reading order at every width: in two columns the output moves to a
   row of its own below, never the network (a zoomed page is a narrow one). */
@container (max-width: 900px) {
  .columns { grid-template-columns: minmax(150px, 1fr) minmax(0, 2fr); }
  .column-output { grid-column: 1 / -1; border-left: none; border-top: 1px solid var(--line); }
}
@container (max-width: 560px) {
  .columns { grid-template-columns: minmax(0, 1fr); }
  .column + .column { border-left: none; border-top: 1px solid var(--line); }
  .playground { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 10px; padding: 0 10px; }
  .playground > :not(dialog) { grid-column: 1 / -1; margin-inline: -10px; }
  .playground > .toolbar { display: contents; }
  .toolbar > * { grid-column: auto; margin-top: 6px; }
  .toolbar > .run-controls { grid-column: 1 / -1; position: sticky; top: 0; z-index: 4; margin: 0 -10px; padding: 6px; gap: 6px 4px; flex-wrap: wrap; background: #fafafa; border-bottom: 1px solid var(--line); border-radius: 5px 5px 0 0; }
  .run-controls .pace, .run-controls .step-group { gap: 4px; }
  .run-controls .pace-button, .run-controls .step-button, .run-controls .text-button.small { padding: 3px 5px; margin: 0; }
  .toolbar + * { margin-top: 8px; border-top: 1px solid var(--line); }
  .toolbar select.control-input { width: 100%; }
  .epoch-value { font-size: 16px; }
  .advanced summary { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .column { padding: 8px 10px; }
  .data-more[open] { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 12px; align-items: end; }
  .data-more > :not(.control) { grid-column: 1 / -1; }
  .column-data > .hint { display: none; }
  .column-data .control { margin-top: 6px; }
  .dataset-list { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: 56px; overflow-x: auto; padding: 2px 2px 6px; }
  .data-more > .text-button { justify-self: start; margin-top: 8px; }
  .data-tools { margin-top: 8px; }
  .output { display: flex; flex-wrap: wrap; align-items: center; }
  .output > * { flex: 0 0 100%; }
  .output > .heatmap-box { order: -2; }
  .output > .legend, .output > .info-btn { order: -1; flex: 0 1 auto; margin-bottom: 8px; }
}
`;

let sheet = null;

export function playgroundStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PLAYGROUND_CSS + PACE_CSS + NETWORK_VIEW_CSS + NETWORK_NAMES_CSS + EXPLAIN_CSS + DATA_COLUMN_CSS);
  }
  return sheet;
}
