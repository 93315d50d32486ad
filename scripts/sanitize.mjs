// Runs the whole Catch2 suite under AddressSanitizer (with LeakSanitizer) and
// UndefinedBehaviorSanitizer: the root CMakeLists built with clang++ into build/sanitize.
// Any report aborts its test (-fno-sanitize-recover=all, halt_on_error), so ctest fails.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const BUILD = path.join(ROOT, 'build', 'sanitize');
const SANITIZE = '-fsanitize=address,undefined';
const JOBS = String(availableParallelism());

// Stack traces for UBSan reports; leaks count as failures.
const env = {
  ...process.env,
  ASAN_OPTIONS: 'detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1',
  UBSAN_OPTIONS: 'print_stacktrace=1:halt_on_error=1',
};

function run(command, args, { quiet = false } = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: quiet ? 'pipe' : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`sanitize: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

run('cmake', ['-S', ROOT, '-B', BUILD, '-DCMAKE_CXX_COMPILER=clang++', '-DCMAKE_BUILD_TYPE=RelWithDebInfo',
  `-DCMAKE_CXX_FLAGS=${SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer`,
  `-DCMAKE_EXE_LINKER_FLAGS=${SANITIZE}`], { quiet: true });
// catch_discover_tests runs the instrumented binary once at build time to list the tests.
run('cmake', ['--build', BUILD, '-j', JOBS, '--target', 'nncore_tests']);
run('ctest', ['--test-dir', BUILD, '--output-on-failure', '-j', JOBS]);
console.log('sanitize: every Catch2 test passed under ASan+UBSan with no report');
