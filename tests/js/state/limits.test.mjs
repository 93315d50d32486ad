// The page's schema (web/state.js) accepts exactly what the engine accepts: each engine key's
// bounds, the values just beyond them and every choice are judged by both, the page through
// coerce() and the engine through validateConfig(). A key the page refuses falls back to its
// default with a message, and the rest of the hash still reaches the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCHEMA, coerce, parseHash, engineConfigText } from '../../../web/state/state.js';
import { loadNnCore } from '../load-wasm.mjs';
import { settingsTable } from '../../../scripts/settings-table.mjs';

const nn = await loadNnCore();
const engineAccepts = (key, value) => nn.validateConfig(`${key}=${value}`).length === 0;
// Through parseHash, which also applies the rules between keys (a layer wider than point data allows).
const pageAccepts = (key, value) => !('error' in coerce(key, value)) && parseHash(`${key}=${encodeURIComponent(value)}`).errors.length === 0;
const ENGINE_TABLE = settingsTable().settings;

// Values worth asking both about, for a spec of the page's.
function probes(key, spec) {
  switch (spec.type) {
    case 'int': return [spec.min, spec.max, spec.min - 1, spec.max + 1, 0, 1, 49, 50].map(String);
    case 'number': return [spec.min, spec.max, spec.min - 1e-6, spec.max * 1.001, 0].map(String);
    case 'enum': return [...spec.values, 'nope'];
    case 'bool': return ['true', 'false'];
    case 'intList': return ['', String(spec.min), String(spec.max), String(spec.max + 1), '0', Array(spec.maxEntries + 1).fill(1).join(','),
      ...(spec.pointMax ? [String(spec.pointMax), String(spec.pointMax + 1)] : [])];
    // Two entries: one per hidden layer of the default network (a rule between keys).
    case 'enumList': return ['', `${spec.values[0]},${spec.values.at(-1)}`, 'nope,relu',
      ...(spec.minEntries ? ['all', spec.values[0], `${spec.values[0]},${spec.values[0]}`, spec.values.slice(0, spec.maxEntries).join(',')] : [])];
    case 'string': return ['', 'abc', 'a'.repeat(spec.maxLength), 'a'.repeat(spec.maxLength + 1), 'a b'];
    default: throw new Error(`${key}: no probes for ${spec.type}`);
  }
}

test('every engine key: the page and the engine accept the same values', () => {
  const engineKeys = Object.entries(SCHEMA).filter(([key, spec]) => spec.engine && key in ENGINE_TABLE);
  assert.ok(engineKeys.length >= 35, `${engineKeys.length} engine keys`);
  const disagreements = [];
  for (const [key, spec] of engineKeys) {
    for (const value of probes(key, spec)) {
      const page = pageAccepts(key, value);
      // The page keeps the Playground's batch sizes (pageMax): it may refuse what the engine takes, never the reverse.
      const engine = engineAccepts(key, value);
      const narrower = ENGINE_TABLE[key].pageMax !== undefined && !page && engine;
      if (page !== engine && !narrower) disagreements.push(`${key}=${value}: page ${page}, engine ${engine}`);
    }
  }
  assert.deepEqual(disagreements, []);
});

test('the page\'s defaults are the engine\'s', () => {
  const defaults = nn.validateConfig('');
  assert.deepEqual(defaults, []);
  for (const [key, spec] of Object.entries(SCHEMA)) {
    if (!(key in ENGINE_TABLE)) continue;
    assert.deepEqual(spec.default, ENGINE_TABLE[key].default, key);
  }
});

test('numSamples 1 to 49 falls back to its default with a message; the other keys still apply', () => {
  for (const n of [1, 20, 49]) {
    const { state, errors } = parseHash(`numSamples=${n}&noise=10&dataset=xor`);
    assert.equal(state.numSamples, 0);
    assert.equal(state.noise, 10);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /^numSamples: "\d+" is out of range; allowed 0 \(the default\) or 50 to 2000$/);
    assert.deepEqual(nn.validateConfig(engineConfigText(state)), []);
  }
  assert.equal(parseHash('numSamples=50').state.numSamples, 50);
});
