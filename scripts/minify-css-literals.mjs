// An esbuild plugin for dist/: the CSS the element adopts is written as template literals
// (`const SOME_CSS = \`...\``) with comments, indentation and one declaration a line; esbuild
// keeps template text as it is. This drops the comments and the whitespace CSS does not need.
// Newlines after a closing brace stay (explain.css.js splits its dark rules by line), and
// ${...} placeholders and quoted strings are copied untouched.
import { readFile } from 'node:fs/promises';

const START = /\b[A-Z][A-Z0-9_]* = `/g;

function minifyText(text) {
  if (text.includes('/*') && !/\/\*[\s\S]*?\*\//.test(text)) throw new Error('a CSS comment spans a ${} placeholder');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/).map((part, i) => {
    if (i % 2) return part;
    return part.replace(/\s*\n\s*/g, '\n').replace(/[ \t]+/g, ' ')
      .replace(/ ?([{};,]) ?/g, '$1').replace(/([{;,])\n/g, '$1').replace(/\n([{};,])/g, '$1')
      .replace(/;}/g, '}')
      // A var()'s fallback is kept as written, space included (the CSSOM serialises it so).
      .replace(/(var\(--[\w-]+),(?! )/g, '$1, ');
  }).join('');
}

// The end of the ${...} expression that starts at `i` (just after `${`).
function skipExpression(src, i) {
  for (let depth = 1; i < src.length; i++) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
    else if (c === '`') i = skipTemplate(src, i + 1).end;
    else if (c === '"' || c === "'") { for (i++; src[i] !== c; i++) if (src[i] === '\\') i++; }
  }
  throw new Error('unterminated ${ in a template literal');
}

// Parses the template literal whose text starts at `i`: its static parts and placeholders.
function skipTemplate(src, i) {
  const parts = [];
  let text = '';
  for (; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') { text += c + src[++i]; continue; }
    if (c === '`') { parts.push({ text }); return { parts, end: i }; }
    if (c === '$' && src[i + 1] === '{') {
      const end = skipExpression(src, i + 2);
      parts.push({ text }, { code: src.slice(i, end + 1) });
      text = '';
      i = end;
      continue;
    }
    text += c;
  }
  throw new Error('unterminated template literal');
}

export function minifyCssLiterals(src) {
  let out = '';
  let last = 0;
  let scanned = 0;
  for (const match of src.matchAll(START)) {
    const begin = match.index + match[0].length;
    if (begin < scanned) continue;
    const { parts, end } = skipTemplate(src, begin);
    scanned = end;
    // Only literals whose text holds a rule: prose in the same files keeps its spaces.
    if (!parts.some((p) => p.text?.includes('{'))) continue;
    const body = parts.map((p) => p.code ?? minifyText(p.text)).join('').replace(/^\s+|\s+$/g, '');
    out += src.slice(last, begin) + body;
    last = end;
  }
  return out + src.slice(last);
}

// Applies to the web/ files whose names say they hold CSS or that export a *_CSS literal.
export const cssLiteralsPlugin = {
  name: 'nnplay-css-literals',
  setup(build) {
    build.onLoad({ filter: /[\\/]web[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/\b[A-Z][A-Z0-9_]*_CSS\b|\.css\.js$/.test(source + args.path)) return undefined;
      return { contents: minifyCssLiterals(source), loader: 'js' };
    });
  },
};
