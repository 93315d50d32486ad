// Shared set-up for the browser tests: the static server on a free loopback port and Debian's
// Chromium through playwright-core, both closed when the test ends.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from './drivers/chromium.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));
mkdirSync(OUTPUT_DIR, { recursive: true });

// Serves `folder` (relative to the repo) and opens a browser; registers clean-up on `t` first,
// so a failed launch cannot leave the server holding the test runner open.
export async function openBrowser(t, { folder = 'web', headers = {} } = {}) {
  const server = await startServer(new URL(folder, `file://${ROOT}`).pathname, { headers });
  t.after(() => server.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  const base = `http://127.0.0.1:${server.address().port}/`;
  return { browser, base };
}

// A page that records console errors and uncaught exceptions into `problems`.
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { page, problems };
}

// The metrics of the n-th <nn-playground> on the page.
export function metrics(page, index = 0) {
  return page.evaluate((i) => document.querySelectorAll('nn-playground')[i].metrics, index);
}

// Resolves once the n-th playground has drawn at least one frame.
export function firstFrame(page, index = 0) {
  return page.waitForFunction((i) => (document.querySelectorAll('nn-playground')[i]?.metrics?.frames ?? 0) > 0,
    index, { timeout: 20000 });
}

// Trains the n-th playground until `epochs` epochs have passed (or the timeout), then pauses it.
export async function trainFor(page, epochs, index = 0) {
  await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].play(), index);
  await page.waitForFunction(([i, e]) => document.querySelectorAll('nn-playground')[i].metrics.epoch >= e,
    [index, epochs], { timeout: 20000 });
  await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].pause(), index);
  // A frame asked for before the pause may still be training: wait until the counter rests.
  await epochRests(page, index, 120);
}

// Resolves once playground `index`'s epoch stays the same for `ms` milliseconds.
export function epochRests(page, index, ms) {
  return page.waitForFunction(async ([i, wait]) => {
    const el = document.querySelectorAll('nn-playground')[i];
    const before = el.metrics.epoch;
    await new Promise((r) => setTimeout(r, wait));
    return el.metrics.epoch === before;
  }, [index, ms]);
}
