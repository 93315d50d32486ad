// Styles of the data column's own-data notice (data-origin.js) and the confirm dialog
// (confirm-dialog.js); adopted with the playground's stylesheet.
export const DATA_COLUMN_CSS = `
.data-origin { margin: 8px 0 6px; padding: 6px 8px; border-left: 3px solid var(--accent); border-radius: 3px; background: #eef4f9; font-size: 12px; line-height: 1.4; }
.data-origin-summary { display: block; }
.data-origin-back { color: #4d5760; }
.confirm-dialog { width: min(420px, calc(100% - 24px)); padding: 16px 18px; border: 1px solid var(--line); border-radius: 8px;
  background: var(--panel); color: inherit; box-shadow: 0 10px 40px rgba(0,0,0,.25); }
.confirm-dialog::backdrop { background: rgba(20, 30, 40, .45); }
.confirm-title { margin: 0 0 6px; font-size: 14px; text-transform: none; letter-spacing: 0; color: inherit; }
.confirm-text { margin: 0 0 14px; font-size: 13px; line-height: 1.45; }
.confirm-buttons { display: flex; justify-content: flex-end; gap: 8px; }
.confirm-buttons .text-button { margin-top: 0; }
.confirm-ok { background: #183d4e; border-color: #183d4e; color: #fff; }
:host([theme=dark i]) .data-origin { background: #203240; }
:host([theme=dark i]) .data-origin-back { color: #b3bcc4; }
@media (prefers-color-scheme: dark) {
  :host([theme=auto i]) .data-origin { background: #203240; }
  :host([theme=auto i]) .data-origin-back { color: #b3bcc4; }
}
`;
