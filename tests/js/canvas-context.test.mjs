// Every 2-D context in web/ comes from shared/canvas.js context2d, so every 2-D canvas of the
// element is CPU-backed (the reason is written there): a getContext('2d') anywhere else would
// make an accelerated canvas, a compositing layer that WebKitGTK pays for on every frame.
// (A 'bitmaprenderer' canvas is no layer in WebKit either: it is not looked for here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gen' ? [] : sources(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

test('only web/shared/canvas.js asks a canvas for a 2-D context', () => {
  const callers = sources(WEB).filter((file) => /\bgetContext\s*(\?\.)?\s*\(\s*['"`]2d/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(WEB, file));
  assert.deepEqual(callers, ['shared/canvas.js']);
});
