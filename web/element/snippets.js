// Text for sharing a playground's setup: the permalink, the <nn-playground> snippet with one
// attribute per non-default setting (loading the module from where this page has it, or from
// a CDN pinned to this package version), the iframe snippet and the listener that sizes the
// iframe. Pure functions of a state and the URL of the module that defines the element
// (web/nnplay.js, or dist/nnplay.js bundled).
import { SCHEMA, serializeHash } from '../state/state.js';
import { defaultFor } from '../state/picture-defaults.js';
import { toKebab, toCamel } from './attribute-names.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from './package-info.js';
import { HEIGHT_MESSAGE } from './frame-height.js';

const WRAP_COLUMNS = 90;
export const IFRAME_HEIGHT = 560;

export { toKebab, toCamel } from './attribute-names.js';

function escapeAttribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// [[attribute, value], ...] for every setting that differs from its default (for pictures,
// their own where they have one), in SCHEMA order, then `hide` for hidden controls.
export function attributesFor(state) {
  const out = [];
  for (const [key, spec] of Object.entries(SCHEMA)) {
    const value = state[key] ?? spec.default;
    if (sameValue(value, defaultFor(key, state, spec.default))) continue;
    out.push([toKebab(key), Array.isArray(value) ? value.join(',') : String(value)]);
  }
  if (state.hidden?.length) out.push(['hide', state.hidden.join(',')]);
  return out;
}

// Attributes joined after `start`, wrapped onto indented lines past WRAP_COLUMNS.
function wrapAttributes(start, attributes, end) {
  const lines = [start];
  for (const [name, value] of attributes) {
    const part = `${name}="${escapeAttribute(value)}"`;
    const last = lines.length - 1;
    if (lines[last].length + part.length + 1 > WRAP_COLUMNS && lines[last].trim() !== start) lines.push(`  ${part}`);
    else lines[last] += ` ${part}`;
  }
  lines[lines.length - 1] += end;
  return lines.join('\n');
}

export function permalink(state, moduleUrl) {
  return `${new URL('index.html', moduleUrl).href}#${serializeHash(state)}`;
}

export function elementSnippet(state, moduleUrl) {
  const script = `<script type="module" src="${escapeAttribute(new URL(moduleUrl).href)}"></script>`;
  return `${script}\n${wrapAttributes('<nn-playground', attributesFor(state), '></nn-playground>')}`;
}

// The module on jsDelivr at an exact version: a later release cannot change a published post.
export function cdnUrl(version = PACKAGE_VERSION) {
  return `https://cdn.jsdelivr.net/npm/${PACKAGE_NAME}@${version}/dist/nnplay.js`;
}

export function cdnSnippet(state, version = PACKAGE_VERSION) {
  return elementSnippet(state, cdnUrl(version));
}

// For the page that holds the iframe: sets each nnplay iframe's height from its messages.
export function heightListenerSnippet() {
  return ['<script>', `addEventListener('message', (e) => { if (e.data?.type !== '${HEIGHT_MESSAGE}') return;`,
    '  const f = [...document.querySelectorAll(\'iframe\')].find((f) => f.contentWindow === e.source);',
    '  if (f) f.height = String(Math.ceil(e.data.height)); });', '</script>'].join('\n');
}

// The hash with only what differs from the defaults (parseHash fills in the rest).
function compactHash(state) {
  const changed = new Set(attributesFor(state).map(([name]) => toCamel(name)));
  return serializeHash(state).split('&').filter((part) => {
    const key = part.slice(0, part.indexOf('='));
    return changed.has(key) || key.endsWith('_hide');
  }).join('&');
}

export function iframeSnippet(state, moduleUrl) {
  const src = `${new URL('embed.html', moduleUrl).href}#${compactHash(state)}`;
  return wrapAttributes('<iframe', [['src', src], ['title', 'Neural network playground'], ['width', '100%'],
    ['height', String(IFRAME_HEIGHT)], ['loading', 'lazy']], '></iframe>');
}
