// The in-page probe, served as /__nnplay-probe.js and loaded first by every HTML page the test
// server hands out. It records what every engine can report the same way, from the very start
// of the page: console.error calls, uncaught errors, unhandled rejections and Content-Security-
// Policy violations. (WebDriver classic, as WebKit speaks it, has no console log of its own.)
export const PROBE_PATH = '/__nnplay-probe.js';

export const PROBE_SOURCE = `(() => {
  const probe = { errors: [], violations: [] };
  Object.defineProperty(window, '__nnplayProbe', { value: probe });
  const text = (v) => (v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
  const error = console.error.bind(console);
  console.error = (...args) => { probe.errors.push('console: ' + args.map(text).join(' ')); error(...args); };
  addEventListener('error', (e) => probe.errors.push('pageerror: ' + (e.message || text(e.error))));
  addEventListener('unhandledrejection', (e) => probe.errors.push('unhandledrejection: ' + text(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => probe.violations.push(e.violatedDirective + ' ' + e.blockedURI));
})();
`;
