// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). Each page
// gets its own browser context (user context in BiDi terms).
import puppeteer from 'puppeteer-core';
import { adaptPage } from './page-adapter.mjs';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

export async function launch({ timeoutMs }) {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true,
    timeout: timeoutMs, protocolTimeout: timeoutMs * 3 });
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    async newPage({ width, height, dpr }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.setViewport({ width, height, deviceScaleFactor: dpr });
      return adaptPage(page, () => context.close());
    },
    close: () => browser.close(),
  };
}
