// The clothing asset: runs tools/fashion_asset (built natively by CMake from the engine's idx
// reader, core/idx.cpp and core/images.cpp) over Debian's Fashion-MNIST files and copies its
// output, one gzipped idx file per class, with the data set's licence notice, into a folder
// (dist/fashion/). The output is cached in build/fashion/ until the tool is rebuilt. Fails when
// the default three classes or all ten would pass their gzipped budgets.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE = '/usr/share/datasets/fashion-mnist';
const COPYRIGHT = '/usr/share/doc/dataset-fashion-mnist/copyright';
const NATIVE = path.join(ROOT, 'build', 'native');
const TOOL = path.join(NATIVE, 'fashion_asset');
const CACHE = path.join(ROOT, 'build', 'fashion');
export const CLASS_KEYS = ['tshirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'boot'];
export const DEFAULT_CLASSES = ['tshirt', 'trouser', 'sneaker'];
// The budgets, gzipped (the files are stored gzipped, so these are their sizes).
export const BUDGETS = { default: 1000 * 1000, all: 4000 * 1000 };

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`fashion asset: '${command} ${args.join(' ')}' failed`);
}

const mtime = (file) => stat(file).then((s) => s.mtimeMs, () => 0);

// The licence notice the MIT licence asks to travel with the images: Debian's record of it.
async function licence() {
  const text = await readFile(COPYRIGHT, 'utf8');
  const expat = text.slice(text.lastIndexOf('License: Expat')).split('\n').slice(1)
    .map((line) => line.replace(/^ /, '').replace(/^\.$/, '')).join('\n').trim();
  return `The images in this folder are a subset of Fashion-MNIST
(https://github.com/zalandoresearch/fashion-mnist), Copyright 2017 Zalando SE,
used under the MIT licence:

${expat}
`;
}

// Writes <key>.idx.gz for every class and LICENSE.txt into each of outDirs; returns each
// file's bytes and the totals of the default three classes and of all ten.
export async function writeFashionAsset(outDirs) {
  run('cmake', ['-S', '.', '-B', NATIVE, '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', NATIVE, '-j2', '--target', 'fashion_asset']);
  const files = CLASS_KEYS.map((key) => `${key}.idx.gz`);
  const built = await mtime(TOOL);
  const cached = await Promise.all(files.map((file) => mtime(path.join(CACHE, file))));
  if (cached.some((t) => t < built)) {
    await mkdir(CACHE, { recursive: true });
    run(TOOL, [SOURCE, CACHE]);
  }
  const sizes = {};
  for (const file of files) sizes[file.replace('.idx.gz', '')] = (await stat(path.join(CACHE, file))).size;
  for (const outDir of outDirs) {
    await mkdir(outDir, { recursive: true });
    for (const file of files) await copyFile(path.join(CACHE, file), path.join(outDir, file));
    await writeFile(path.join(outDir, 'LICENSE.txt'), await licence());
  }
  const sum = (keys) => keys.reduce((total, key) => total + sizes[key], 0);
  const totals = { default: sum(DEFAULT_CLASSES), all: sum(CLASS_KEYS) };
  for (const [set, bytes] of Object.entries(totals)) {
    if (bytes > BUDGETS[set]) throw new Error(`fashion asset: ${set} classes take ${bytes} B gzipped, over ${BUDGETS[set]}`);
  }
  return { sizes, totals };
}
