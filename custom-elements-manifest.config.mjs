// @custom-elements-manifest/analyzer's configuration: it reads web/element/element.js (its
// JSDoc names the presentation attributes, properties, methods and events) and this plugin adds
// one attribute per setting from the SCHEMA (web/state/state.js), the one source of truth for
// every setting's type, default and range, so a setting added there is listed without an edit here.
import { SCHEMA } from './web/state/state.js';

const toKebab = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// A SCHEMA entry's type as a TypeScript type of the attribute's text value.
function typeText(spec) {
  if (spec.type === 'enum') return spec.values.map((v) => `'${v}'`).join(' | ');
  if (spec.type === 'bool') return 'boolean';
  if (spec.type === 'int' || spec.type === 'number') return 'number';
  return 'string';   // intList, enumList ("relu,tanh") and string are comma-separated text
}

function description(key, spec) {
  const range = 'min' in spec && 'max' in spec ? ` (${spec.min} to ${spec.max})` : '';
  const list = spec.type === 'intList' ? `comma-separated, at most ${spec.maxEntries} entries of ${spec.min} to ${spec.max}`
    : spec.type === 'enumList' ? `comma-separated, at most ${spec.maxEntries} of ${spec.values.join(', ')}` : '';
  return `The \`${key}\` setting${range}${list ? `: ${list}` : ''}; also in \`config.${key}\`.`;
}

function schemaAttributes() {
  return {
    name: 'nnplay-schema-attributes',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName !== 'nn-playground') continue;
          // `new CustomEvent(name, ...)` forwards the playground's events; the @fires tags name them.
          decl.events = (decl.events ?? []).filter((event) => event.description);
          const config = decl.members.find((member) => member.name === 'config');
          const defaults = Object.fromEntries(Object.entries(SCHEMA).map(([key, spec]) => [key, spec.default]));
          if (config) config.default = JSON.stringify({ ...defaults, hidden: [] });
          decl.attributes ??= [];
          const known = new Set(decl.attributes.map((a) => a.name));
          for (const [key, spec] of Object.entries(SCHEMA)) {
            const name = toKebab(key);
            if (known.has(name)) continue;
            const value = Array.isArray(spec.default) ? spec.default.join(',') : String(spec.default);
            decl.attributes.push({ name, type: { text: typeText(spec) }, default: JSON.stringify(value),
              description: description(key, spec), fieldName: 'config' });
          }
        }
      }
    },
  };
}

export default {
  globs: ['web/element/element.js'],
  outdir: 'dist',
  // package.json's customElements is written by hand: a build into another folder must not move it.
  packagejson: false,
  plugins: [schemaAttributes()],
};
