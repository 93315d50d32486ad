// xvfb-run -a -s "-screen 0 1280x900x24" node bench/stroke-cost.mjs
// How long one redraw of a 6x8 network's 384 links takes on a CPU-backed 2-D canvas
// (bench/stroke-cost/), in WebKitGTK and in Chromium, per stroke mode: the main thread spends
// this on every frame that redraws the links (web/playground/frame-views.js: one in four).
// selenium-webdriver is not a dependency of the project: `npm install --no-save selenium-webdriver`.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from '../scripts/serve.mjs';

const MODES = ['wide', 'thin', 'straight'];
const EXPRESSION = `Object.fromEntries(${JSON.stringify(MODES)}.map((m) => [m, +strokeMs(m).toFixed(2)]))`;

async function inWebKit(url) {
  const { Builder } = await import('selenium-webdriver');
  const port = 4455 + Math.floor(Math.random() * 500);
  const driver = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  await sleep(1000);
  const d = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] },
  }).build();
  try {
    await d.get(url);
    return await d.executeScript(`return ${EXPRESSION}`);
  } finally {
    await d.quit();
    driver.kill();
  }
}

async function inChromium(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    return await page.evaluate(EXPRESSION);
  } finally {
    await browser.close();
  }
}

const server = await startServer(new URL('stroke-cost/', import.meta.url).pathname);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
try {
  console.log(JSON.stringify({ msPerRedraw: { webkit: await inWebKit(url), chromium: await inChromium(url) } }));
} finally {
  server.close();
}
