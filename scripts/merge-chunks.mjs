// Merges the shared chunks that load with nnplay.js into one file. esbuild's code splitting makes
// one chunk per set of importers, so the code nnplay.js shares with its lazy chunks (the tour,
// the passes, the share dialog) came as four small files, each gzipped with a dictionary of its
// own. One file compresses better (0.5 KB gzipped less for one playground) and is one request.
// The merged chunk re-exports every chunk's names under new short ones; each file that imported
// one of the chunks is bundled again against it, the other chunks staying external.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import path from 'node:path';

const VIRTUAL = 'nnplay-merge';

// files: Map basename -> text of esbuild's in-memory output; exportsOf(name) lists a chunk's
// exports; eager: the chunks nnplay.js imports statically. Returns the new Map and the merged
// chunk's name.
export async function mergeChunks(files, exportsOf, eager, options) {
  const index = new Set(eager);
  const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const short = (n) => (n < LETTERS.length ? LETTERS[n] : short(Math.floor(n / LETTERS.length) - 1) + LETTERS[n % LETTERS.length]);
  // renamed.get(chunk).get(its export) is that name's export in the merged chunk.
  const renamed = new Map();
  let count = 0;
  for (const name of eager) renamed.set(name, new Map(exportsOf(name).map((e) => [e, short(count++)])));
  const reexport = (name, flip) => [...renamed.get(name)].map(([e, s]) => (flip ? `${s} as ${e}` : `${e} as ${s}`)).join(',');
  const entry = eager.map((name) => `export {${reexport(name, false)}} from './${name}';`).join('\n');
  // Resolves ./nnplay*.js among the outputs: `inline` ones are read from memory, the rest stay
  // external; `redirect` turns an eager chunk into re-exports of the merged one.
  const plugin = (inline, redirect) => ({
    name: VIRTUAL,
    setup(build) {
      build.onResolve({ filter: /^\.\/nnplay[^/]*\.js$/ }, (args) => {
        const name = args.path.slice(2);
        if (redirect && index.has(name)) return { path: name, namespace: VIRTUAL };
        return inline.has(name) ? { path: name, namespace: VIRTUAL } : { path: args.path, external: true };
      });
      build.onResolve({ filter: /^virtual:/ }, (args) => ({ path: args.path, namespace: VIRTUAL }));
      build.onLoad({ filter: /.*/, namespace: VIRTUAL }, (args) => {
        if (args.path === 'virtual:shared') return { contents: entry, loader: 'js', resolveDir: '.' };
        if (redirect && index.has(args.path)) {
          return { contents: `export {${reexport(args.path, true)}} from './${redirect}';`, loader: 'js', resolveDir: '.' };
        }
        return { contents: files.get(args.path), loader: 'js', resolveDir: '.' };
      });
    },
  });
  const build = async (entryPoint, inline, redirect) => {
    const result = await esbuild.build({ ...options, entryPoints: [entryPoint], bundle: true, write: false,
      outfile: 'out.js', plugins: [plugin(inline, redirect)] });
    return result.outputFiles[0].text;
  };
  const shared = await build('virtual:shared', new Set(eager), null);
  const hash = createHash('sha256').update(shared).digest('hex').slice(0, 8).toUpperCase();
  const sharedName = `nnplay-shared-${hash}.js`;
  const out = new Map([[sharedName, shared]]);
  for (const [name, text] of files) {
    if (index.has(name)) continue;
    const imports = eager.some((chunk) => text.includes(`"./${chunk}"`));
    out.set(name, imports ? await build(`./${name}`, new Set([name]), sharedName) : text);
  }
  return { files: out, shared: path.basename(sharedName) };
}
