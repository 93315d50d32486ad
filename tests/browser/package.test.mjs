// The package as a stranger gets it: `npm pack`, then `npm install <tarball> --offline` into a
// fresh temporary project (the tarball has no dependencies, so nothing is fetched), then that
// project's node_modules/nnplay/dist/ served as it is, and the element in it must train in
// Chromium with no console error, from the full page and from embed.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './browser.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './drivers/chromium.mjs';

const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('npm pack, npm install of the tarball in a fresh project, and the installed dist/ trains', async (t) => {
  const work = mkdtempSync(path.join(tmpdir(), 'nnplay-pack-'));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT));
  const files = packed.files.map((f) => f.path).sort();
  console.log(`# ${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${files.length} files: ${files.join(' ')}`);
  // dist only (npm adds package.json, README and LICENSE itself); no sources, tests or build trees.
  assert.deepEqual(files.filter((f) => !f.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(f)), []);
  for (const needed of ['dist/nnplay.js', 'dist/nnplay-worker.js', 'dist/nncore.wasm', 'dist/nncore-scalar.wasm',
    'dist/nnplay.d.ts', 'dist/nnplay-config.d.ts', 'dist/custom-elements.json', 'LICENSE']) assert.ok(files.includes(needed), needed);

  const app = path.join(work, 'blog');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'a-blog', version: '1.0.0', private: true }));
  npm(['install', path.join(work, packed.filename), '--offline', '--no-audit', '--no-fund'], app);
  const installed = path.join(app, 'node_modules', 'nnplay');
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined);
  // Every file package.json points at is in the installed package.
  const targets = [manifest.types, manifest.customElements, ...Object.values(manifest.exports)
    .flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v))).filter((v) => !v.includes('*'))];
  for (const target of targets) assert.ok(existsSync(path.join(installed, target)), `package.json names ${target}, not installed`);
  assert.ok(statSync(path.join(installed, 'dist', 'nncore.wasm')).size > 10000);

  const server = await startServer(path.join(installed, 'dist'));
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const base = `http://127.0.0.1:${server.address().port}/`;
  for (const page of ['index.html#dataset=xor&seed=3', 'embed.html#dataset=gauss&seed=3']) {
    const tab = await browser.newPage();
    const problems = [];
    tab.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    tab.on('pageerror', (e) => problems.push(e.message));
    await tab.goto(base + page);
    await tab.waitForFunction(() => document.querySelector('nn-playground')?.metrics.frames > 0, null, { timeout: 20000 });
    await tab.evaluate(() => document.querySelector('nn-playground').play());
    await tab.waitForFunction(() => document.querySelector('nn-playground').metrics.epoch >= 20, null, { timeout: 20000 });
    const m = await tab.evaluate(() => document.querySelector('nn-playground').metrics);
    assert.ok(Number.isFinite(m.trainLoss), `${page}: loss ${m.trainLoss}`);
    assert.deepEqual(problems, [], page);
    await tab.close();
  }
});
