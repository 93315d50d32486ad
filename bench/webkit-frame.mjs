// node bench/webkit-frame.mjs [--engine webkit|chromium] [--root dist] [--hash H] [--page index.html]
// Drawn frames/s of the page over 8 s after 2 s of play, the page's own rAF rate and a blank
// page's rAF rate, in WebKitGTK (MiniBrowser through WebKitWebDriver under Xvfb: run this script
// with xvfb-run) or headless Chromium, so the two engines are measured the same way. Also the
// median time from the start of an animation frame to the first task after it (the frame's
// callbacks plus the engine's main-thread style, layout and paint), and, for a copy of web/
// instrumented by hand, the ms per drawn frame it adds up in globalThis.__phases by name.
// Example: xvfb-run -a -s "-screen 0 1280x900x24" node bench/webkit-frame.mjs --hash networkShape=8,8,8,8,8,8
// selenium-webdriver is not a dependency of the project: `npm install --no-save selenium-webdriver`.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../scripts/serve.mjs';

const WARM_MS = 2000;
const MEASURE_MS = 8000;

function parseArgs(argv) {
  const o = { engine: 'webkit', root: 'dist', hash: '', page: 'index.html' };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in o)) throw new Error(`unknown argument ${argv[i]}; use --engine, --root, --hash, --page`);
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

async function webkit() {
  const { Builder } = await import('selenium-webdriver');
  const port = 4455 + Math.floor(Math.random() * 500);
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  await sleep(1000);
  const d = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
  }).build();
  await d.manage().setTimeouts({ script: 60000 });
  await d.manage().window().setRect({ width: 1280, height: 900 });
  return {
    goto: (url) => d.get(url),
    // WebDriver's async script hands its callback in as the last argument.
    run: (fn, ...args) => d.executeAsyncScript(`return (${fn})(...arguments)`, ...args),
    close: async () => { await d.quit(); driver.kill(); },
  };
}

async function chromium() {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  return {
    goto: (url) => page.goto(url),
    run: (fn, ...args) => page.evaluate(`new Promise((resolve) => (${fn})(...${JSON.stringify(args)}, resolve))`),
    close: () => browser.close(),
  };
}

const options = parseArgs(process.argv.slice(2));
const server = await startServer(options.root);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = options.engine === 'webkit' ? await webkit() : await chromium();
try {
  await browser.goto(`${base}favicon.svg`);
  const blank = await browser.run(measure, 500, 4000, false);
  await browser.goto(`${base}${options.page}#${options.hash}`);
  if (!(await browser.run(ready))) throw new Error('the page drew no frame in 30 s');
  const r = await browser.run(measure, WARM_MS, MEASURE_MS, true);
  console.log(JSON.stringify({ engine: options.engine, page: options.page, hash: options.hash,
    blankRaf: +blank.raf.toFixed(1), fps: +r.fps.toFixed(1), pageRaf: +r.raf.toFixed(1),
    epochsPerFrame: +r.epochsPerFrame.toFixed(1), medianRenderMs: +r.renderMs.toFixed(1), msPerFrameByPhase: r.phases }));
} finally {
  await browser.close();
  server.close();
}
