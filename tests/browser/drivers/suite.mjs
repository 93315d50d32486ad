// One engine's describe() block, set up the same way by every suite that runs in all three
// engines: `root` served and the engine launched before its tests, both closed after them.
//
//   const suite = engineSuite(name, DIST);
//   test('...', async (t) => { const page = await suite.open(t, '#dataset=circle', { width: 360 }); });
//
// open(t, path, options) opens a page (options as engine.open takes them) at the site's `path`;
// it is closed when test `t` ends. suite.engine and suite.site are there once the tests run.
import { before, after } from 'node:test';
import { launchEngine } from './index.mjs';
import { serve } from './server.mjs';

export function engineSuite(name, root) {
  const suite = {
    engine: null,
    site: null,
    async open(t, path, options) {
      const page = await suite.engine.open(null, options);
      t.after(() => page.close());
      await page.goto(`${suite.site.base}${path}`);
      return page;
    },
  };
  before(async () => {
    suite.site = await serve(root);
    suite.engine = await launchEngine(name);
  }, { timeout: 90_000 });
  after(async () => {
    await suite.engine?.close();
    await suite.site?.close();
  });
  return suite;
}

// Resolves once the page's first playground has drawn a frame (the driver-neutral twin of
// browser.mjs's firstFrame, which takes a Playwright page).
export const firstFrame = (page) => page.waitFor(() => (document.querySelector('nn-playground')?.metrics?.frames ?? 0) > 0,
  { what: 'the first drawn frame' });
