// What the <nn-playground> element adds to the playground's own styles (styles.js): a guard
// against host-page CSS, the `controls`, `theme` and `height` attributes, the attribute-problem
// message and the share button (the dialog brings its own: share-dialog.css.js). Adopted after
// playgroundStyles(), as constructable stylesheets, so a strict `style-src 'self'` policy allows them.

// Inherited properties that styles.js does not set on :host. A page rule that matches the host
// itself (`* { all: unset }`, `main > * { letter-spacing: 5px }`) would otherwise reach every
// element inside the shadow root through inheritance.
const INHERITED_RESETS = {
  'letter-spacing': 'normal', 'word-spacing': 'normal', 'text-transform': 'none', 'text-align': 'start',
  'text-indent': '0', 'text-shadow': 'none', 'text-decoration': 'none', 'white-space': 'normal',
  'word-break': 'normal', 'overflow-wrap': 'normal', 'font-style': 'normal', 'font-variant': 'normal',
  'font-stretch': 'normal', 'font-kerning': 'auto', 'font-feature-settings': 'normal',
  'font-variation-settings': 'normal', 'text-rendering': 'auto', 'visibility': 'visible',
  'cursor': 'auto', 'direction': 'ltr', 'writing-mode': 'horizontal-tb', 'quotes': 'auto',
  'list-style': 'none', 'caret-color': 'auto', 'hyphens': 'manual', 'tab-size': '8',
  '-webkit-text-fill-color': 'currentcolor', '-webkit-text-stroke': '0', 'pointer-events': 'auto',
};

// `controls="minimal"` keeps these data-control names (the run buttons, the epoch count and the
// loss chart) and the toolbar parts named here; `controls="none"` keeps nothing.
const MINIMAL_KEEP = ['play', 'reset', 'step', 'epoch', 'lossChart'];
const MINIMAL_TOOLBAR = ['.run-controls', '.epoch', '.share-button'];

const COMPACT = ':host(:is([controls=minimal i], [controls=none i]))';

const ELEMENT_CSS = `
:host([hidden]) { display: none !important; }
/* The host scrolls, not the rounded .playground: see .playground in styles.js. */
:host([height]) { overflow: auto; }
:host([height]) .playground { min-height: 100%; }

${COMPACT} .column-data, ${COMPACT} .output-options { display: none; }
:host([controls=minimal i]) [data-control]${MINIMAL_KEEP.map((name) => `:not([data-control=${name}])`).join('')},
:host([controls=minimal i]) .toolbar > :not(${MINIMAL_TOOLBAR.join(', ')}),
:host([controls=none i]) [data-control], :host([controls=none i]) .toolbar, :host([controls=none i]) .nv-toolbar,
:host([controls=none i]) .nv-head-buttons { display: none !important; }
/* Two read-outs a row while they fit, one a row in a narrow column. */
.readouts { grid-template-columns: repeat(auto-fit, minmax(max(128px, calc(50% - 8px)), 1fr)); }
${COMPACT} .columns { grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); }
${COMPACT} .column-network { grid-column: auto; grid-row: auto; border: none; }
${COMPACT} .column-output { grid-column: auto; border: none; border-left: 1px solid var(--line); }
@container (max-width: 560px) {
  ${COMPACT} .columns { grid-template-columns: minmax(0, 1fr); }
  ${COMPACT} .column-output { border-left: none; border-top: 1px solid var(--line); }
}

.attribute-message { border-bottom: 1px solid #f5c27a; }
.share-button { margin: 0 0 0 auto; align-self: center; }
`;

// Dark colours, written once and applied both to theme="dark" and to theme="auto" when the
// system asks for dark: [selectors inside the shadow root ('' is the host), declarations].
const DARK_RULES = [
  ['', `--accent: #4aa3df !important; --muted: #9aa4ad !important; --line: #3b434b !important;
    --panel: #1c2126 !important; color: #dfe4e8 !important; color-scheme: dark;`],
  ['.toolbar, .run-controls', 'background: #232a30;'],
  ['h2, .nv-layer-count, .nv-count, .nv-layer-title', 'color: #b3bcc4;'],
  ['.nv-class-names', 'color: #dfe4e8;'],
  ['.play-button', 'background: #2f6f8f;'],
  ['.play-button:hover', 'background: #3b83a8;'],
  ['.icon-button, .text-button, select.control-input, .nv-btn, .nv-card',
    'background: #262d33; color: inherit; border-color: var(--line);'],
  ['.pace-button, .step-button', 'background: #262d33; color: inherit;'],
  ['.pace-button[aria-pressed=true]', 'background: #2f6f8f; color: #fff; border-color: #2f6f8f;'],
  ['.icon-shape', 'fill: #cfd8df;'],
  ['.icon-line', 'stroke: #cfd8df;'],
  ['.dataset-button', 'background: #2a3137;'],
  ['.dataset-button[aria-pressed=true]', 'border-color: #8fc3e6; box-shadow: 0 0 0 1px #8fc3e6;'],
  ['.chart-tip', 'background: rgba(28, 33, 38, .92);'],
  ['.chart-tip:empty', 'background: none;'],
  // The map is drawn translucent over white; keep the white so its colours match the light theme.
  ['.heatmap', 'background: #fff;'],
  ['.loss-chart, .chart-key-line', 'filter: invert(1) hue-rotate(180deg);'],
  ['.nv-root, .nv-feature, .nv-card', 'color: #dfe4e8;'],
  ['.nv-feature.nv-off', 'color: #7d868e;'],
  ['.message, .tool-error', 'background: #3a2a14; color: #ffd59a; border-color: #7a5a25;'],
  ['.advanced', 'background: #20262b;'],
  // Counts over the shaded cells: white reads on every shade the dark panel gives them.
  ['.confusion-table td', 'color: #fff;'],
  ['.advanced summary, .advanced legend, .data-more > summary, .confusion h3, .trace h3', 'color: #b3bcc4;'],
];

function darkRules(host) {
  return DARK_RULES.map(([selectors, declarations]) => {
    const scoped = selectors ? selectors.split(',').map((s) => `${host} ${s.trim()}`).join(', ') : host;
    return `${scoped} { ${declarations} }`;
  }).join('\n');
}

const DARK_CSS = `${darkRules(':host([theme=dark i])')}
@media (prefers-color-scheme: dark) {
${darkRules(':host([theme=auto i])')}
}`;

let sheets = null;

// The host's own declarations from the playground sheet, made !important: for the host element
// a page rule outranks a normal :host rule, but an !important :host rule outranks the page.
function hostGuard(playgroundSheet) {
  const guard = new CSSStyleSheet();
  guard.replaceSync(':host {}');
  const target = guard.cssRules[0].style;
  for (const rule of playgroundSheet.cssRules) {
    if (rule.selectorText !== ':host') continue;
    for (const property of rule.style) target.setProperty(property, rule.style.getPropertyValue(property), 'important');
  }
  for (const [property, value] of Object.entries(INHERITED_RESETS)) target.setProperty(property, value, 'important');
  return guard;
}

// The sheets to adopt after playgroundSheet, shared by every instance.
export function elementStyles(playgroundSheet) {
  if (!sheets) {
    const element = new CSSStyleSheet();
    element.replaceSync(ELEMENT_CSS + DARK_CSS);
    sheets = [hostGuard(playgroundSheet), element];
  }
  return sheets;
}
