// The WASM-SIMD peak of this machine, measured in this process: bench/peak.c compiled with
// emcc -O3 -msimd128 (rebuilt when missing or older than its source) and timed like the rest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { timeSideBySide } from './timing.mjs';

const SOURCE = fileURLToPath(new URL('peak.c', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../build/bench/', import.meta.url));
const WASM = `${OUT_DIR}peak.wasm`;
const EMCC = '/usr/bin/emcc';
// 200k iterations of 8 to 16 chains is about half a millisecond per call at full speed.
const ITERATIONS = 200_000;
const FLOPS_PER_CHAIN_STEP = 8;  // f32x4.mul + f32x4.add: 4 lanes, 2 FLOPs each

function ensureBuilt() {
  if (existsSync(WASM) && statSync(WASM).mtimeMs >= statSync(SOURCE).mtimeMs) return;
  mkdirSync(OUT_DIR, { recursive: true });
  // --no-entry + STANDALONE_WASM: a bare module with the exported kernels and no JS glue.
  const args = ['-O3', '-msimd128', '--no-entry', '-sSTANDALONE_WASM', SOURCE, '-o', WASM];
  // emcc's optimiser needs Debian's acorn, found through NODE_PATH.
  const result = spawnSync(EMCC, args, { env: { ...process.env, NODE_PATH: '/usr/share/nodejs' }, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`compiling bench/peak.c failed: ${EMCC} ${args.join(' ')}\n` +
      `${result.error?.message ?? ''}${result.stderr ?? ''}`);
  }
}

// Times every chain-count variant and keeps the fastest (by median). Returns {gflops, min, max}
// in GFLOP/s, the chain count, and that variant as a unit of work (`unit`, `flopsPerCall`) so
// workloads can time the peak interleaved with their own runs: load from elsewhere on the
// machine then lowers both alike, and their ratio stays meaningful.
export function measurePeak() {
  ensureBuilt();
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(WASM)), {});
  const variants = Object.keys(exports).filter((name) => /^chains\d+$/.test(name));
  // a < 1 and b > 0 keep every chain finite and away from denormals.
  const units = Object.fromEntries(variants.map((name) => [name, () => exports[name](ITERATIONS, 0.9999999, 1e-7)]));
  const times = timeSideBySide(units, { runs: 5, runMs: 60, warmMs: 150 });
  const gflops = (name, ms) => (ITERATIONS * Number(name.slice(6)) * FLOPS_PER_CHAIN_STEP) / (ms * 1e6);
  const best = variants.reduce((a, b) => (gflops(b, times[b].median) > gflops(a, times[a].median) ? b : a));
  const t = times[best];
  const chains = Number(best.slice(6));
  return { gflops: gflops(best, t.median), min: gflops(best, t.max), max: gflops(best, t.min), chains,
    unit: units[best], flopsPerCall: ITERATIONS * chains * FLOPS_PER_CHAIN_STEP };
}
