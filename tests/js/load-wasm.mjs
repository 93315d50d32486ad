// Loads the built wasm module in Node 20. Two quirks of emcc 3.1.6's ES6 glue: it reads
// `__dirname` under Node, and it would fetch() the wasm by path, which Node cannot do, so the
// bytes are handed over as wasmBinary.
import { readFile } from 'node:fs/promises';

const GEN = new URL('../../web/gen/', import.meta.url);

// file: 'nncore.wasm' (SIMD128) or 'nncore-scalar.wasm'; both load through the same glue, as
// in the page's worker.
export async function loadNnCore(file = 'nncore.wasm') {
  globalThis.__dirname ??= '.';
  const { default: createNnCore } = await import(new URL('nncore.mjs', GEN).href);
  return createNnCore({ wasmBinary: await readFile(new URL(file, GEN)) });
}
