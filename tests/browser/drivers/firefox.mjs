// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver). Each page
// gets its own browser context (user context in BiDi terms). BiDi has no media emulation, so the
// colour scheme and reduced motion are preferences: one browser per combination, started when a
// page first asks for it.
import puppeteer from 'puppeteer-core';
import { adaptPage } from './page-adapter.mjs';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

// Preferences for `prefers-color-scheme` (0 dark, 1 light) and `prefers-reduced-motion`.
const prefsFor = ({ colorScheme, reducedMotion }) => ({
  'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
  'ui.prefersReducedMotion': reducedMotion ? 1 : 0,
});

export async function launch({ timeoutMs }) {
  const browsers = new Map();
  const browserFor = (media) => {
    const key = JSON.stringify(prefsFor(media));
    if (!browsers.has(key)) {
      browsers.set(key, puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true,
        timeout: timeoutMs, protocolTimeout: timeoutMs * 3, extraPrefsFirefox: prefsFor(media) }));
    }
    return browsers.get(key);
  };
  const first = await browserFor({ colorScheme: 'light', reducedMotion: false });
  return {
    version: `Firefox ${(await first.version()).replace(/^firefox\//i, '')}`,
    async newPage({ width, height, dpr, colorScheme, reducedMotion }) {
      const context = await (await browserFor({ colorScheme, reducedMotion })).createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.setViewport({ width, height, deviceScaleFactor: dpr });
      return adaptPage(page, () => context.close());
    },
    async close() {
      const all = await Promise.allSettled([...browsers.values()]);
      await Promise.allSettled(all.filter((r) => r.status === 'fulfilled').map((r) => r.value.close()));
    },
  };
}
