// node bench/stroke-cost.mjs [engines, default chromium,firefox,webkit]
// How long one redraw of a 6x8 network's 384 links takes on a CPU-backed 2-D canvas
// (bench/stroke-cost/), per engine and stroke mode: the main thread spends this on every frame
// that redraws the links (web/playground/frame-views.js: one in four while training). Driven
// through tests/browser/drivers, as bench:page's per-engine floors are.
import { launchEngine, selectedEngines } from '../tests/browser/drivers/index.mjs';
import { startServer } from '../scripts/serve.mjs';

const MODES = ['wide', 'thin', 'straight'];

const server = await startServer(new URL('stroke-cost/', import.meta.url).pathname);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const msPerRedraw = {};
try {
  for (const name of selectedEngines(process.argv[2])) {
    const engine = await launchEngine(name, { timeoutMs: 60000 });
    try {
      const page = await engine.open(url);
      msPerRedraw[`${name} ${engine.version}`] = await page.evaluate(
        (modes) => Object.fromEntries(modes.map((m) => [m, +window.strokeMs(m).toFixed(2)])), MODES);
    } finally {
      await engine.close();
    }
  }
  console.log(JSON.stringify({ msPerRedraw }));
} finally {
  server.close();
}
