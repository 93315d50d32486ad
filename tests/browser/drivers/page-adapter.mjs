// Playwright's and puppeteer's Page objects share the calls the layer needs (goto, evaluate,
// mouse, keyboard, screenshot, console and pageerror events), so one adapter serves both.
export function adaptPage(page, close) {
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (source) => page.evaluate(source),
    click: (x, y) => page.mouse.click(x, y),
    // "Shift+Tab", "Control+A": modifiers held down around the last key (Puppeteer takes one key).
    press: async (key) => {
      const keys = key === '+' ? [key] : key.split('+');
      // Puppeteer's BiDi keyboard knows the space bar only as ' '.
      const last = keys.pop().replace(/^Space$/, ' ');
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(last);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    type: (text) => page.keyboard.type(text),
    screenshot: () => page.screenshot(),
    nativeErrors: () => errors,
    close,
  };
}
