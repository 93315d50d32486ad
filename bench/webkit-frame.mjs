// node bench/webkit-frame.mjs [--engine webkit|chromium] [--root dist] [--hash H] [--page index.html]
//   [--window 1280x900|default] [--seconds 8] [--features +Name,-Name]
// Drawn frames/s of the page over 8 s (--seconds) after 2 s of play, the page's own rAF rate and a blank
// page's rAF rate, in WebKitGTK (MiniBrowser through WebKitWebDriver under Xvfb: run this script
// with xvfb-run) or headless Chromium, so the two engines are measured the same way. Also the
// median time from the start of an animation frame to the first task after it (the frame's
// callbacks plus the engine's main-thread style, layout and paint), and, for a copy of web/
// instrumented by hand, the ms per drawn frame it adds up in globalThis.__phases by name. In
// WebKit also the CPU ms per drawn frame of each kind of thread of its processes (llvmpipe's
// threads take CPU that is free, so not all of theirs is work). One run says little on this
// machine: compare trees in alternating pairs (bench/README.md, "One run at a time").
// --features hands MiniBrowser runtime features (`MiniBrowser --features=help` lists them), to see
// what an engine setting would change; bench:page measures WebKit as Debian ships it.
// Example: xvfb-run -a -s "-screen 0 1280x900x24" node bench/webkit-frame.mjs --hash networkShape=8,8,8,8,8,8
// selenium-webdriver is not a dependency of the project: `npm install --no-save selenium-webdriver`.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../scripts/serve.mjs';

const WARM_MS = 2000;

function parseArgs(argv) {
  const o = { engine: 'webkit', root: 'dist', hash: '', page: 'index.html', window: '1280x900', seconds: '8', features: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`unknown argument ${argv[i]}; use --engine, --root, --hash, --page, --window, --seconds, --features`);
    o[key] = argv[i + 1] ?? '';
  }
  return o;
}

// Runs in the page: counts rAF ticks and the element's drawn frames; done(result) at the end.
function measure(warm, span, play, done) {
  const el = document.querySelector('nn-playground');
  let ticks = 0;
  let on = true;
  // From the start of an animation frame to the first task after it: that frame's callbacks
  // plus the style, layout and paint the engine does on the main thread before moving on.
  const renders = [];
  const after = new MessageChannel();
  let frameAt = 0;
  after.port1.onmessage = () => renders.push(performance.now() - frameAt);
  const tick = () => {
    ticks++;
    frameAt = performance.now();
    after.port2.postMessage(0);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  if (play && el) el.play();
  setTimeout(() => {
    const t0 = performance.now();
    const [f0, e0, r0] = el ? [el.metrics.frames, el.metrics.epoch, ticks] : [0, 0, ticks];
    // A copy of the page instrumented by hand may add ms per phase to globalThis.__phases.
    for (const key of Object.keys(globalThis.__phases ?? {})) delete globalThis.__phases[key];
    renders.length = 0;
    setTimeout(() => {
      const s = (performance.now() - t0) / 1000;
      on = false;
      const frames = el ? el.metrics.frames - f0 : 0;
      const phases = Object.fromEntries(Object.entries(globalThis.__phases ?? {})
        .map(([k, ms]) => [k, +(ms / Math.max(1, frames)).toFixed(2)]));
      const sorted = renders.sort((a, b) => a - b);
      done({ fps: frames / s, raf: (ticks - r0) / s, epochsPerFrame: el ? (el.metrics.epoch - e0) / Math.max(1, frames) : 0,
        renderMs: sorted[sorted.length >> 1] ?? 0, phases });
    }, span);
  }, warm);
}

// Resolves true once the element has drawn its first frame (false after 30 s).
function ready(done) {
  const t0 = performance.now();
  (function poll() {
    const el = document.querySelector('nn-playground');
    if (el?.metrics?.frames > 0) done(true);
    else if (performance.now() - t0 > 30000) done(false);
    else setTimeout(poll, 100);
  })();
}

// CPU seconds so far of every thread of the processes under `rootPid` (Linux /proc, 100 ticks
// a second), keyed by "tid name". WebKit's page runs in a WebKitWebProcess under MiniBrowser
// under WebKitWebDriver; its software-GL rasterizer threads are Mesa's llvmpipe-N.
function threadTimes(rootPid) {
  const stat = (file) => {
    const text = readFileSync(file, 'utf8');
    const close = text.lastIndexOf(')');
    return { name: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
  };
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((f) => /^\d+$/.test(f))) {
    try { parents.set(Number(pid), Number(stat(`/proc/${pid}/stat`).fields[1])); } catch { /* gone */ }
  }
  const under = (pid) => { for (let p = pid; p > 1; p = parents.get(p) ?? 0) if (p === rootPid) return true; return false; };
  const times = {};
  for (const pid of parents.keys()) {
    if (!under(pid)) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const { name, fields } = stat(`/proc/${pid}/task/${tid}/stat`);
        times[`${tid} ${name}`] = (Number(fields[11]) + Number(fields[12])) / 100;
      }
    } catch { /* gone */ }
  }
  return times;
}

// ms of CPU per drawn frame by thread kind (thread names without their numbers) between two
// threadTimes snapshots; threads that started or ended in between are left out.
function cpuPerFrame(before, after, frames) {
  const sums = {};
  for (const [key, seconds] of Object.entries(after)) {
    if (!(key in before)) continue;
    const kind = key.slice(key.indexOf(' ') + 1).replace(/-?\d+$/, '');
    sums[kind] = (sums[kind] ?? 0) + seconds - before[key];
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, +((v * 1000) / Math.max(1, frames)).toFixed(1)])
    .filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]));
}

// The window's size (--window; 'default' leaves MiniBrowser's own, the whole Xvfb screen): WebKit's
// composite without a GPU costs llvmpipe time in proportion to its area (a page whose only change
// is a counter: 5 ms a frame at 640x450, 18 at 1280x900).
const windowSize = () => { const [width, height] = options.window.split('x').map(Number); return { width, height }; };

async function webkit() {
  const { Builder } = await import('selenium-webdriver');
  const port = 4455 + Math.floor(Math.random() * 500);
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  await sleep(1000);
  const d = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation', ...(options.features ? [`--features=${options.features}`] : [])] },
  }).build();
  await d.manage().setTimeouts({ script: 60000 });
  if (options.window !== 'default') await d.manage().window().setRect(windowSize());
  return {
    goto: (url) => d.get(url),
    // WebDriver's async script hands its callback in as the last argument.
    run: (fn, ...args) => d.executeAsyncScript(`return (${fn})(...arguments)`, ...args),
    threads: () => threadTimes(driver.pid),
    close: async () => { await d.quit(); driver.kill(); },
  };
}

async function chromium() {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: windowSize() });
  return {
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(`new Promise((resolve) => (${fn})(...${JSON.stringify(args)}, resolve))`),
    close: () => browser.close(),
  };
}

const options = parseArgs(process.argv.slice(2));
const MEASURE_MS = Number(options.seconds) * 1000;
const server = await startServer(options.root);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = options.engine === 'webkit' ? await webkit() : await chromium();
try {
  await browser.goto(`${base}favicon.svg`);
  const blank = await browser.run(measure, 500, 4000, false);
  await browser.goto(`${base}${options.page}#${options.hash}`);
  if (!(await browser.run(ready))) throw new Error('the page drew no frame in 30 s');
  // The CPU snapshots bracket the in-page measurement, give or take a WebDriver round trip.
  const running = browser.run(measure, WARM_MS, MEASURE_MS, true);
  let before = null;
  if (browser.threads) { await sleep(WARM_MS); before = browser.threads(); }
  const r = await running;
  const cpu = before ? cpuPerFrame(before, browser.threads(), r.fps * MEASURE_MS / 1000) : undefined;
  console.log(JSON.stringify({ engine: options.engine, page: options.page, hash: options.hash,
    blankRaf: +blank.raf.toFixed(1), fps: +r.fps.toFixed(1), pageRaf: +r.raf.toFixed(1),
    epochsPerFrame: +r.epochsPerFrame.toFixed(1), medianRenderMs: +r.renderMs.toFixed(1),
    cpuMsPerFrame: cpu, msPerFrameByPhase: r.phases }));
} finally {
  await browser.close();
  server.close();
}
