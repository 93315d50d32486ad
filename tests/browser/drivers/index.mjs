// One way to drive Chromium, Firefox ESR and WebKitGTK, so a test is written once and runs in
// each. Pick engines with NNPLAY_ENGINES=chromium,firefox,webkit (the default is all three).
//
//   const engine = await launchEngine('firefox');          // engine.close() when done
//   const page = await engine.open(url, { width: 1280, height: 900, dpr: 1 });
//   await page.evaluate((n) => document.title.length + n, 1);   // JSON values only
//   await page.waitFor(() => deep('nn-playground')?.metrics.frames > 0);
//   await page.click('nn-playground >>> .play-button');
//
// Functions given to evaluate and waitFor are sent as source text and run in the page, so they
// see only their arguments and the page's globals, plus `deep(selector, index)`: a querySelector
// that crosses shadow roots at each ' >>> ' (the last part may match several: `index` picks one).
import { writeFile } from 'node:fs/promises';

export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];
const LOADERS = {
  chromium: () => import('./chromium.mjs'),
  firefox: () => import('./firefox.mjs'),
  webkit: () => import('./webkit.mjs'),
};

// The engines chosen by NNPLAY_ENGINES; an unknown name is an error, not a silent skip.
export function selectedEngines(value = process.env.NNPLAY_ENGINES) {
  if (!value || !value.trim()) return [...ENGINE_NAMES];
  const names = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !ENGINE_NAMES.includes(n));
  if (unknown.length) throw new Error(`NNPLAY_ENGINES: unknown engine(s) ${unknown.join(', ')}; use ${ENGINE_NAMES.join(', ')}`);
  return [...new Set(names)];
}

function deep(selector, index = 0) {
  const parts = selector.split('>>>').map((s) => s.trim());
  let root = document;
  for (let i = 0; i < parts.length - 1; ++i) {
    root = root?.querySelector(parts[i])?.shadowRoot;
    if (!root) return null;
  }
  return root.querySelectorAll(parts[parts.length - 1])[index] ?? null;
}

// An expression that runs `fn(...args)` in the page and gives a JSON text of
// { value } or { error }: every engine hands back the same thing (NaN becomes null).
function inPage(fn, args) {
  return `(async () => { const deep = ${deep.toString()};
    try { const value = await (${fn.toString()})(...${JSON.stringify(args)});
      return JSON.stringify({ value: value === undefined ? null : value }); }
    catch (e) { return JSON.stringify({ error: e instanceof Error ? e.message + ' | ' + e.stack : String(e) }); } })()`;
}

class Page {
  constructor(raw, engine, timeoutMs) {
    this.raw = raw;
    this.engine = engine;
    this.timeoutMs = timeoutMs;
  }

  goto(url) { return this.raw.goto(url); }

  async evaluate(fn, ...args) {
    const text = await this.raw.evaluate(inPage(fn, args));
    const result = JSON.parse(text);
    if ('error' in result) throw new Error(`in ${this.engine}: ${result.error}`);
    return result.value;
  }

  // Polls `fn(...args)` in the page until it returns something truthy, and returns that.
  async waitFor(fn, { args = [], timeout = this.timeoutMs, interval = 100, what } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what ?? fn.toString()}`);
      await new Promise((r) => setTimeout(r, interval));
    }
  }

  sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

  // A real mouse click at the element's centre (or at fractions `at` = {x, y} of its box),
  // after scrolling it into view. The element is found through shadow roots (see deep()).
  async click(selector, { index = 0, at = { x: 0.5, y: 0.5 } } = {}) {
    const point = await this.evaluate((s, i, a) => {
      const el = deep(s, i);
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      return [r.left + a.x * r.width, r.top + a.y * r.height];
    }, selector, index, at);
    if (!point) throw new Error(`${this.engine}: nothing matches ${selector} [${index}]`);
    await this.raw.click(point[0], point[1]);
  }

  async focus(selector, { index = 0 } = {}) {
    const found = await this.evaluate((s, i) => { const el = deep(s, i); el?.focus(); return !!el; }, selector, index);
    if (!found) throw new Error(`${this.engine}: nothing matches ${selector} [${index}]`);
  }

  // A key press on the focused element (names as in KeyboardEvent.key: Enter, Tab, ArrowLeft...;
  // modifiers joined with +: Shift+Tab, Control+A).
  press(key) { return this.raw.press(key); }

  // Runs a classic script's source text in the page (a library such as axe-core), as a
  // <script> element; pages served without a CSP only.
  async addScript(source) {
    await this.evaluate((text) => {
      const script = document.createElement('script');
      script.textContent = text;
      document.head.append(script);
      script.remove();
    }, source);
  }

  // Focuses the element, then types `text` into it key by key.
  async type(selector, text, { index = 0 } = {}) {
    await this.focus(selector, { index });
    await this.raw.type(text);
  }

  // Sets a <select> or <input>'s value and fires input and change, as a person picking an
  // option or letting go of a slider does (native pickers differ between engines, events do not).
  async setValue(selector, value, { index = 0 } = {}) {
    const found = await this.evaluate((s, i, v) => {
      const el = deep(s, i);
      if (!el) return false;
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }, selector, index, String(value));
    if (!found) throw new Error(`${this.engine}: nothing matches ${selector} [${index}]`);
  }

  async screenshot(path) {
    const png = await this.raw.screenshot();
    if (path) await writeFile(path, png);
    return png;
  }

  // Console errors, uncaught errors and unhandled rejections since the page loaded, from the
  // in-page probe (every engine) and the driver's own log (where it has one).
  async consoleErrors() {
    const probed = await this.evaluate(() => window.__nnplayProbe?.errors ?? ['the probe is missing']);
    return [...new Set([...this.raw.nativeErrors(), ...probed])];
  }

  cspViolations() { return this.evaluate(() => window.__nnplayProbe?.violations ?? ['the probe is missing']); }

  close() { return this.raw.close(); }
}

// Launches `name`; the result opens pages and closes everything it started.
export async function launchEngine(name, { timeoutMs = 30000 } = {}) {
  if (!LOADERS[name]) throw new Error(`unknown engine ${name}`);
  const driver = await (await LOADERS[name]()).launch({ timeoutMs });
  const pages = new Set();
  return {
    name,
    get version() { return driver.version; },
    // colorScheme 'light' or 'dark' and reducedMotion as the system would report them.
    async open(url, { width = 1280, height = 900, dpr = 1, colorScheme = 'light', reducedMotion = false } = {}) {
      const page = new Page(await driver.newPage({ width, height, dpr, colorScheme, reducedMotion }), name, timeoutMs);
      pages.add(page);
      const close = page.close.bind(page);
      page.close = async () => { pages.delete(page); await close(); };
      if (url) await page.goto(url);
      return page;
    },
    async close() {
      await Promise.allSettled([...pages].map((p) => p.close()));
      await driver.close();
    },
  };
}
