// The picture views' CSS, adopted into the playground's shadow root when they first load (the
// rest of the playground's CSS is playground/styles.js's, loaded with the page). In image mode
// the views without meaning for pictures (the 2-D map and its options, the input features,
// noise) are hidden. Pictures are drawn at their own pixel size and scaled up by CSS, pixelated.
const CSS = `
.image-mode .network, .image-mode .heatmap-box, .image-mode .legend, .image-mode .legend + .info-btn, .image-mode .map-words,
.image-mode .output-options, .image-mode [data-control=noise], .image-mode [data-control=numClasses],
.image-mode [data-control=regenerate], .image-mode [data-control=dataTools], .image-mode .dataset-note { display: none !important; }
.image-data h3, .image-try h3, .in-col h3 { font-size: 12px; font-weight: 600; margin: 8px 0 4px; color: #555; }
.image-classes { border: 1px solid var(--line); border-radius: 4px; margin: 10px 0 0; padding: 4px 8px 8px; }
.image-classes legend { font-size: 11px; color: var(--muted); padding: 0 4px; }
.image-class-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(104px, 1fr)); gap: 2px 8px; }
.image-class { display: flex; align-items: center; gap: 4px; min-height: 24px; cursor: pointer; }
.image-classes .text-button { margin-top: 4px; }
.image-class-message:empty { display: none; }
.image-class-message { color: #7a4100; margin: 4px 0 0; }
.sample-strip { display: flex; flex-direction: column; gap: 4px; }
.sample-row { display: flex; flex-direction: column; gap: 1px; font-size: 11px; }
.sample-canvas { width: 100%; max-width: 280px; image-rendering: pixelated; border: 1px solid var(--line); background: #fff; }
.image-network { display: flex; flex-direction: column; gap: 6px; }
.image-shape { width: 110px; font: inherit; padding: 2px 4px; border: 1px solid var(--line); border-radius: 4px; }
.image-shape-control { flex-direction: row; align-items: center; gap: 8px; flex-wrap: wrap; }
.in-columns { display: grid; grid-template-columns: minmax(64px, .8fr) minmax(120px, 2.2fr) auto minmax(120px, 1.4fr); gap: 10px; align-items: start; }
.in-col { min-width: 0; transition: opacity .2s; }
.in-col h3 { margin-top: 0; min-height: 2.9em; }
.in-faded { opacity: .3; }
.in-current { outline: 2px solid var(--accent); outline-offset: 3px; border-radius: 2px; }
.image-input { width: 100%; max-width: 112px; aspect-ratio: 1; image-rendering: pixelated; border: 1px solid var(--line); display: block; }
.image-input-caption { margin-top: 4px; }
.weight-grid { width: 100%; image-rendering: pixelated; display: block; background: var(--panel); }
.weight-grid:focus-visible, .draw-canvas:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.weight-pick { display: flex; gap: 8px; align-items: center; margin-top: 6px; }
.weight-big { width: 56px; height: 56px; image-rendering: pixelated; border: 3px solid #e8eaeb; flex: none; }
.weight-caption { margin: 0; font-size: 11px; color: var(--muted); }
.deep-layers { display: block; }
.class-bars { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 3px; }
.class-bar { height: 20px; display: grid; grid-template-columns: 12px minmax(56px, auto) minmax(30px, 1fr) 44px; align-items: center; gap: 4px; font-size: 12px; }
.class-bar-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.class-bar-best .class-bar-name { font-weight: 700; }
.class-bar-track { height: 10px; background: #eef0f1; border-radius: 2px; overflow: hidden; }
.class-bar-fill { display: block; height: 100%; width: 0; }
.class-bar-value { text-align: right; font-variant-numeric: tabular-nums; }
.image-try { margin-top: 10px; }
.image-try-row { display: flex; gap: 12px; align-items: flex-start; flex-wrap: wrap; }
.image-try-side { flex: 1 1 160px; display: flex; flex-direction: column; gap: 6px; }
.image-try-side .tool-row .text-button { margin-top: 0; }
.image-prediction { margin: 0; font-weight: 600; min-height: 1.4em; }
.draw-pad { display: flex; flex-direction: column; gap: 4px; width: 168px; }
.draw-canvas { width: 168px; height: 168px; image-rendering: pixelated; border: 1px solid #999; touch-action: none; cursor: crosshair; background: #fff; }
.draw-help { margin: 0; font-size: 11px; }
.draw-tools .text-button { margin-top: 0; }
.cell-button { font: inherit; width: 100%; min-width: 28px; min-height: 24px; border: none; background: transparent; color: inherit; cursor: pointer; padding: 2px 6px; }
.cell-button:hover { outline: 1px solid var(--accent); }
.image-mode .confusion-table td { padding: 0; }
.cell-images .hint { margin-top: 6px; }
.cell-image-list { display: flex; flex-wrap: wrap; gap: 3px; }
.cell-image-button { padding: 0; border: 1px solid var(--line); background: #fff; cursor: pointer; }
.cell-image { width: 42px; height: 42px; image-rendering: pixelated; display: block; }
@container (max-width: 560px) {
  .in-columns { grid-template-columns: minmax(56px, .6fr) minmax(0, 2fr); }
  .in-deep, .in-output { grid-column: 1 / -1; }
  .draw-pad, .draw-canvas { width: 140px; }
  .draw-canvas { height: 140px; }
}
`;

const DARK = `.image-data h3, .image-try h3, .in-col h3 { color: #b3bcc4; }
.class-bar-track { background: #2f363c; }
.image-class-message { color: #ffd59a; }`;

// The dark rules for theme="dark" and for theme="auto" when the system asks for dark.
const scoped = (host) => DARK.replace(/^([^{]+)\{/gm, (_, selectors) => `${selectors.split(',').map((s) => `${host} ${s.trim()}`).join(', ')} {`);

let sheet = null;

export function imageStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${CSS}${scoped(':host([theme=dark i])')}\n@media (prefers-color-scheme: dark) {\n${scoped(':host([theme=auto i])')}\n}`);
  }
  return sheet;
}
