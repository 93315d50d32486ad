// Debian's Chromium through playwright-core. Each page gets its own browser context, so pages
// share no storage and each has its own viewport and device-pixel-ratio.
import { chromium } from 'playwright-core';
import { adaptPage } from './page-adapter.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch({ timeoutMs }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  return {
    version: `Chromium ${browser.version()}`,
    async newPage({ width, height, dpr, colorScheme, reducedMotion }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme,
        reducedMotion: reducedMotion ? 'reduce' : 'no-preference' });
      context.setDefaultTimeout(timeoutMs);
      const page = await context.newPage();
      return adaptPage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}
