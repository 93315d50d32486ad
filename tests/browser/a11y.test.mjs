// Accessibility in real Chromium: axe-core (WCAG 2.1 A/AA and best practice; it walks open
// shadow roots) finds nothing on the standalone page, embed.html and the example blog post,
// in the light and the dark colour scheme, before and after training.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openBrowser, newPage, firstFrame } from './browser.mjs';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// axe's violations on the page as "rule (n): target, target ..." lines, for a readable failure.
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
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

for (const scheme of ['light', 'dark']) {
  for (const { name, url, playgrounds } of PAGES) {
    test(`axe finds no violations on ${name} (${scheme})`, async (t) => {
      const { browser, base } = await openBrowser(t);
      const { page, problems } = await newPage(browser, { width: 1366, height: 768 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${base}${url}`);
      for (let i = 0; i < playgrounds; i++) {
        await page.evaluate((k) => document.querySelectorAll('nn-playground')[k].scrollIntoView(), i);
        await firstFrame(page, i);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      // Read-outs and the chart are filled after some training: check them filled in.
      await page.evaluate(() => document.querySelector('nn-playground').step());
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `axe on ${name} (${scheme}):\n  ${violations.join('\n  ')}`);
      assert.deepEqual(problems, []);
    });
  }
}
