// The arrows between web/'s folders (ARCHITECTURE.md): every import, re-export, dynamic import,
// `new URL(..., import.meta.url)` and `new Worker(...)` in web/**/*.js is read, each file is
// mapped to its folder, and an arrow the table below does not allow, a module cycle, a missing
// target or a file outside the known folders fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'web');
const MAX_LINES = 400;

// Which folders each folder may import (its own files always). Down the page only:
// element -> playground -> controls/explain/network -> views -> state, playground -> engine;
// shared/ (DOM helpers) sits below all of them and imports nothing.
const ALLOWED = {
  entry: ['element'],                  // web/nnplay.js, the module a page loads
  element: ['playground', 'state', 'shared'],
  playground: ['controls', 'explain', 'runs', 'network', 'views', 'engine', 'export', 'state', 'shared', 'images', 'wide'],  // playground.js + playground/
  runs: ['views', 'state', 'shared'],  // run history, runs panel, sweeps: engines come from the playground
  images: ['explain', 'network', 'views', 'state', 'shared'],  // picture data sets' views, loaded on first use
  wide: [],                            // wide CSV data's slice picker, loaded on first use (h comes from the playground)
  controls: ['views', 'state', 'shared'],
  explain: ['network', 'views', 'state', 'shared'],
  network: ['views', 'state', 'shared'],
  views: ['state', 'shared'],
  export: ['state', 'shared'],         // the model export (a lazy chunk): code, ONNX, the summary
  engine: ['state', 'gen'],
  state: ['gen'],  // gen/limits.js: the engine's own settings table, written by the build
  shared: [],
  gen: [],                             // the Emscripten glue and wasm files, generated
};

// The folder (layer) a path under web/ belongs to; null for one outside every known folder.
function layerOf(relative) {
  if (relative === 'nnplay.js') return 'entry';
  if (relative === 'playground.js') return 'playground';
  const [first, ...rest] = relative.split('/');
  return rest.length && first in ALLOWED && first !== 'entry' ? first : null;
}

function webModules(dir = WEB) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== path.join(WEB, 'gen') && full !== path.join(WEB, 'examples')) out.push(...webModules(full));
    } else if (entry.name.endsWith('.js')) {
      out.push(full);
    }
  }
  return out;
}

// Block comments and whole-line comments go first, so a path named in prose is not an import.
function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
}

const REFERENCE_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,   // import x from / export x from
  /\bimport\s*(['"])([^'"]+)\1/g,                               // import 'side-effect'
  /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,                        // import('dynamic')
  /\bnew\s+URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g,
  /\bnew\s+Worker\(\s*(['"])([^'"]+)\1/g,                       // a Worker named by a bare string
];

// Every relative reference of `file`: { from, to } as paths relative to web/.
function referencesOf(file) {
  const source = stripComments(readFileSync(file, 'utf8'));
  const found = [];
  for (const pattern of REFERENCE_PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const spec = match[2];
      assert.ok(spec.startsWith('./') || spec.startsWith('../'),
        `${path.relative(WEB, file)} imports '${spec}': web/ has no bare imports (nothing is bundled in dev)`);
      found.push({ from: path.relative(WEB, file), to: path.relative(WEB, path.resolve(path.dirname(file), spec)) });
    }
  }
  return found;
}

const modules = webModules();
const references = modules.flatMap(referencesOf);

test('the scan sees the modules and their imports (a broken parser must not pass for want of arrows)', () => {
  assert.ok(modules.length >= 40, `found ${modules.length} modules under web/`);
  assert.ok(references.length >= 70, `found ${references.length} references`);
  assert.ok(references.some((r) => r.from === 'engine/engine.js' && r.to === 'engine/worker.js'), 'the Worker URL is read');
  assert.ok(references.some((r) => r.from === 'engine/worker.js' && r.to === 'gen/nncore.mjs'), 'the glue import is read');
});

test('every web module lives in a known folder, and every folder says what it owns', () => {
  for (const file of modules) {
    const relative = path.relative(WEB, file);
    assert.ok(layerOf(relative), `web/${relative} is in no folder of the table in this test: add its folder there and to ARCHITECTURE.md`);
  }
  for (const folder of Object.keys(ALLOWED).filter((f) => !['entry', 'gen'].includes(f))) {
    assert.ok(existsSync(path.join(WEB, folder, 'README.md')), `web/${folder}/README.md says what the folder owns`);
  }
});

test('every import points along the arrows, at a file that exists', () => {
  const wrong = [];
  for (const { from, to } of references) {
    const source = layerOf(from);
    const target = to.startsWith('gen/') ? 'gen' : layerOf(to);
    if (target !== 'gen' && !existsSync(path.join(WEB, to))) wrong.push(`web/${from} -> web/${to}: no such file`);
    else if (!target) wrong.push(`web/${from} -> web/${to}: outside every known folder`);
    else if (source !== target && !ALLOWED[source].includes(target)) {
      const rule = ALLOWED[source].length ? `may import only ${ALLOWED[source].join(', ')}` : 'imports nothing outside itself';
      wrong.push(`web/${from} (${source}) -> web/${to} (${target}): ${source}/ ${rule}`);
    }
  }
  assert.deepEqual(wrong, []);
});

// Depth-first search with three colours; returns the first cycle found as a list of nodes.
function findCycle(edges) {
  const colour = new Map();
  const stack = [];
  const visit = (node) => {
    colour.set(node, 'grey');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (colour.get(next) === 'grey') return [...stack.slice(stack.indexOf(next)), next];
      if (!colour.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    colour.set(node, 'black');
    return null;
  };
  for (const node of edges.keys()) {
    if (!colour.has(node)) {
      const cycle = visit(node);
      if (cycle) return cycle;
    }
  }
  return null;
}

test('no module imports itself round a circle, and the folder table has no circle either', () => {
  const edges = new Map();
  for (const { from, to } of references) edges.set(from, [...(edges.get(from) ?? []), to]);
  assert.equal(findCycle(edges)?.join(' -> ') ?? null, null);
  assert.equal(findCycle(new Map(Object.entries(ALLOWED)))?.join(' -> ') ?? null, null);
});

test(`no web module is over ${MAX_LINES} lines`, () => {
  const long = modules.map((file) => [path.relative(WEB, file), readFileSync(file, 'utf8').split('\n').length - 1])
    .filter(([, lines]) => lines > MAX_LINES);
  assert.deepEqual(long, []);
});

test('core/ holds no Emscripten and no JavaScript (the wasm layer binds it; README: Layout)', () => {
  const CORE = path.join(ROOT, 'core');
  const found = readdirSync(CORE).filter((name) => /\.(cpp|hpp)$/.test(name))
    .filter((name) => /emscripten|EM_JS|EM_ASM|__EMSCRIPTEN__/.test(readFileSync(path.join(CORE, name), 'utf8')));
  assert.deepEqual(found, []);
});
