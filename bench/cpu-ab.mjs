// node bench/cpu-ab.mjs DIR_A DIR_B [ROUNDS]: two nnplay builds (folders holding nncore.mjs and
// nncore.wasm, e.g. web/gen and another checkout's web/gen) on bench's workloads, timed by this
// process's CPU time (process.cpuUsage), not the wall clock, so that a machine shared with other
// jobs moves the figures less than it moves `npm run bench -- --base`. Rounds alternate A and B;
// each round is about 40 ms of CPU; the line gives the median CPU time per call and B/A
// (above 1: B is slower). --strict: exit status 1 when any workload's B/A is above 1.05 (issue
// 16's rule: no workload more than 5 % slower than the build before). --images: the image
// workloads (W7a-c) on each build's image engine (nncore-images.wasm) instead of W1-W6; the line
// then also gives each build's training samples per second of CPU time.
import { loadNnplay, nnplayEngine } from './engines/nnplay.mjs';
import { makeImageProblem, makeProblem } from './problem.mjs';
import { WORKLOADS } from './workloads.mjs';
import { pathToFileURL } from 'node:url';
const STRICT_LIMIT = 1.05;
const flags = ['--strict', '--images'];
const strict = process.argv.includes('--strict');
const images = process.argv.includes('--images');
const [dirA, dirB, roundsArg] = process.argv.slice(2).filter((a) => !flags.includes(a));
const rounds = Number(roundsArg || 9);
const file = images ? 'nncore-images.wasm' : 'nncore.wasm';
const A = (await loadNnplay(file, pathToFileURL(dirA + '/'))).nn;
const B = (await loadNnplay(file, pathToFileURL(dirB + '/'))).nn;
const problem = images ? makeImageProblem : makeProblem;
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
for (const w of WORKLOADS.filter((w) => Boolean(w.images) === images)) {
  const pa = problem(A, w.hidden), pb = problem(B, w.hidden);
  const bs = (p) => (w.batch === 'full' ? p.train.count : w.batch ?? 10);
  const ea = nnplayEngine(A, pa, bs(pa)), eb = nnplayEngine(B, pb, bs(pb));
  const unit = (e) => (w.kind === 'train' ? () => e.trainEpoch() : () => e[w.kind](100));
  const ua = unit(ea), ub = unit(eb);
  // Both builds run 200 ms of CPU first: V8 starts a module on its baseline compiler and swaps in
  // the optimised code later, and the first workload of a build would otherwise be timed partly
  // on the baseline code (the build that warmed up first looked up to 2x faster at W7a).
  for (const u of [ua, ub]) for (const t = cpu(); cpu() - t < 200000;) u();
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
  // Samples per second of CPU time, for a training epoch over the whole training set.
  const kps = (us) => (pb.train.count / us * 1000).toFixed(2);
  const rate = w.kind === 'train' ? `  k samples/s of CPU: A ${kps(ma)} B ${kps(mb)}` : '';
  console.log(`W${w.id.padEnd(3)} A ${ma.toFixed(1).padStart(9)} us  B ${mb.toFixed(1).padStart(9)} us  B/A ${(mb / ma).toFixed(3)}${rate}  (${w.title})`);
  if (strict && mb / ma > STRICT_LIMIT) {
    console.log(`cpu-ab --strict: W${w.id} B/A ${(mb / ma).toFixed(3)} is above ${STRICT_LIMIT}`);
    process.exitCode = 1;
  }
  ea.dispose(); eb.dispose();
}
