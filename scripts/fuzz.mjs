// Fuzzes every parser natively with libFuzzer + ASan + UBSan (tests/fuzz/): builds the fuzz
// project in build/fuzz, then runs each target for FUZZ_SECONDS (default 60), as many at once as
// there are cores. Exits non-zero on any crash, sanitizer report, timeout or broken contract,
// after printing that target's report and the file holding the failing input.
//   FUZZ_SECONDS=10 npm run test:fuzz          a quick run
//   FUZZ_TARGETS=fuzz_config npm run test:fuzz  only some targets (comma-separated)
//   FUZZ_CORE_DIR=/tmp/core npm run test:fuzz   fuzz a patched copy of core/ (to look past a finding)
// Reproduce a finding with: build/fuzz/<target> build/fuzz/artifacts/<target>/crash-...
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCE = path.join(ROOT, 'tests', 'fuzz');
const BUILD = path.join(ROOT, 'build', 'fuzz');
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
// Passed on every configure, so the cached choice of an earlier run never lingers.
const CORE_DIR = path.resolve(process.env.FUZZ_CORE_DIR ?? path.join(ROOT, 'core'));
// A single input slower than this is reported as a hang.
const INPUT_TIMEOUT_SECONDS = 10;

if (!Number.isFinite(SECONDS) || SECONDS <= 0) {
  console.error(`fuzz: FUZZ_SECONDS must be a positive number of seconds, not "${process.env.FUZZ_SECONDS}"`);
  process.exit(2);
}

// Runs a build step; its output is shown only when it fails (quiet: true) or always.
function run(command, args, { quiet = false } = {}) {
  const result = spawnSync(command, args, { stdio: quiet ? 'pipe' : 'inherit', cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`fuzz: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function build() {
  run('cmake', ['-S', SOURCE, '-B', BUILD, '-DCMAKE_CXX_COMPILER=clang++', '-DCMAKE_BUILD_TYPE=',
    `-DNNPLAY_CORE_DIR=${CORE_DIR}`], { quiet: true });
  run('cmake', ['--build', BUILD, '-j', String(availableParallelism())]);
  // CMake lists the targets it built (tests/fuzz/CMakeLists.txt, nnplay_fuzz_target).
  const all = readFileSync(path.join(BUILD, 'fuzz-targets.txt'), 'utf8').split('\n').filter(Boolean);
  const wanted = process.env.FUZZ_TARGETS?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted?.filter((t) => !all.includes(t)) ?? [];
  if (unknown.length) {
    console.error(`fuzz: unknown target(s) ${unknown.join(', ')}; built: ${all.join(', ')}`);
    process.exit(2);
  }
  return wanted ?? all;
}

// The numbers libFuzzer prints with -print_final_stats=1, e.g. "stat::number_of_executed_units: 6021".
function finalStats(log) {
  const stats = {};
  for (const [, key, value] of log.matchAll(/^stat::(\w+):\s+(\d+)/gm)) stats[key] = Number(value);
  return stats;
}

// Runs one target; resolves to { target, code, stats, log, command }.
function fuzz(target) {
  // libFuzzer writes new inputs into the first corpus folder only, so the committed seeds are
  // copied into build/ and the copy is where the corpus grows; the seeds are never written.
  const corpus = path.join(BUILD, 'corpus', target);
  const seeds = path.join(SOURCE, 'corpus', target);
  mkdirSync(corpus, { recursive: true });
  if (existsSync(seeds)) cpSync(seeds, corpus, { recursive: true });
  const artifacts = path.join(BUILD, 'artifacts', target);
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const args = [`-max_total_time=${SECONDS}`, '-print_final_stats=1', `-timeout=${INPUT_TIMEOUT_SECONDS}`,
    `-artifact_prefix=${artifacts}${path.sep}`];
  const dict = path.join(SOURCE, `${target}.dict`);
  if (existsSync(dict)) args.push(`-dict=${dict}`);
  args.push(corpus);
  const binary = path.join(BUILD, target);
  const command = [path.relative(ROOT, binary), ...args.map((a) => a.replace(`${ROOT}${path.sep}`, ''))].join(' ');
  const logFile = path.join(BUILD, `${target}.log`);
  const env = {
    ...process.env,
    // Stack traces for UBSan findings too; a leak in one input is a finding.
    UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
    ASAN_OPTIONS: 'detect_leaks=1:abort_on_error=0',
  };
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = createWriteStream(logFile);
    let log = '';
    const collect = (chunk) => { out.write(chunk); log += chunk; };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code, signal) => {
      out.end();
      resolve({ target, code: code ?? signal, stats: finalStats(log), log, logFile, command, artifacts });
    });
  });
}

async function runAll(targets) {
  const results = [];
  const queue = [...targets];
  const workers = Array.from({ length: Math.min(availableParallelism(), queue.length) }, async () => {
    while (queue.length) {
      const target = queue.shift();
      console.log(`fuzz: ${target} for ${SECONDS} s`);
      results.push(await fuzz(target));
    }
  });
  await Promise.all(workers);
  return results.sort((a, b) => a.target.localeCompare(b.target));
}

const targets = build();
const results = await runAll(targets);
let failed = false;
for (const r of results) {
  const executions = r.stats.number_of_executed_units;
  const ok = r.code === 0 && executions > 0;
  console.log(`\n$ ${r.command}`);
  if (ok) {
    console.log(`fuzz: ${r.target}: ${executions} executions (${r.stats.average_exec_per_sec}/s), ` +
      `${r.stats.new_units_added ?? 0} new inputs, peak RSS ${r.stats.peak_rss_mb} MB, no findings`);
    continue;
  }
  failed = true;
  // The report: from the first sanitizer or libFuzzer error line to the end.
  const start = r.log.search(/^(==\d+==|.*runtime error:|contract broken:|terminate called|.*ERROR: libFuzzer)/m);
  console.error(r.log.slice(start >= 0 ? start : Math.max(0, r.log.length - 4000)).trimEnd());
  const inputs = readdirSync(r.artifacts).map((f) => path.relative(ROOT, path.join(r.artifacts, f)));
  console.error(`fuzz: ${r.target} FAILED (exit ${r.code}, ${executions ?? 0} executions); ` +
    `full log ${path.relative(ROOT, r.logFile)}; failing input(s): ${inputs.join(', ') || 'none written'}`);
}
process.exit(failed ? 1 : 0);
