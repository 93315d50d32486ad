// WebKitGTK from Debian: selenium-webdriver talking to /usr/bin/WebKitWebDriver, which starts
// MiniBrowser. MiniBrowser needs a display: one Xvfb per launch. Each page is its own
// WebKitWebDriver on a free port with its own MiniBrowser, because the device-pixel-ratio of
// a GTK window comes from the GDK_SCALE of the process that opens it.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Builder, Key, Origin } from 'selenium-webdriver';
import { spawnGroup, stopGroup, freePort, startXvfb, until } from './processes.mjs';

export const WEBKIT_DRIVER_PATH = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// Key names as Playwright and Puppeteer take them, in WebDriver's key codes.
const KEYS = { Enter: Key.ENTER, Tab: Key.TAB, Escape: Key.ESCAPE, Backspace: Key.BACK_SPACE, Delete: Key.DELETE,
  ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME, End: Key.END, PageUp: Key.PAGE_UP, PageDown: Key.PAGE_DOWN, Space: ' ',
  Shift: Key.SHIFT, Control: Key.CONTROL, Alt: Key.ALT, Meta: Key.META };

// "Shift+Tab", "Control+A": the modifiers held down around the last key.
function pressKeys(driver, key) {
  const keys = key === '+' ? [key] : key.split('+');
  const last = keys.pop();
  let actions = driver.actions({ async: true });
  for (const modifier of keys) actions = actions.keyDown(KEYS[modifier] ?? modifier);
  actions = actions.sendKeys(KEYS[last] ?? (keys.length ? last.toLowerCase() : last));
  for (const modifier of keys.reverse()) actions = actions.keyUp(KEYS[modifier] ?? modifier);
  return actions.perform();
}

// MiniBrowser's header bar holds its window to at least 447 px wide; a user stylesheet for GTK
// (in a private XDG_CONFIG_HOME) shrinks its widgets so a 360 px phone viewport fits.
const GTK_CSS = `headerbar, headerbar *, toolbar, toolbar *, entry, button {
  min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n`;

// WebKitGTK reports prefers-reduced-motion from GTK's animation setting (and prefers-color-scheme
// from the theme: GTK_THEME in startDriver).
function gtkConfigHome({ reducedMotion }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'nnplay-webkit-'));
  mkdirSync(path.join(dir, 'gtk-3.0'));
  writeFileSync(path.join(dir, 'gtk-3.0', 'gtk.css'), GTK_CSS);
  if (reducedMotion) writeFileSync(path.join(dir, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function startDriver(display, configHome, dpr, colorScheme, timeoutMs) {
  const port = await freePort();
  const child = spawnGroup(WEBKIT_DRIVER_PATH, [`--port=${port}`], { env: { ...process.env,
    DISPLAY: display, XDG_CONFIG_HOME: configHome, GDK_SCALE: String(dpr), GDK_DPI_SCALE: '1',
    GTK_THEME: colorScheme === 'dark' ? 'Adwaita:dark' : 'Adwaita' } });
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(async () => (await fetch(`${url}/status`)).ok, { timeoutMs, what: 'WebKitWebDriver' });
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { url, stop: () => stopGroup(child) };
}

export async function launch({ timeoutMs }) {
  const xvfb = await startXvfb({ timeoutMs });
  const configHomes = { still: gtkConfigHome({ reducedMotion: true }), moving: gtkConfigHome({ reducedMotion: false }) };
  const open = new Set();
  let version = 'WebKitGTK';
  return {
    get version() { return version; },
    async newPage({ width, height, dpr, colorScheme, reducedMotion }) {
      const server = await startDriver(xvfb.display, configHomes[reducedMotion ? 'still' : 'moving'], dpr, colorScheme, timeoutMs);
      let driver;
      const close = async () => {
        open.delete(close);
        // A session that no longer answers must not hold the run: its processes are stopped anyway.
        const quit = driver?.quit().catch(() => {});
        await Promise.race([quit, new Promise((r) => setTimeout(r, 10000).unref())]);
        await server.stop();
      };
      open.add(close);
      try {
        driver = await new Builder().usingServer(server.url).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
        }).build();
        const caps = await driver.getCapabilities();
        version = `WebKitGTK ${caps.get('browserVersion') ?? ''}`.trim();
        await driver.manage().setTimeouts({ script: timeoutMs, pageLoad: timeoutMs, implicit: 0 });
        await sizeViewport(driver, width, height);
      } catch (error) {
        await close();
        throw error;
      }
      return {
        goto: (url) => driver.get(url),
        evaluate: (source) => driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1]; Promise.resolve(${source}).then(done, (e) => done(JSON.stringify({ error: String(e) })));`),
        click: (x, y) => driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform(),
        press: (key) => pressKeys(driver, key),
        type: (text) => driver.actions({ async: true }).sendKeys(text).perform(),
        screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
        nativeErrors: () => [],
        close,
      };
    },
    async close() {
      await Promise.all([...open].map((close) => close()));
      await xvfb.stop();
      for (const dir of Object.values(configHomes)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// WebDriver sizes the window, not the viewport: size it, measure the difference (MiniBrowser's
// frame), and size it again.
async function sizeViewport(driver, width, height) {
  await driver.manage().window().setRect({ x: 0, y: 0, width, height });
  const inner = await driver.executeScript('return [innerWidth, innerHeight]');
  if (inner[0] === width && inner[1] === height) return;
  await driver.manage().window().setRect({ width: width + (width - inner[0]), height: height + (height - inner[1]) });
}
