// Installs what a fresh Debian machine lacks for building and testing nnplay: Debian packages
// through apt (as root) and npm packages through `npm ci`. Without root it prints the exact
// apt-get line to run instead. Idempotent: a set-up machine passes through in well under a second.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// Each Debian package with a file that proves it is installed.
const DEBIAN_PACKAGES = [
  ['cmake', '/usr/bin/cmake'],
  ['g++', '/usr/bin/g++'],
  ['emscripten', '/usr/bin/em++'],
  ['xtensor-dev', '/usr/include/xtensor/xtensor.hpp'],
  ['xtl-dev', '/usr/include/xtl/xtl_config.hpp'],
  ['libxsimd-dev', '/usr/include/xsimd/xsimd.hpp'],
  ['catch2', '/usr/include/catch2/catch.hpp'],
  ['node-acorn', '/usr/share/nodejs/acorn'],
  ['chromium', '/usr/bin/chromium'],
  // The other two browser engines the suite runs in (tests/browser/drivers/), and the display
  // WebKitGTK needs even when nobody looks at it.
  ['firefox-esr', '/usr/bin/firefox-esr'],
  ['webkit2gtk-driver', '/usr/bin/WebKitWebDriver'],
  ['xvfb', '/usr/bin/xvfb-run'],
  // Fashion-MNIST's idx files, for the clothing images (not read by the build yet).
  ['dataset-fashion-mnist', '/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz'],
  // clang 14 and its sanitizer and libFuzzer runtimes (test:sanitize, test:fuzz); the runtimes
  // are only a Recommends of clang's packages, so they are named here to be sure.
  ['clang', '/usr/bin/clang++'],
  ['libclang-rt-14-dev', '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a'],
  // The runtimes the model export's files are run in (tests/js/export/): NumPy, and PyTorch's
  // CPU build (about 130 MB to fetch, 600 MB installed, a minute or so to install).
  ['python3-numpy', '/usr/lib/python3/dist-packages/numpy/__init__.py'],
  ['python3-torch', '/usr/lib/python3/dist-packages/torch/__init__.py'],
];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    console.error(`setup: '${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function installDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  const line = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    console.error(`setup: missing Debian packages: ${missing.join(', ')}.\nRun as root:\n  sudo sh -c '${line}'`);
    process.exit(1);
  }
  console.log(`setup: installing ${missing.join(' ')} (apt-get)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  // With recommends, as the machine these scripts were tested on was set up.
  run('apt-get', ['install', '-y', '-q', ...missing], { env });
}

// npm ci when node_modules is missing or older than the lock file.
function installNpmPackages() {
  const lock = path.join(ROOT, 'package-lock.json');
  const stamp = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('setup: installing npm packages (npm ci)');
  // onnxruntime-node's postinstall would fetch CUDA providers from outside the npm registry;
  // .npmrc says skip as well, for a bare `npm ci`.
  run('npm', ['ci', '--no-audit', '--no-fund'], { env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: 'skip' } });
}

installDebianPackages();
installNpmPackages();
