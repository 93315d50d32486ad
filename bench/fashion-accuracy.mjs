// Seconds from Play to a test accuracy on the Clothing pictures, in the page, in headless
// Chromium (issue 18's floors): the three default classes to 95 % within 10 s, all ten to 84 %
// within 60 s, each with the default picture network and settings (web/state/picture-defaults.js).
// Serves dist/ (run `npm run build` first) and prints, per run, the seconds from Play to the
// target, the epochs that took (the same on any machine, however loaded) and the training
// pictures a second (what the load changes), with the load average before the run; with
// --strict (or --check) exits 1 when a run misses its floor. Run r uses seed r.
//
//   node bench/fashion-accuracy.mjs [--strict] [--runs=N]
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../tests/browser/drivers/chromium.mjs';
import { ENGINE_CAPS } from '../web/gen/limits.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CASES = [
  { name: 'three default classes', hash: 'dataset=fashion', classes: 3, target: 0.95, floorSeconds: 10 },
  { name: 'all ten classes', hash: 'dataset=fashion&imageClasses=all', classes: 10, target: 0.84, floorSeconds: 60 },
];
// How long a run may go on past its floor before it is given up as a miss.
const GRACE = 3;

const args = process.argv.slice(2);
const strict = args.includes('--check') || args.includes('--strict');
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);

// Plays the playground of `hash` and polls its metrics every 50 ms: the seconds from Play to
// `target` test accuracy (null when not reached in `limit` seconds), the epoch then and the
// frames drawn.
async function timeToAccuracy(browser, base, { hash, target, floorSeconds }, seed) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(`${base}#${hash}&seed=${seed}`);
    // Built and drawn once: the data is in, the weight pictures are up.
    await page.waitForFunction(() => (document.querySelector('nn-playground')?.metrics?.frames ?? 0) > 0
      && document.querySelector('nn-playground').shadowRoot.querySelector('.image-mode'), null, { timeout: 60000 });
    const result = await page.evaluate(async ([wanted, limit]) => {
      const el = document.querySelector('nn-playground');
      const start = performance.now();
      const frames = el.metrics.frames;
      el.play();
      for (;;) {
        const m = el.metrics;
        const seconds = (performance.now() - start) / 1000;
        const done = m.testAccuracy >= wanted;
        if (done || seconds > limit) {
          return { seconds: done ? seconds : null, elapsed: seconds, epoch: m.epoch, accuracy: m.testAccuracy, frames: m.frames - frames };
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }, [target, floorSeconds + GRACE]);
    if (problems.length) throw new Error(problems.join('\n'));
    return result;
  } finally {
    await page.close();
  }
}

const server = await startServer(`${ROOT}dist`);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let missed = 0;
try {
  for (const c of CASES) {
    for (let run = 1; run <= runs; run++) {
      const load = loadavg().map((v) => v.toFixed(2)).join(' ');
      const r = await timeToAccuracy(browser, base, c, run);
      const ok = r.seconds !== null && r.seconds <= c.floorSeconds;
      if (!ok) missed++;
      const time = r.seconds === null ? `not reached in ${c.floorSeconds + GRACE} s` : `${r.seconds.toFixed(1)} s`;
      // Whole epochs only (the metrics count them): a lower bound on the pictures trained.
      const perSecond = (r.epoch * c.classes * ENGINE_CAPS.imageTrainPerClass) / r.elapsed;
      console.log(`${c.name}, seed ${run}: ${(c.target * 100).toFixed(0)} % test accuracy after ${time} `
        + `(floor ${c.floorSeconds} s: ${ok ? 'met' : 'MISSED'}); epoch ${r.epoch}, accuracy then ${(r.accuracy * 100).toFixed(1)} %, `
        + `>= ${(perSecond / 1000).toFixed(1)} k pictures/s, ${(r.frames / r.elapsed).toFixed(0)} frames/s; `
        + `load average before the run ${load} (#${c.hash})`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (strict && missed) {
  console.error(`fashion-accuracy: ${missed} run(s) missed the floor`);
  process.exit(1);
}
