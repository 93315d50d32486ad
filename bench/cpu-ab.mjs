// node bench/cpu-ab.mjs DIR_A DIR_B [ROUNDS]: two nnplay builds (folders holding nncore.mjs and
// nncore.wasm, e.g. web/gen and another checkout's web/gen) on bench's workloads, timed by this
// process's CPU time (process.cpuUsage), not the wall clock, so that a machine shared with other
// jobs moves the figures less than it moves `npm run bench -- --base`. Rounds alternate A and B;
// each round is about 40 ms of CPU; the line gives the median CPU time per call and B/A
// (above 1: B is slower). --strict: exit status 1 when any workload's B/A is above 1.05 (issue
// 16's rule: no workload more than 5 % slower than the build before).
import { loadNnplay, nnplayEngine } from './engines/nnplay.mjs';
import { makeProblem } from './problem.mjs';
import { WORKLOADS } from './workloads.mjs';
import { pathToFileURL } from 'node:url';
const STRICT_LIMIT = 1.05;
const strict = process.argv.includes('--strict');
const [dirA, dirB, roundsArg] = process.argv.slice(2).filter((a) => a !== '--strict');
const rounds = Number(roundsArg || 9);
const A = (await loadNnplay('nncore.wasm', pathToFileURL(dirA + '/'))).nn;
const B = (await loadNnplay('nncore.wasm', pathToFileURL(dirB + '/'))).nn;
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
for (const w of WORKLOADS.filter((w) => !w.images)) {  // W7 runs on the image engine: bench --only W7 --base
  const pa = makeProblem(A, w.hidden), pb = makeProblem(B, w.hidden);
  const bs = (p) => (w.batch === 'full' ? p.train.count : w.batch ?? 10);
  const ea = nnplayEngine(A, pa, bs(pa)), eb = nnplayEngine(B, pb, bs(pb));
  const unit = (e) => (w.kind === 'train' ? () => e.trainEpoch() : () => e[w.kind](100));
  const ua = unit(ea), ub = unit(eb);
  // Calls per round: doubled until one round takes 40 ms of CPU.
  let n = 1; for (;;) { const t = cpu(); for (let i = 0; i < n; i++) ua(); if (cpu() - t > 40000) break; n *= 2; }
  const ta = [], tb = [];
  for (let r = 0; r < rounds; r++) {
    for (const [u, arr] of (r % 2 ? [[ub, tb], [ua, ta]] : [[ua, ta], [ub, tb]])) {
      const t = cpu(); for (let i = 0; i < n; i++) u(); arr.push((cpu() - t) / n);
    }
  }
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  const ma = med(ta), mb = med(tb);
  console.log(`W${w.id.padEnd(3)} A ${ma.toFixed(1).padStart(9)} us  B ${mb.toFixed(1).padStart(9)} us  B/A ${(mb / ma).toFixed(3)}  (${w.title})`);
  if (strict && mb / ma > STRICT_LIMIT) {
    console.log(`cpu-ab --strict: W${w.id} B/A ${(mb / ma).toFixed(3)} is above ${STRICT_LIMIT}`);
    process.exitCode = 1;
  }
  ea.dispose(); eb.dispose();
}
