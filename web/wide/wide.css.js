// The slice picker's CSS, adopted into the playground's root when wide data first arrive.
const CSS = `
.wide-slice { margin: 6px 0 0; font-size: 12px; }
.output > .wide-slice { order: -1; margin-bottom: 10px; }
.wide-axes { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.wide-axis-label { display: inline-flex; align-items: center; gap: 4px; }
.wide-axis { font: inherit; min-height: 24px; max-width: 14em; }
.wide-slice-text { margin: 4px 0 0; }
.wide-inputs-note { margin: 4px 0 0; color: var(--muted); }
.wide-slice-message { margin: 4px 0 0; font-weight: 600; }
.wide-slice-message:empty { display: none; }
`;

let sheet = null;

export function wideStyles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}
