// The export dialog's CSS, in its own chunk with the dialog: it costs the first load nothing.
// The colours are the playground's custom properties, so the dark theme dresses it too.
export const EXPORT_CSS = `
.export-dialog { width: min(560px, calc(100% - 24px)); max-height: calc(100% - 24px); padding: 0; border: 1px solid var(--line);
  border-radius: 8px; background: var(--panel); color: inherit; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
.export-dialog::backdrop { background: rgba(20, 30, 40, .45); }
.export-form { padding: 16px 18px; display: flex; flex-direction: column; gap: 10px; }
.export-head, .export-summary-head { display: flex; align-items: center; justify-content: space-between; gap: 12px; }
.export-head h2, .export-summary-head h3 { margin: 0; font-size: 14px; text-transform: none; letter-spacing: 0; color: inherit; }
.export-summary-head h3 { font-size: 13px; }
.export-intro, .export-note, .export-status { margin: 0; font-size: 12px; }
.export-note, .export-row-note { color: var(--muted); }
.export-message { margin: 0; color: #b3261e; font-size: 12px; }
.export-list { display: grid; gap: 6px; }
.export-row { display: flex; align-items: baseline; gap: 10px; font-size: 12px; }
.export-row .text-button { min-width: 88px; }
.export-summary { width: 100%; font: 12px/1.4 ui-monospace, monospace; resize: vertical; color: inherit; background: transparent;
  border: 1px solid var(--line); border-radius: 4px; padding: 6px; }
`;
