// node bench/idle-cpu.mjs [engines] [--root dist] [--page index.html] [--hash H] [--seconds 6]
// What a playground costs while nobody uses it: the standalone page (or --page, such as
// examples/blog-post.html with its three) opened, drawn and left paused, then the whole
// machine's busy CPU (every process, /proc/stat) over --seconds, in each engine named
// (chromium,firefox,webkit; all three by default), one after the other. Printed as % of one
// core, beside the same machine with no browser open. A paused page should cost next
// to nothing: web/playground/frame-loop.js asks for no frames then, and page.css draws the
// scrollbar that WebKitGTK would otherwise repaint without end (bench/README.md, "An idle page").
import { setTimeout as sleep } from 'node:timers/promises';
import { launchEngine, selectedEngines } from '../tests/browser/drivers/index.mjs';
import { serve } from '../tests/browser/drivers/server.mjs';
import { cpuCount, cpuTicks } from './machine-load.mjs';

function parseArgs(argv) {
  const o = { engines: '', root: 'dist', page: '', hash: '', seconds: '6' };
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) { o.engines = argv[i]; continue; }
    const key = argv[i].slice(2);
    if (!(key in o) || key === 'engines') throw new Error(`unknown argument ${argv[i]}; use [engines] --root, --page, --hash, --seconds`);
    o[key] = argv[++i] ?? '';
  }
  return o;
}

// % of one core the machine was busy over `seconds`; the host's steal counts as neither busy
// nor idle: it was not ours.
async function busyCores(seconds) {
  const a = cpuTicks();
  await sleep(seconds * 1000);
  const b = cpuTicks();
  const span = (b.total - b.steal) - (a.total - a.steal);
  const busy = span - (b.idle - a.idle);
  return (busy / Math.max(1, span)) * 100 * cpuCount();
}

const options = parseArgs(process.argv.slice(2));
const seconds = Number(options.seconds);
const site = await serve(options.root);
try {
  console.log(`nothing open: ${(await busyCores(seconds)).toFixed(0)} % of one core`);
  for (const name of selectedEngines(options.engines || undefined)) {
    const engine = await launchEngine(name, { timeoutMs: 60000 });
    try {
      const page = await engine.open(`${site.base}${options.page}#${options.hash}`, { width: 1280, height: 900 });
      await page.waitFor(() => (document.querySelector('nn-playground')?.metrics?.frames ?? 0) > 0, { timeout: 60000 });
      await sleep(3000);
      const busy = await busyCores(seconds);
      const paused = await page.evaluate(() => !document.querySelector('nn-playground').metrics.running);
      console.log(`${engine.version}: ${options.page || 'the page'} paused${paused ? '' : ' (NOT paused)'}, ${busy.toFixed(0)} % of one core`);
      await page.close();
    } finally {
      await engine.close();
    }
  }
} finally {
  await site.close();
}
