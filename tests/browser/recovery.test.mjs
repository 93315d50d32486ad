// All playgrounds on a page share one worker. When it crashes, every playground comes back
// where it was (its session loaded from the last checkpoint, the exact-resume format) with a
// message on each, and none is lost; a worker that keeps crashing ends in the Restart button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, newPage, firstFrame, epochRests } from './browser.mjs';

const el = (k) => `document.querySelectorAll('nn-playground')[${k}]`;

async function twoPlaygrounds(browser, base) {
  // Tall enough that both are on screen (an off-screen playground does not train).
  const { page, problems } = await newPage(browser, { height: 2600 });
  await page.goto(`${base}#dataset=xor&seed=4&networkShape=5`);
  await firstFrame(page);
  await page.evaluate(() => {
    const other = document.createElement('nn-playground');
    other.setAttribute('dataset', 'gauss');
    other.setAttribute('seed', 'neighbour');
    document.body.prepend(other);
  });
  await firstFrame(page, 0);
  return { page, problems };
}

// The worker of a restart starts once recovery.js has loaded: wait for it, then make it fail.
async function crash(page) {
  await page.waitForFunction(() => document.querySelector('nn-playground').playground.engine.worker);
  await page.evaluate(() => document.querySelector('nn-playground').playground.engine.worker
    .dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' })));
}

test('one worker for every playground; a crash restarts it and each playground resumes where it was', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await twoPlaygrounds(browser, base);
  const [running, paused] = [0, 1];
  assert.equal(await page.evaluate(`${el(0)}.playground.engine.worker === ${el(1)}.playground.engine.worker`), true,
    'both playgrounds talk to the same worker');
  await page.evaluate(`${el(running)}.play(); ${el(paused)}.play()`);
  await page.waitForFunction(`${el(paused)}.metrics.epoch > 30 && ${el(running)}.metrics.epoch > 30`);
  await page.evaluate(`${el(paused)}.pause()`);
  await epochRests(page, paused, 700);
  const snapshot = await page.evaluate(`${el(paused)}.playground.engine.save()`);
  const runningBefore = await page.evaluate(`${el(running)}.metrics.epoch`);
  const oldWorker = await page.evaluate(`(window.oldWorker = ${el(0)}.playground.engine.worker, 1)`);
  assert.equal(oldWorker, 1);

  await crash(page);
  const messages = page.locator('nn-playground .playground > .message:not(.attribute-message)');
  for (const k of [running, paused]) {
    await page.waitForFunction((i) => /simulated crash/.test(document.querySelectorAll('nn-playground')[i]
      .shadowRoot.querySelector('.playground > .message:not(.attribute-message)')?.textContent ?? ''), k);
    assert.match(await messages.nth(k).textContent(), /the engine stopped: simulated crash\. It was restarted, and this playground resumed/);
  }
  assert.equal(await page.evaluate(`${el(0)}.playground.engine.worker !== window.oldWorker
    && ${el(0)}.playground.engine.worker === ${el(1)}.playground.engine.worker`), true, 'one new worker for both');
  // The paused one is exactly where it stopped: the same experiment, to the last weight and epoch.
  assert.equal(await page.evaluate(`${el(paused)}.playground.engine.save()`), snapshot);
  // The running one goes on from its checkpoint (at most CHECKPOINT_MS of training back) with its own settings.
  await page.waitForFunction((e) => document.querySelectorAll('nn-playground')[0].metrics.epoch > e + 20, runningBefore);
  const config = await page.evaluate(async () => JSON.parse(await document.querySelectorAll('nn-playground')[0]
    .playground.engine.save()).config);
  assert.match(config, /(^|&)dataset=gauss(&|$)/);
  assert.match(config, /(^|&)seed=neighbour(&|$)/);
  assert.equal(await page.locator('nn-playground .restart-button').count(), 0);
  assert.deepEqual(problems.filter((p) => !p.includes('simulated crash')), []);
});

test('a worker that keeps crashing is given up: each playground offers Restart with its settings', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await twoPlaygrounds(browser, base);
  const crashing = 1;
  // Three restarts are allowed within 30 s; the fourth crash ends the engine for every playground.
  for (let i = 0; i < 4; i++) await crash(page);
  const restart = page.locator('nn-playground .restart-button');
  await restart.nth(crashing).waitFor({ state: 'visible' });
  assert.equal(await restart.count(), 2);
  assert.match(await page.locator('nn-playground .playground > .message:not(.attribute-message)').nth(crashing).textContent(),
    /the engine stopped: simulated crash/);
  await restart.nth(crashing).click();
  await page.evaluate(`${el(crashing)}.step()`);
  assert.equal(await page.evaluate(`${el(crashing)}.metrics.epoch`), 1);
  assert.match(page.url(), /dataset=xor/);
  const recovered = page.locator('nn-playground').nth(crashing);
  assert.equal(await recovered.locator('[data-role="neuron"]').count(), 5 + 1);
  const engineConfig = await page.evaluate(async (k) => JSON.parse(
    await document.querySelectorAll('nn-playground')[k].playground.engine.save()).config, crashing);
  assert.match(engineConfig, /(^|&)networkShape=5(&|$)/);
  assert.match(engineConfig, /(^|&)seed=4(&|$)/);
  assert.deepEqual(problems.filter((p) => !p.includes('simulated crash')), []);
});

test('the teaching ops keep to their own session on the shared worker; a CSV\'s class names survive a crash', async (t) => {
  const { browser, base } = await openBrowser(t);
  const { page, problems } = await twoPlaygrounds(browser, base);
  const params = (k) => page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine.params()
    .then((p) => Array.from(p)), k);
  const [stepped, other] = [0, 1];
  const otherBefore = await params(other);
  const steppedBefore = await params(stepped);
  const result = await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine.stepBatches(1)
    .then((r) => ({ before: Array.from(r.before), after: Array.from(r.after) })), stepped);
  assert.deepEqual(result.before, steppedBefore, 'stepBatches starts from its own weights');
  assert.notDeepEqual(result.after, result.before, 'one mini-batch moved them');
  assert.deepEqual(await params(other), otherBefore, 'the other session is untouched');
  const traced = await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine.trace(0.5, 0.5, 1), other);
  assert.ok(traced, 'trace answers for the other session');

  const rows = ['x,y,label'];
  for (let i = 0; i < 12; i++) rows.push(`${(i % 4) - 1.5},${Math.floor(i / 4) - 1},${i % 2 ? 'dog' : 'cat'}`);
  const imported = await page.evaluate(([i, text]) => document.querySelectorAll('nn-playground')[i].playground.engine
    .importCsv(text).then((s) => s.classNames), [other, rows.join('\n')]);
  assert.deepEqual(imported, ['cat', 'dog']);
  await crash(page);
  await page.waitForFunction((i) => /resumed/.test(document.querySelectorAll('nn-playground')[i]
    .shadowRoot.querySelector('.playground > .message:not(.attribute-message)')?.textContent ?? ''), other);
  // A call that answers with the data's structure says which names the restored session holds.
  const names = await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine
    .addPoint(0, 0, 1).then((s) => s.classNames), other);
  assert.deepEqual(names, ['cat', 'dog'], 'the restored session keeps the CSV\'s class names');
  const neighbour = await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine
    .addPoint(0, 0, 1).then((s) => s.classNames), stepped);
  assert.equal(neighbour, null, 'the other session never had them');
  assert.deepEqual(problems.filter((p) => !p.includes('simulated crash')), []);
});

test('a crash brings a picture playground back on the image engine, next to a 2-D one on the 2-D engine', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: 'dist' });
  const { page, problems } = await twoPlaygrounds(browser, base);
  const [pictures, points] = [0, 1];
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
  await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].setAttribute('dataset', 'fashion'), pictures);
  await page.waitForFunction((i) => document.querySelectorAll('nn-playground')[i].shadowRoot.querySelectorAll('.class-bar').length === 3,
    pictures, { timeout: 60000 });
  // Trained a little, then paused: the frame after the pause carries its checkpoint.
  await page.evaluate(`${el(pictures)}.play()`);
  await page.waitForFunction((i) => document.querySelectorAll('nn-playground')[i].metrics.trainAccuracy > 0.5, pictures, { timeout: 60000 });
  await page.evaluate(`${el(pictures)}.pause()`);
  await page.waitForTimeout(1000);
  const snapshot = await page.evaluate(`${el(pictures)}.playground.engine.save()`);
  assert.match(JSON.parse(snapshot).config, /(^|&)dataset=fashion(&|$)/);
  const wasm = () => requested.filter((name) => name.endsWith('.wasm'));
  assert.deepEqual(wasm(), ['nncore-images.wasm']);

  await crash(page);
  await page.waitForFunction((i) => /resumed/.test(document.querySelectorAll('nn-playground')[i]
    .shadowRoot.querySelector('.playground > .message:not(.attribute-message)')?.textContent ?? ''), pictures, { timeout: 60000 });
  assert.equal(await page.evaluate(`${el(pictures)}.playground.engine.save()`), snapshot, 'the pictures session, exactly');
  const test = await page.evaluate((i) => document.querySelectorAll('nn-playground')[i].playground.engine.testImage(0)
    .then((r) => r.pixels.length), pictures);
  assert.equal(test, 784);
  await page.evaluate(`${el(points)}.step()`);
  assert.ok(await page.evaluate(`${el(points)}.metrics.epoch`) > 0);
  assert.deepEqual(problems.filter((p) => !p.includes('simulated crash')), []);
});
