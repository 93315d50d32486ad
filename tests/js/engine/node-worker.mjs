// web/engine/worker.js loaded in Node, for the worker tests: `self` for its messages and the
// shims the Emscripten glue needs under Node (it reads the wasm with require('fs') from
// __dirname, and must not see fetch while the module loads, or it would fetch the wasm by path).
// call(op, args, sid) sends one message as engine.js does and resolves with its answer.
// wasmRead lists the wasm files the glue read, by name. fetch is gone until the test puts its
// own back; restoreFetch() gives back Node's.
// withFrozenClock(body) runs body with performance.now() stopped.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const answers = new Map();
export const wasmRead = [];
globalThis.self = { postMessage: (message) => answers.get(message.id)?.(message) };
// The glue names the wasm by its file: URL (new URL('nncore.wasm', import.meta.url)); the shim
// of require('fs') reads such a name as the file it names.
const nodeRequire = createRequire(import.meta.url);
const fs = nodeRequire('fs');
const fromUrl = (name) => (String(name).startsWith('file:') ? fileURLToPath(`file:///${String(name).replace(/^file:\/*/, '')}`) : name);
globalThis.__dirname = fileURLToPath(new URL('../../../web/gen', import.meta.url));
globalThis.require = (name) => {
  if (name === 'path') return { ...nodeRequire('path'), normalize: (file) => file };
  if (name === 'fs') {
    return { ...fs, readFileSync: (file, ...rest) => {
      wasmRead.push(String(file).split('/').pop());
      return fs.readFileSync(fromUrl(file), ...rest);
    } };
  }
  return nodeRequire(name);
};
const realFetch = globalThis.fetch;
delete globalThis.fetch;
export const restoreFetch = () => { globalThis.fetch = realFetch; };
await import('../../../web/engine/worker.js');

let nextId = 1;
export function call(op, args = {}, sid = undefined) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    answers.set(id, (m) => ('error' in m ? reject(new Error(m.error)) : resolve(m.result)));
    self.onmessage({ data: { id, ...(sid === undefined ? {} : { sid }), op, ...args } });
  });
}

// Runs `body` (async) with performance.now() stopped where it is, as a coarse clock (Firefox's
// worker clock: whole milliseconds) reads a fast chunk of training; the clock runs again after.
export async function withFrozenClock(body) {
  const now = performance.now;
  const frozen = now.call(performance);
  performance.now = () => frozen;
  try {
    return await body();
  } finally {
    performance.now = now;
  }
}
