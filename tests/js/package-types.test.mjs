// The package's TypeScript declarations (dist/nnplay.d.ts and the generated nnplay-config.d.ts)
// compile against a small page script as a stranger would write it, and reject misuse: tsc
// --noEmit from the `typescript` dev dependency, in a temporary project that imports "nnplay".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA } from '../../web/state/state.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

const GOOD = `import type { NnPlayground, NnPlaygroundConfig, NnPlaygroundMetrics, NnPlaygroundHeightMessage } from 'nnplay';
import 'nnplay';
const el = document.createElement('nn-playground');
const same: NnPlayground = el;
const found: NnPlayground | null = document.querySelector('nn-playground');
el.config = { learningRate: 0.1, networkShape: [8, 8], dataset: 'xor', showTestData: true };
el.config = { learningRate: '0.3' };
const config: NnPlaygroundConfig = el.config;
const rate: number = config.learningRate;
const shape: number[] = config.networkShape;
const m: NnPlaygroundMetrics = el.metrics;
const epoch: number = m.epoch;
el.controls = 'minimal';
el.theme = 'dark';
el.autoplay = true;
el.addEventListener('epoch', (event) => { const e: number = event.detail.epoch; });
el.addEventListener('error', (event) => { const text: string = event.detail.message; });
el.addEventListener('stopped', (event) => { const why: string = event.detail.reason; });
el.addEventListener('select', (event) => { const p: number = event.detail.point; });
const done: Promise<void> = el.step();
const batch: Promise<void> = el.step('batch');
window.addEventListener('message', (event: MessageEvent<NnPlaygroundHeightMessage>) => {
  if (event.data.type === 'nnplay:height') { const h: number = event.data.height; }
});
export { same, found, rate, shape, epoch, done, batch };
`;

// Each must fail to compile: a wrong value type, an unknown choice, a misspelt setting, a detail
// field that does not exist.
const BAD = [
  "document.createElement('nn-playground').config = { learningRate: [1] };",
  "document.createElement('nn-playground').controls = 'some';",
  "document.createElement('nn-playground').config = { learningRat: 0.1 };",
  "document.createElement('nn-playground').addEventListener('epoch', (e) => e.detail.nothing);",
  "const n: string = document.createElement('nn-playground').metrics.epoch;",
  "document.createElement('nn-playground').step('minibatch');",
];

function project(source) {
  const dir = mkdtempSync(path.join(tmpdir(), 'nnplay-types-'));
  const pkg = path.join(dir, 'node_modules', 'nnplay');
  mkdirSync(pkg, { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  cpSync(path.join(ROOT, 'dist'), path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(dir, 'page.ts'), source);
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: {
    strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext',
    lib: ['es2022', 'dom'], noUnusedLocals: false, skipLibCheck: false, types: [] }, files: ['page.ts'] }));
  return dir;
}

function tsc(dir) {
  try {
    execFileSync(process.execPath, [TSC, '--noEmit', '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: `${error.stdout}${error.stderr}` };
  }
}

test('a page script typed against the package compiles with tsc --noEmit', (t) => {
  const dir = project(GOOD);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = tsc(dir);
  assert.ok(result.ok, result.output);
});

test('every SCHEMA setting is typed in NnPlaygroundConfig with its own type', (t) => {
  const lines = Object.entries(SCHEMA).map(([key, spec]) => `const ${key}: ${
    { enum: 'string', bool: 'boolean', int: 'number', number: 'number', intList: 'number[]', enumList: 'string[]', string: 'string' }[spec.type]
  } = c.${key};`);
  const dir = project(`import type { NnPlaygroundConfig } from 'nnplay';\ndeclare const c: NnPlaygroundConfig;\n${lines.join('\n')}\nexport {};\n`);
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = tsc(dir);
  assert.ok(result.ok, result.output);
});

test('misuse of the element does not compile', (t) => {
  for (const line of BAD) {
    const dir = project(`import 'nnplay';\n${line}\nexport {};\n`);
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const result = tsc(dir);
    assert.equal(result.ok, false, `compiled but should not: ${line}`);
    assert.match(result.output, /error TS\d+/, line);
  }
});
