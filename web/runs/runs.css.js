// The runs panel's stylesheet, built on the panel's first use and adopted by its shadow root.
// Colours come from the playground's custom properties (--line, --muted, --accent), so the dark
// theme needs no rules of its own; form fields inherit the colour scheme the theme sets.
let sheet = null;

const CSS = `
.runs-panel { border-top: 1px solid var(--line); padding: 12px 14px 16px; display: flex; flex-direction: column; gap: 8px; }
.runs-panel:focus { outline: none; }
.runs-panel:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.runs-panel h2 { margin: 0; }
.runs-panel h3 { margin: 8px 0 0; font-size: 13px; }
.runs-panel .hint { margin: 0; }
.runs-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.runs-status { margin: 0; font-size: 12px; min-height: 1.3em; }
.runs-error { margin: 0; font-size: 12px; padding: 4px 8px; border: 1px solid #f5c27a; border-radius: 4px; }
.runs-compare { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.6fr); gap: 12px; align-items: start; }
@container (max-width: 760px) { .runs-compare { grid-template-columns: minmax(0, 1fr); } }
.runs-chart-box { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.runs-chart { width: 100%; height: 150px; display: block; color: var(--muted); }
.runs-legend { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 11px; }
.runs-legend li { display: flex; align-items: center; gap: 4px; }
.runs-options { display: flex; align-items: end; gap: 12px; flex-wrap: wrap; }
.runs-check { display: flex; align-items: center; gap: 4px; font-size: 12px; }
.runs-swatch { width: 28px; height: 12px; flex: none; }
.runs-field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
.runs-input { font: inherit; font-size: 12px; padding: 3px 6px; border: 1px solid var(--line); border-radius: 4px; background: transparent; color: inherit; min-width: 0; }
.runs-target { width: 7em; }
.runs-tools { display: flex; align-items: end; justify-content: space-between; gap: 8px; flex-wrap: wrap; margin-bottom: 6px; }
.runs-table-wrap { overflow-x: auto; max-height: 320px; overflow-y: auto; border: 1px solid var(--line); border-radius: 4px; }
.runs-table-wrap:focus-visible { outline: 2px solid var(--accent); }
.runs-table { border-collapse: collapse; font-size: 12px; width: 100%; }
.runs-table th, .runs-table td { padding: 3px 6px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; vertical-align: middle; }
.runs-table thead th { position: sticky; top: 0; background: var(--panel); font-weight: 600; }
.runs-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.runs-table .runs-settings { white-space: normal; min-width: 12em; }
.runs-sort { font: inherit; font-weight: 600; border: none; background: none; color: inherit; padding: 2px; cursor: pointer; }
.runs-sort:hover { color: var(--accent); }
.runs-pick { display: flex; align-items: center; gap: 4px; }
.runs-tag { display: block; color: var(--muted); font-weight: 400; font-size: 10px; }
.runs-restore { white-space: nowrap; }
.runs-panel .text-button:disabled { opacity: .5; cursor: default; }
.sweep-form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
.sweep-values-field { flex: 1 1 16em; }
.sweep-values-field .hint { font-size: 11px; }
.sweep-budget { width: 6em; }
.sweep-buttons { display: flex; gap: 6px; }
.sweep-maps { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(96px, 1fr)); gap: 8px; }
.sweep-member figure { margin: 0; display: flex; flex-direction: column; gap: 2px; font-size: 11px; }
.sweep-map { width: 100%; aspect-ratio: 1; image-rendering: pixelated; border: 1px solid var(--line); border-radius: 3px; background: #fff; }
.sweep-member figcaption { display: flex; align-items: center; gap: 4px; flex-wrap: wrap; }
.sweep-loss { flex-basis: 100%; color: var(--muted); font-variant-numeric: tabular-nums; }
.sweep-best .sweep-map { border-color: var(--accent); box-shadow: 0 0 0 2px var(--accent); }
.sweep-best figcaption::after { content: "lowest test loss"; color: var(--accent); font-weight: 600; }
`;

export function runsStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
