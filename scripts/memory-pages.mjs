// What the memory scripts share (measure-memory.mjs holds the floors; memory-breakdown.mjs and
// memory-dump.mjs say where the memory goes): the same pages of N playgrounds, the same browser,
// and the renderer processes' memory read from /proc, so their figures read side by side.
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';

// One page per count: the first N of these, all on screen, training for TRAIN_MS.
export const SETUPS = [
  'dataset="gauss" network-shape=""', 'dataset="circle" network-shape="3"', 'dataset="xor" network-shape="4,2"',
  'dataset="spiral" network-shape="8,8,6" sin-x="true" sin-y="true"', 'dataset="circle" network-shape="6,6"',
];
export const TRAIN_MS = 4000;
// As tall for every count (all of the largest page on screen): a taller viewport alone costs
// renderer memory (raster tiles), which is not a playground's cost.
export const viewport = (maxCount) => ({ width: 900, height: 1800 * maxCount });

// A page next to a dist/ holding `body`.
export const pageHtml = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>memory</title><link rel="icon" href="dist/favicon.svg"><script type="module" src="dist/nnplay.js"></script></head>
<body>${body}</body></html>`;

// The page of the first `count` setups.
export const playgroundsHtml = (count) =>
  pageHtml(SETUPS.slice(0, count).map((s) => `<nn-playground ${s} seed="m"></nn-playground>`).join('\n'));

// Debian's Chromium, headless, without a GPU (as a phone without one rasters: tiles and canvas
// copies in the renderer's shared memory). launchServer rather than launch: it gives the
// browser's process id, whose renderers are ours. measureMemory: Chromium answers
// measureUserAgentSpecificMemory() at once instead of at its next garbage collection.
export async function launchBrowser({ measureMemory = false } = {}) {
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      ...(measureMemory ? ['--enable-blink-features=ForceEagerMeasureMemory'] : [])] });
  return { server, browser: await chromium.connect(server.wsEndpoint()), pid: server.process().pid };
}

// Process ids under `root`, read from /proc/<pid>/stat.
function descendants(root) {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended */ }
  }
  const out = [];
  const walk = (pid) => { for (const [child, p] of parent) if (p === pid) { out.push(child); walk(child); } };
  walk(root);
  return out;
}

// Renderer process ids of the browser `pid`.
export function renderers(pid) {
  return descendants(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer');
    } catch { return false; }  // the process ended
  });
}

// Each renderer's Pss (kB) from /proc/<pid>/smaps_rollup and its parts: anonymous (heaps),
// shared memory (raster tiles and canvas copies, counted in full here), file (Chromium's code,
// whose share falls as other Chromium processes on the machine map it too).
export function rendererRollups(pid) {
  const out = [];
  for (const child of renderers(pid)) {
    try {
      const rollup = readFileSync(`/proc/${child}/smaps_rollup`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0);
      out.push({ pid: child, pss: kb('Pss'), anon: kb('Pss_Anon'), shmem: kb('Pss_Shmem'), file: kb('Pss_File') });
    } catch { /* the process ended */ }
  }
  return out;
}
