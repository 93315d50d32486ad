// The share dialog's styles, adopted into the element's shadow root with the dialog (both load
// on the first press of "Share / embed", so a page that never shares never downloads them).
// The dark colours follow the element's `theme` as element-styles.js does.
const DARK_TEXT = '.share-text { background: #262d33; border-color: var(--line); }';

const SHARE_CSS = `
.share-dialog { width: min(640px, calc(100% - 24px)); max-height: calc(100% - 24px); padding: 0; border: 1px solid var(--line);
  border-radius: 8px; background: var(--panel); color: inherit; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
.share-dialog::backdrop { background: rgba(20, 30, 40, .45); }
.share-form { margin: 0; padding: 16px 18px; display: flex; flex-direction: column; gap: 14px; }
.share-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.share-head h2 { margin: 0; font-size: 14px; }
.share-close { margin: 0; }
.share-item { display: flex; flex-direction: column; gap: 4px; }
.share-label { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; font-weight: 600; font-size: 12px; }
.share-note { font-weight: 400; color: var(--muted); }
.share-text { width: 100%; font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; padding: 6px 8px; resize: vertical;
  border: 1px solid var(--line); border-radius: 4px; background: #f6f8fa; color: inherit; }
textarea.share-text { white-space: pre-wrap; word-break: break-all; }
.share-row { display: flex; gap: 8px; align-items: center; }
.share-copy { margin: 0; min-width: 64px; }
.share-status { font-size: 11px; color: var(--muted); min-height: 1.4em; }
`
  + `:host([theme=dark i]) ${DARK_TEXT}\n@media (prefers-color-scheme: dark) { :host([theme=auto i]) ${DARK_TEXT} }`;

let sheet = null;

// Adds the dialog's sheet (one for every instance) to `root`'s adopted sheets, once.
export function adoptShareStyles(root) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHARE_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
