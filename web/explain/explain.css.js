// Styles of the explanations: info buttons and their notes (info.js), the guided tour
// (tour.js), the forward-pass panel (trace-panel.js) and the labels and fades drawn over the
// network diagram (network-overlay.js). Adopted as a constructable stylesheet in the shadow root.
// Popovers live in the top layer: [popover]'s UA centring is undone and info.js places them.

const HIGHLIGHT = '#e8a317';

const LIGHT = `
.info-btn {
  box-sizing: border-box;
  display: inline-grid;
  place-items: center;
  width: 15px;
  height: 15px;
  margin: 0 0 0 4px;
  padding: 0;
  border: 1px solid #b9bec3;
  border-radius: 50%;
  background: #fff;
  color: #5b6670;
  font: italic 600 10px/1 Georgia, "Times New Roman", serif;
  vertical-align: middle;
  cursor: pointer;
  flex: none;
}
.info-btn:hover, .info-btn[aria-expanded=true] { border-color: #0877bd; color: #0877bd; background: #eef4f9; }
.info-btn:focus-visible { outline: 2px solid #0877bd; outline-offset: 1px; }

.info-pop, .tour-pop {
  position: fixed;
  inset: auto;
  margin: 0;
  box-sizing: border-box;
  padding: 8px 10px;
  border: 1px solid #c4c7ca;
  border-radius: 6px;
  background: #fff;
  color: #222;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16);
  font: 12px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  overflow: visible;
  z-index: 10;
}
.info-pop { width: max-content; max-width: min(300px, calc(100vw - 16px)); }
.info-pop:focus { outline: none; }
.info-title { display: block; font-size: 12px; font-weight: 600; margin: 0 0 2px; }
.info-text { margin: 0; }

.tour-pop { width: min(320px, calc(100vw - 16px)); padding: 10px 12px; }
.tour-pop:focus { outline: none; }
.tour-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.tour-count { font-size: 11px; color: #6b747c; letter-spacing: 0.03em; }
.tour-title { margin: 4px 0 4px; font-size: 14px; font-weight: 600; }
.tour-text { margin: 0 0 10px; }
.tour-nav { display: flex; justify-content: flex-end; gap: 6px; }
.tour-btn, .tp-btn {
  font: inherit;
  font-size: 12px;
  padding: 3px 10px;
  border: 1px solid #c4c7ca;
  border-radius: 4px;
  background: #fff;
  color: inherit;
  cursor: pointer;
}
.tour-btn:hover:not(:disabled), .tp-btn:hover:not(:disabled) { border-color: #0877bd; }
.tour-btn:disabled, .tp-btn:disabled { opacity: 0.4; cursor: default; }
.tour-btn:focus-visible, .tp-btn:focus-visible { outline: 2px solid #0877bd; outline-offset: 1px; }
.tour-next { background: #183d4e; border-color: #183d4e; color: #fff; }
.tour-next:hover:not(:disabled) { background: #24576e; }
.tour-close { padding: 1px 8px; font-size: 11px; }
.tour-target { outline: 3px solid ${HIGHLIGHT} !important; outline-offset: 3px; }
path.tour-target { outline: none !important; stroke: #111; stroke-width: 3px; stroke-dasharray: 7 4; filter: drop-shadow(0 0 2px ${HIGHLIGHT}); }

.warn-note { margin: 0 0 8px; padding: 7px 10px; border: 1px solid #e0b252; border-left-width: 4px; border-radius: 4px; background: #fff8e6; color: #3d2e00; font-size: 12px; line-height: 1.4; }
.warn-head { display: flex; align-items: flex-start; justify-content: space-between; gap: 8px; }
.warn-title { font-weight: 600; }
.warn-text { margin: 3px 0 2px; }
.warn-tips { margin: 0; padding-left: 18px; }
.warn-dismiss { flex: none; }

.trace-panel {
  position: relative;
  box-sizing: border-box;
  overflow-y: auto;
  margin: 8px 0 0;
  padding: 8px 10px;
  border: 1px solid #d7dadd;
  border-radius: 6px;
  background: #fbfbfc;
  font-size: 12px;
  line-height: 1.45;
}
.tp-title { margin: 0 0 4px; font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: #555; }
.tp-lines { margin: 0; padding: 0; list-style: none; font-variant-numeric: tabular-nums; }
.tp-line { padding: 2px 6px; border-left: 3px solid transparent; border-radius: 2px; overflow-wrap: anywhere; }
.tp-line.tp-later { visibility: hidden; }
.tp-line.tp-current { border-left-color: ${HIGHLIGHT}; background: #fff5dc; }
.tp-loss { font-weight: 600; }
.tp-status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.tp-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin-bottom: 4px; }
.tp-head .tp-title { margin: 0; }
.tp-buttons { display: flex; flex-wrap: wrap; gap: 6px; flex: 1 1 auto; }
.tp-close { margin-left: auto; }
.tp-body { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: flex-start; }
.tp-body .tp-lines { flex: 1 1 260px; min-width: 0; }
.tp-line.tp-backward.tp-later, .tp-in-backward .tp-forward { display: none; }
.tp-line.tp-backward { color: #7a2a14; }
.tp-detail { flex: 1 1 280px; min-width: 0; min-height: 13em; padding-left: 10px; border-left: 1px solid #e2e4e6; font-variant-numeric: tabular-nums; }
.tp-detail:empty { display: none; }
.trace { container-type: inline-size; }
@container (max-width: 520px) {
  .tp-detail { order: -1; min-height: 0; padding: 0 0 6px; border-left: 0; border-bottom: 1px solid #e2e4e6; }
}
.tp-d { margin: 2px 0; overflow-wrap: anywhere; }
.tp-d-title { margin: 0 0 2px; font-size: 12px; font-weight: 600; }
.tp-d-hint { color: #6b747c; }
.tp-d-terms, .tp-d-delta, .tp-d-rule { font-weight: 600; }
.tp-d-fx { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.tp-d-plot { width: 160px; height: 84px; flex: none; color: #3b434b; border: 1px solid #e2e4e6; border-radius: 3px; background: #fff; }
.tp-d-update { margin-top: 4px; }

.trace-panel .explain-legend { margin: 0 0 6px; }
.explain-legend { margin: 6px 0 0; padding: 4px 8px; border-left: 3px solid #c4c7ca; font-size: 11px; line-height: 1.4; color: #3b434b; }
.xl-text, .xl-largest, .xl-empty { margin: 0; }
.xl-empty { font-weight: 600; color: #8a4b00; }
.xl-largest { font-variant-numeric: tabular-nums; }
.xl-swatch { display: inline-block; width: 14px; height: 4px; margin-left: 2px; vertical-align: middle; border-radius: 2px; }
.xl-pos { background: #0877bd; }
.xl-neg { background: #f59322; }
.xl-scale { max-width: 260px; margin: 3px 0; }
.xl-bar { height: 8px; border-radius: 2px; background: linear-gradient(to right, rgb(232,234,235), rgb(176,28,28)); }
.xl-ticks { display: flex; justify-content: space-between; font-variant-numeric: tabular-nums; }

.ov-label {
  position: absolute;
  z-index: 1;
  display: flex;
  flex-direction: column;
  padding: 0 2px;
  border-radius: 2px;
  background: rgba(255, 255, 255, 0.9);
  box-shadow: 0 0 0 0.5px rgba(0, 0, 0, 0.18);
  color: #1d2327;
  font: 9px/1.15 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  white-space: nowrap;
  pointer-events: none;
}
.ov-label-in { font-weight: 600; }
.ov-label-inside { padding: 0 1px; font-size: 8px; line-height: 1.1; background: rgba(255, 255, 255, 0.82); }
.nv-neuron.ov-faded, .nv-bias.ov-faded { opacity: 0.25; }
.nv-neuron.ov-current { box-shadow: 0 0 0 2px ${HIGHLIGHT}; }
`;

// Dark colours for theme="dark" and for theme="auto" when the system asks for dark.
const DARK_RULES = `
.info-btn { background: #262d33; border-color: #4a535b; color: #b3bcc4; }
.info-btn:hover, .info-btn[aria-expanded=true] { background: #203240; border-color: #4aa3df; color: #8fc3e6; }
.info-pop, .tour-pop { background: #232a30; border-color: #3b434b; color: #dfe4e8; box-shadow: 0 4px 18px rgba(0, 0, 0, 0.5); }
.tour-count { color: #9aa4ad; }
.tour-btn, .tp-btn { background: #262d33; border-color: #3b434b; }
.tour-next { background: #2f6f8f; border-color: #2f6f8f; }
.trace-panel { background: #20262b; border-color: #3b434b; }
.tp-title { color: #b3bcc4; }
.tp-line.tp-current { background: #3a3120; }
.tp-line.tp-backward { color: #f0b9a6; }
.tp-d-plot { background: #1c2126; color: #c9d1d8; border-color: #3b434b; }
.explain-legend { color: #c9d1d8; border-left-color: #4a535b; }
.xl-empty { color: #f0b46a; }
.warn-note { background: #3a3120; border-color: #8a6a22; color: #f3e6c4; }
.ov-label { background: rgba(28, 33, 38, 0.9); color: #e8ecef; box-shadow: 0 0 0 0.5px rgba(255, 255, 255, 0.2); }
`;

function scoped(host, rules) {
  return rules.trim().split('\n').map((rule) => {
    const brace = rule.indexOf('{');
    const selectors = rule.slice(0, brace).split(',').map((s) => `${host} ${s.trim()}`).join(', ');
    return `${selectors} ${rule.slice(brace)}`;
  }).join('\n');
}

export const EXPLAIN_CSS = `${LIGHT}
${scoped(':host([theme=dark i])', DARK_RULES)}
@media (prefers-color-scheme: dark) {
${scoped(':host([theme=auto i])', DARK_RULES)}
}
@media (prefers-reduced-motion: no-preference) {
  .tp-line { transition: background-color 0.2s; }
}
`;
