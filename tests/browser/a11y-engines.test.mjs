// Accessibility in every engine (Chromium, Firefox ESR, WebKitGTK; NNPLAY_ENGINES picks some),
// written once over drivers/: axe-core (WCAG 2.1 A/AA and best practice; it walks open shadow
// roots) finds nothing on the standalone page, embed.html and the example blog post, light and
// dark; and the keyboard walks of keyboard-walks.mjs: the diagram is one tab stop whose arrow
// keys reach every node, link and bias, a whole session needs no mouse, and the tab order
// follows the visual order. It serves web/ as the other browser tests do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { selectedEngines } from './drivers/index.mjs';
import { engineSuite, firstFrame } from './drivers/suite.mjs';
import { walkTheDiagram, walkASession, walkTheTabOrder } from './keyboard-walks.mjs';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const TIMEOUT = { timeout: 180_000 };

// axe's violations on the page as "rule (n): target, target ..." lines, for a readable failure.
async function axeViolations(page) {
  await page.addScript(await AXE_SOURCE);
  const violations = await page.evaluate((runOnly) => globalThis.axe.run(document, { runOnly, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' >>> ')),
      summary: v.nodes[0]?.failureSummary ?? '' }))), RULE_SETS);
  return violations.map((v) => `${v.id} (${v.targets.length}): ${v.targets.slice(0, 4).join(', ')}\n    ${v.summary.split('\n').slice(0, 3).join(' ')}`);
}

const PAGES = [
  { name: 'the standalone page', url: '#dataset=spiral&networkShape=4,3&seed=7', playgrounds: 1 },
  { name: 'embed.html', url: 'embed.html#dataset=xor&seed=3', playgrounds: 1 },
  { name: 'the example blog post', url: 'examples/blog-post.html', playgrounds: 3 },
  { name: 'the standalone page with six classes', url: '#numClasses=6&dataset=gauss&networkShape=4&seed=5', playgrounds: 1 },
];

for (const name of selectedEngines()) {
  describe(`${name}: accessibility`, () => {
    const suite = engineSuite(name, WEB);
    async function open(t, hash, options) {
      const page = await suite.open(t, hash, { width: 1366, height: 900, ...options });
      await firstFrame(page);
      return page;
    }

    for (const colorScheme of ['light', 'dark']) {
      for (const { name: what, url, playgrounds } of PAGES) {
        test(`${name}: axe finds no violations on ${what} (${colorScheme})`, TIMEOUT, async (t) => {
          const page = await open(t, url, { width: 1366, height: 768, colorScheme });
          assert.equal(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, colorScheme), true,
            `the page sees the ${colorScheme} scheme`);
          for (let i = 0; i < playgrounds; i++) {
            await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].scrollIntoView(), i);
            await page.waitFor((k) => (document.querySelectorAll('nn-playground')[k]?.metrics?.frames ?? 0) > 0,
              { args: [i], what: `playground ${i} drawn` });
          }
          await page.evaluate(() => window.scrollTo(0, 0));
          // Read-outs and the chart are filled after some training: check them filled in.
          await page.evaluate(() => document.querySelector('nn-playground').step());
          const violations = await axeViolations(page);
          assert.deepEqual(violations, [], `axe on ${what} in ${name} (${colorScheme}):\n  ${violations.join('\n  ')}`);
          assert.deepEqual(await page.consoleErrors(), []);
        });
      }
    }

    test(`${name}: axe finds no violations with the map described as a table`, TIMEOUT, async (t) => {
      const page = await open(t, '#dataset=gauss&networkShape=3&seed=4');
      await page.click('nn-playground >>> .map-describe');
      await page.waitFor(() => deep('nn-playground >>> .map-table tbody tr'), { what: 'the map table' });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe with the table shown in ${name}:\n  ${violations.join('\n  ')}`);
      assert.deepEqual(await page.consoleErrors(), []);
    });

    test(`${name}: the diagram is one tab stop; arrow keys reach every node, link and bias; a focused neuron shows its map`, TIMEOUT, async (t) => {
      await walkTheDiagram(await open(t, '#dataset=circle&networkShape=4,3&activation=tanh&seed=3'));
    });

    test(`${name}: a whole session by keyboard: pick a data set, shape the net, play, follow a point, edit a weight`, TIMEOUT, async (t) => {
      await walkASession(await open(t, '#dataset=circle&networkShape=4,2&activation=tanh&seed=8', { reducedMotion: true }));
    });

    test(`${name}: the tab order follows the visual order: toolbar, data, network, output, each top to bottom, left to right`, TIMEOUT, async (t) => {
      await walkTheTabOrder(await open(t, '#dataset=circle&networkShape=4,2&seed=2'));
    });
  });
}
