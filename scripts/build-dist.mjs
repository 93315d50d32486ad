// Writes dist/, the copy-anywhere distribution: nnplay.js (one ES module defining
// <nn-playground>), nnplay-worker.js (the worker with the Emscripten glue inside), nncore.wasm
// (and nncore-scalar.wasm for browsers without SIMD128), the standalone page, embed.html and
// examples/. Every asset is found relative to nnplay.js's own URL, so the folder works
// wherever it is copied. Prints the gzipped sizes and warns (on
// stderr) when a page with one playground would transfer more than BUDGET_BYTES; the browser
// test tests/browser/embed.test.mjs fails on it, and `--strict` makes the build fail too.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeChunks } from './merge-chunks.mjs';
import { writeFashionAsset } from './fashion-asset.mjs';
import { execFileSync } from 'node:child_process';
import { writeTypes } from './build-types.mjs';
import { cssLiteralsPlugin } from './minify-css-literals.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WEB = path.join(ROOT, 'web');
const BUDGET_BYTES = 150 * 1024;
const MODULE = 'nnplay.js';
const WORKER = 'nnplay-worker.js';
const TARGET = ['chrome100', 'firefox110', 'safari16.4'];
// Copied as they are: the pages load nnplay.js, which is web/nnplay.js unbundled and the bundle here.
const STATIC = ['index.html', 'embed.html', 'examples/blog-post.html', 'page.css', 'embed.css', 'favicon.svg',
  'examples/blog-post.css'];

// Rewrites the one `new URL('<from>', import.meta.url)` in the files matching `filter` to `to`,
// for each [from, to] of `pairs`: web/ keeps the worker and the wasm modules in other places
// than dist/ does.
function urlPlugin(name, filter, ...pairs) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [from, to] of pairs) {
          const quoted = from.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
          const pattern = new RegExp(`new URL\\((['"])${quoted}\\1, import\\.meta\\.url\\)`, 'g');
          const found = source.match(pattern)?.length ?? 0;
          if (found !== 1) throw new Error(`${path.basename(args.path)}: expected one new URL('${from}', import.meta.url), found ${found}`);
          source = source.replace(pattern, `new URL('${to}', import.meta.url)`);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}

// engine/engine.js names its worker './worker.js' (right for web/); in dist/ the worker is the bundle.
const workerUrlPlugin = urlPlugin('nnplay-worker-url', /[\\/]web[\\/]engine[\\/]engine\.js$/, ['./worker.js', `./${WORKER}`]);
// engine/worker.js finds the scalar build in web/gen/ and its image code next to itself; in dist/
// both lie next to the worker bundle, the image code as a bundle of its own.
const IMAGE_WORKER = 'nnplay-worker-images.js';
const scalarUrlPlugin = urlPlugin('nnplay-scalar-url', /[\\/]web[\\/]engine[\\/]worker\.js$/,
  ['../gen/nncore-scalar.wasm', './nncore-scalar.wasm'], ['./image-data.js', `./${IMAGE_WORKER}`]);
// The image code finds the clothing asset in web/gen/fashion/; in dist/ in fashion/.
// The image engine's two builds (nncore-images*.wasm) too.
const fashionUrlPlugin = urlPlugin('nnplay-fashion-url', /[\\/]web[\\/]engine[\\/]image-data\.js$/, ['../gen/fashion/', './fashion/'],
  ['../gen/nncore-images.wasm', './nncore-images.wasm'], ['../gen/nncore-images-scalar.wasm', './nncore-images-scalar.wasm']);

// The image engine runs through the 2-D engine's glue (image-data.js): the two glues may differ
// only in the name of their .wasm, or the image engine would miss an import it needs.
async function checkSharedGlue() {
  const [points, images] = await Promise.all(['nncore.mjs', 'nncore-images.mjs'].map((f) => readFile(path.join(WEB, 'gen', f), 'utf8')));
  if (images.replaceAll('nncore-images.wasm', 'nncore.wasm') !== points) {
    throw new Error('web/gen/nncore-images.mjs differs from nncore.mjs beyond the wasm name: the image engine cannot share the 2-D glue');
  }
}
// The picture views (web/images/) are a bundle of their own, with their own copies of the few
// small modules they share with nnplay.js: as a chunk of the split build they would cut those
// modules out of nnplay.js into shared chunks, and every chunk costs the first load bytes.
const IMAGES = 'nnplay-images.js';
const imagesPlugin = {
  name: 'nnplay-images',
  setup(build) {
    build.onResolve({ filter: /[\\/]images[\\/]image-panel\.js$/ }, () => ({ path: `./${IMAGES}`, external: true }));
  },
};

// dist/'s glue only ever runs in a browser's worker: its Node branch (file reads, process
// handlers) is dropped by writing `false` for the environment test, which the minifier folds away.
const NODE_TEST = 'var ENVIRONMENT_IS_NODE=typeof process=="object"&&typeof process.versions=="object"&&typeof process.versions.node=="string";';
const glueNodePlugin = {
  name: 'nnplay-glue-browser',
  setup(build) {
    build.onLoad({ filter: /[\\/]web[\\/]gen[\\/]nncore\.mjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(NODE_TEST)) throw new Error('nncore.mjs: the Emscripten glue no longer tests for Node as expected');
      return { contents: source.replace(NODE_TEST, '').replace(/\bENVIRONMENT_IS_NODE\b/g, 'false'), loader: 'js' };
    });
  },
};

async function bundle(entry, outfile, extra = {}) {
  await esbuild.build({
    entryPoints: [path.join(WEB, entry)], outfile, bundle: true, format: 'esm', minify: true,
    target: TARGET, platform: 'browser', legalComments: 'none', logLevel: 'warning', ...extra,
  });
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await listFiles(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

// strict: throw when over BUDGET_BYTES rather than warn.
export async function buildDist({ outDir = path.join(ROOT, 'dist'), quiet = false, strict = false } = {}) {
  const modules = ['nncore.wasm', 'nncore-scalar.wasm', 'nncore-images.wasm', 'nncore-images-scalar.wasm'];
  for (const file of [...modules, 'nncore-images.mjs']) {
    await readFile(path.join(WEB, 'gen', file)).catch(() => { throw new Error(`web/gen/${file} is missing: run npm run build:wasm first`); });
  }
  await checkSharedGlue();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'examples'), { recursive: true });

  // Split: what the first paint does not need waits for a dynamic import() at its first use
  // (a followed point's panel, the guided tour, the long explanation texts, the share dialog)
  // and becomes a chunk of its own next to nnplay.js; esbuild resolves each against the
  // importing module's URL. Code both nnplay.js and a lazy chunk use goes into shared chunks
  // that nnplay.js imports statically: they load with it and count.
  const split = {
    bundle: true, format: 'esm', minify: true, target: TARGET, platform: 'browser', legalComments: 'none', logLevel: 'warning',
  };
  const { metafile, outputFiles } = await esbuild.build({
    ...split, entryPoints: { nnplay: path.join(WEB, MODULE) }, outdir: outDir, splitting: true,
    chunkNames: 'nnplay-[name]-[hash]', plugins: [workerUrlPlugin, imagesPlugin, cssLiteralsPlugin], metafile: true, write: false,
  });
  // What loads before any interaction: nnplay.js and, transitively, every chunk it imports
  // statically. The rest wait for a dynamic import.
  const output = (file) => metafile.outputs[path.relative(ROOT, path.join(outDir, file)).split(path.sep).join('/')];
  const statics = [];
  for (const queue = [MODULE]; queue.length;) {
    for (const { kind, path: file } of output(queue.shift())?.imports ?? []) {
      const name = path.basename(file);
      if (kind === 'import-statement' && !statics.includes(name)) { statics.push(name); queue.push(name); }
    }
  }
  const texts = new Map(outputFiles.map((f) => [path.basename(f.path), f.text]));
  const merged = statics.length > 1 ? await mergeChunks(texts, (name) => output(name).exports, statics, split) : null;
  const files = merged?.files ?? texts;
  const eager = merged ? [merged.shared] : statics;
  const chunks = [...files.keys()].filter((file) => file !== MODULE);
  for (const [file, text] of files) await writeFile(path.join(outDir, file), text);
  // The picture views, a bundle of their own (see imagesPlugin).
  await bundle('images/image-panel.js', path.join(outDir, IMAGES), { plugins: [cssLiteralsPlugin] });
  chunks.push(IMAGES);
  // The glue's Node branch requires fs and path; in a browser that branch never runs.
  await bundle('engine/worker.js', path.join(outDir, WORKER), { external: ['fs', 'path'], plugins: [scalarUrlPlugin, glueNodePlugin] });
  // The worker's image code, imported only for image data, and the clothing images it fetches.
  await bundle('engine/image-data.js', path.join(outDir, IMAGE_WORKER), { plugins: [fashionUrlPlugin] });
  chunks.push(IMAGE_WORKER);
  const fashion = await writeFashionAsset([path.join(outDir, 'fashion'), path.join(WEB, 'gen', 'fashion')]);
  // A browser fetches one of each two: the scalar builds only where SIMD128 is missing, the image
  // engine only for image data.
  for (const file of modules) await copyFile(path.join(WEB, 'gen', file), path.join(outDir, file));
  for (const file of STATIC) await copyFile(path.join(WEB, file), path.join(outDir, file));
  // What the package declares besides the code: TypeScript types and the custom-elements manifest
  // (package.json's `types` and `customElements`), both derived from the element and the SCHEMA.
  await writeTypes(outDir);
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze',
    '--config', 'custom-elements-manifest.config.mjs', '--outdir', path.relative(ROOT, outDir) || '.'],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  // The standalone page's stylesheet counts in the budget: shipped minified.
  const pageCss = await readFile(path.join(WEB, 'page.css'), 'utf8');
  await writeFile(path.join(outDir, 'page.css'), (await esbuild.transform(pageCss, { loader: 'css', minify: true, target: TARGET })).code);

  const sizes = {};
  for (const file of (await listFiles(outDir)).filter((f) => !f.startsWith('fashion'))) {
    const bytes = await readFile(path.join(outDir, file));
    sizes[file] = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  // What a page with one playground fetches from us: JS, wasm and the page's CSS.
  const onePlayground = [MODULE, ...eager, WORKER, 'nncore.wasm', 'page.css'];
  const total = onePlayground.reduce((sum, file) => sum + sizes[file].gzip, 0);
  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
    console.log(`nnplay: wrote ${path.relative(process.cwd(), outDir) || '.'}/`);
    for (const [file, s] of Object.entries(sizes)) console.log(`  ${file.padEnd(28)} ${kb(s.raw)}  gzip ${kb(s.gzip)}`);
    console.log(`  one playground (${onePlayground.join(' + ')}), gzip: ${kb(total)} of ${kb(BUDGET_BYTES)} allowed`);
    const lazy = chunks.filter((file) => !eager.includes(file));
    for (const file of lazy) console.log(`  later, on first use: ${file.padEnd(40)} gzip ${kb(sizes[file].gzip)}`);
    const images = [IMAGES, IMAGE_WORKER, 'nncore-images.wasm'];
    console.log(`  a picture playground adds (${images.join(' + ')}), gzip: ${kb(images.reduce((sum, file) => sum + sizes[file].gzip, 0))}`);
    console.log(`  clothing images (fashion/, stored gzipped): default three classes ${kb(fashion.totals.default)}, all ten ${kb(fashion.totals.all)}`);
  }
  if (total > BUDGET_BYTES) {
    const message = `a page with one playground transfers ${total} B gzipped, over the ${BUDGET_BYTES} B budget`;
    if (strict) throw new Error(message);
    if (!quiet) console.warn(`nnplay: WARNING: ${message}`);
  }
  return { sizes, total, budget: BUDGET_BYTES, outDir, eager: onePlayground, lazy: chunks.filter((file) => !eager.includes(file)), fashion };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outArg = args.find((a) => !a.startsWith('--'));
  await buildDist({ strict: args.includes('--strict'), ...(outArg ? { outDir: path.resolve(outArg) } : {}) });
}
