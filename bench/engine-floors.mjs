// Frame-rate floors per engine (issue 17): in Chromium, Firefox ESR and WebKitGTK, each
// engine's own requestAnimationFrame rate on a blank page, then the playground's drawn frames/s
// and epochs per frame at the default setup and at a 6x8 network with every input feature,
// with epochsPerFrame=auto. Floors: drawn frames/s at least 90 % of the blank rate at the
// default setup and 75 % at 6x8. Driven through tests/browser/drivers, the same way in each.
import { launchEngine } from '../tests/browser/drivers/index.mjs';
import { BLANK_PATH } from '../tests/browser/drivers/server.mjs';

const ALL_FEATURES = 'x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true';
export const ENGINE_SETUPS = [
  { id: 'default', title: 'default setup', hash: 'epochsPerFrame=auto', share: 0.9 },
  { id: '6x8', title: '6x8, every feature', hash: `networkShape=8,8,8,8,8,8&seed=1&epochsPerFrame=auto&${ALL_FEATURES}`, share: 0.75 },
];

// In the page: counts rAF ticks and the playground's frames and epochs between start and stop.
function startCounting() {
  const counter = { ticks: 0, on: true };
  const tick = () => { if (!counter.on) return; counter.ticks++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const el = document.querySelector('nn-playground');
  const snapshot = () => ({ time: performance.now(), ticks: counter.ticks, frames: el?.metrics?.frames ?? 0, epoch: el?.metrics?.epoch ?? 0 });
  window.__nnFloors = { counter, snapshot, start: snapshot() };
  return true;
}
function stopCounting() {
  const { counter, snapshot, start } = window.__nnFloors;
  const end = snapshot();
  counter.on = false;
  const seconds = (end.time - start.time) / 1000;
  return { seconds, raf: (end.ticks - start.ticks) / seconds, frames: (end.frames - start.frames) / seconds,
    epochs: (end.epoch - start.epoch) / seconds, epochsPerFrame: end.frames > start.frames ? (end.epoch - start.epoch) / (end.frames - start.frames) : 0 };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function measure(page, seconds) {
  await page.evaluate(startCounting);
  await sleep(seconds * 1000);
  return page.evaluate(stopCounting);
}

// Measures one engine: blank page, then each setup played for `warmup` s and measured for
// `seconds` s. Errors the page reports make the setup fail.
export async function measureEngine(name, base, { seconds = 8, warmup = 2, log = () => {} } = {}) {
  const engine = await launchEngine(name, { timeoutMs: 60000 });
  try {
    const result = { engine: name, version: engine.version, setups: [] };
    const blankPage = await engine.open(`${base}${BLANK_PATH.slice(1)}`, { width: 1280, height: 900 });
    await sleep(warmup * 1000);
    result.blank = await measure(blankPage, seconds);
    result.version = engine.version;
    await blankPage.close();
    log(`  ${result.version}: blank page ${result.blank.raf.toFixed(1)} rAF/s`);
    for (const setup of ENGINE_SETUPS) {
      const page = await engine.open(`${base}#${setup.hash}`, { width: 1280, height: 900 });
      try {
        await page.waitFor(() => (document.querySelector('nn-playground')?.metrics?.frames ?? 0) > 0, { timeout: 60000 });
        await page.evaluate(() => document.querySelector('nn-playground').play());
        await sleep(warmup * 1000);
        const m = await measure(page, seconds);
        const errors = await page.consoleErrors();
        const floor = setup.share * result.blank.raf;
        result.setups.push({ ...setup, ...m, floor, pass: m.frames >= floor && errors.length === 0, errors });
        log(`  ${name} ${setup.title}: ${m.frames.toFixed(1)} frames/s (page rAF ${m.raf.toFixed(1)}/s), ` +
          `${m.epochsPerFrame.toFixed(1)} epochs/frame, ${m.epochs.toFixed(0)} epochs/s`);
      } finally {
        await page.close();
      }
    }
    return result;
  } finally {
    await engine.close();
  }
}

export function floorChecks(results) {
  const checks = [];
  for (const r of results) {
    for (const s of r.setups) {
      checks.push({ text: `${r.engine} ${s.title}: >= ${Math.round(s.share * 100)} % of its blank rAF (${s.floor.toFixed(1)} frames/s)` +
        `${s.errors.length ? `, page errors: ${s.errors.join('; ')}` : ''}`, shown: s.frames.toFixed(1), pass: s.pass });
    }
  }
  return checks;
}

export function formatTable(results) {
  const cell = (s) => (s ? `${s.frames.toFixed(1)} (${s.epochsPerFrame.toFixed(1)} ep/frame)${s.pass ? '' : ' MISSED'}` : 'n/a');
  const lines = ['| engine | blank rAF | default | 6x8, every feature |', '|---|---|---|---|'];
  for (const r of results) {
    const by = Object.fromEntries(r.setups.map((s) => [s.id, s]));
    lines.push(`| ${r.version} | ${r.blank.raf.toFixed(1)} | ${cell(by.default)} | ${cell(by['6x8'])} |`);
  }
  return lines.join('\n');
}
