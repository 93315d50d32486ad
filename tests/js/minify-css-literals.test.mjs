// The build's CSS-literal minifier (scripts/minify-css-literals.mjs): what it must keep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

test('comments and spare whitespace go; placeholders, strings and var() fallbacks stay', () => {
  const src = 'const A_CSS = `\n/* why */\n.a, .b {\n  font: 1px "Segoe  UI, x";\n  width: var(--w, 3px);\n}\n${X} .c { color: ${C}; }\n`;';
  assert.equal(minifyCssLiterals(src),
    'const A_CSS = `.a,.b{font: 1px "Segoe  UI, x";width: var(--w, 3px)}\n${X} .c{color: ${C}}`;');
});

test('rules stay one a line (explain.css.js splits its dark rules by line)', () => {
  const out = minifyCssLiterals('const DARK = `\n.a { color: red; }\n.b { color: blue; }\n`;');
  assert.deepEqual(out.slice(14, -2).split('\n'), ['.a{color: red}', '.b{color: blue}']);
});

test('prose literals and nested templates are left alone', () => {
  const src = 'const TEXT = `a, b; c`; const B_CSS = `${list.map((n) => `:not(${n}) , x`).join(\'\')} { top: 0; }`;';
  assert.equal(minifyCssLiterals(src), 'const TEXT = `a, b; c`; const B_CSS = `${list.map((n) => `:not(${n}) , x`).join(\'\')}{top: 0}`;');
});
