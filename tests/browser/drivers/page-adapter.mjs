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
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: () => page.screenshot(),
    nativeErrors: () => errors,
    close,
  };
}
