// The export dialog in real Chromium, from the built dist/ under a strict CSP: reached by
// keyboard from the data tools, it downloads the NumPy, PyTorch and ONNX models, the data and
// the "what you built" note, each beginning as it should (the ONNX file also loads in ONNX
// Runtime and answers for every point); a chunk that cannot load says so beside the button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { openBrowser, newPage, firstFrame, trainFor, metrics, OUTPUT_DIR } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'";
const SETUP = '#dataset=gauss&numClasses=3&seed=4&networkShape=4,3&activations=relu,gelu&xSquared=true';

// The element inside the playground's shadow root that has the focus.
function focusedText(page) {
  return page.evaluate(() => document.querySelector('nn-playground').shadowRoot.activeElement?.textContent ?? null);
}

// The data column's tools fold away (open on a wide screen, folded on a phone): unfold them.
async function showDataTools(page) {
  const details = page.locator('nn-playground details.data-more');
  if (!(await details.evaluate((el) => el.open))) await details.locator('summary').click();
}

async function downloadOf(page, button, name) {
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  assert.equal(download.suggestedFilename(), name);
  const file = path.join(OUTPUT_DIR, `export-${name}`);
  await download.saveAs(file);
  return readFile(file);
}

test('Export model: by keyboard, each file downloads and begins as it should, under a strict CSP', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: 'dist', headers: { 'Content-Security-Policy': CSP } });
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}${SETUP}`);
  await firstFrame(page);
  await trainFor(page, 15);
  const { epoch } = await metrics(page);

  await showDataTools(page);
  const opener = page.locator('nn-playground .data-tools button', { hasText: 'Export model' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('nn-playground dialog.export-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await dialog.locator('h2').textContent(), 'Export the trained model');
  assert.match(await dialog.textContent(), /Keras is not offered/);

  const numpy = (await downloadOf(page, dialog.locator('button[data-export=numpy]'), 'nnplay_model_numpy.py')).toString();
  assert.ok(numpy.startsWith('"""A neural network trained in nnplay'), numpy.slice(0, 80));
  assert.match(numpy, /^import numpy as np$/m);
  assert.match(numpy, /Shape: 3 inputs -> 4 relu -> 3 gelu -> 3 softmax/);
  const torch = (await downloadOf(page, dialog.locator('button[data-export=pytorch]'), 'nnplay_model_torch.py')).toString();
  assert.ok(torch.startsWith('"""A neural network trained in nnplay'), torch.slice(0, 80));
  assert.match(torch, /model = nn\.Sequential\(\n\s+Features\(\),\n\s+nn\.Linear\(3, 4\)/);

  const onnx = await downloadOf(page, dialog.locator('button[data-export=onnx]'), 'nnplay-model.onnx');
  assert.deepEqual([...onnx.subarray(0, 2)], [0x08, 7], 'an ONNX ModelProto begins with ir_version 7');
  const session = await ort.InferenceSession.create(new Uint8Array(onnx));
  const { output } = await session.run({ xy: new ort.Tensor('float32', Float32Array.from([0, 0, 2, -3]), [2, 2]) });
  assert.deepEqual(output.dims, [2, 3]);
  for (const row of [0, 1]) {
    const sum = output.data.slice(3 * row, 3 * row + 3).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5, `softmax outputs of point ${row} add up to ${sum}`);
  }

  const csv = (await downloadOf(page, dialog.locator('button[data-export=csv]'), 'nnplay-data.csv')).toString();
  assert.ok(csv.startsWith('x,y,label\n'), csv.slice(0, 40));
  const note = (await downloadOf(page, dialog.locator('button[data-export=summary]'), 'nnplay-what-i-built.md')).toString();
  assert.ok(note.startsWith('# What I built in nnplay\n'), note.slice(0, 40));
  assert.match(note, new RegExp(`Trained for ${epoch} epochs`));
  assert.match(note, /Parameters: 43 \(33 weights, 10 biases\)/);
  assert.equal(await dialog.locator('textarea.export-summary').inputValue(), note);
  assert.match(await dialog.locator('.export-status').textContent(), /Downloaded nnplay-what-i-built\.md/);

  // Escape closes it and the focus goes back to the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focusedText(page), 'Export model');
  assert.deepEqual(problems, []);
});

test('Export model: a chunk that cannot be fetched is named beside the button, and the page keeps working', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: 'dist' });
  const { page } = await newPage(browser);
  await page.route(/nnplay-export-dialog-[^/]*\.js$/, (route) => route.abort());
  await page.goto(`${base}${SETUP}`);
  await firstFrame(page);
  await showDataTools(page);
  await page.locator('nn-playground .data-tools button', { hasText: 'Export model' }).click();
  const message = page.locator('nn-playground .data-tools .tool-error').last();
  await message.waitFor({ state: 'visible' });
  assert.match(await message.textContent(), /Could not load the export dialog/);
  await trainFor(page, 3);
  assert.ok((await metrics(page)).epoch >= 3);
});

test('Export model: a diverged network is not exported; the dialog says why and still offers the data', async (t) => {
  const { browser, base } = await openBrowser(t, { folder: 'dist' });
  const { page, problems } = await newPage(browser);
  await page.goto(`${base}#problem=regression&activation=linear&learningRate=10&networkShape=8,8,8&seed=1`);
  await firstFrame(page);
  await page.evaluate(() => document.querySelector('nn-playground').play());
  await page.waitForFunction(() => !document.querySelector('nn-playground').metrics.running, null, { timeout: 20000 });
  await showDataTools(page);
  await page.locator('nn-playground .data-tools button', { hasText: 'Export model' }).click();
  const dialog = page.locator('nn-playground dialog.export-dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.locator('.export-message').textContent(), /Cannot export this network: the training diverged/);
  for (const name of ['numpy', 'pytorch', 'onnx', 'summary']) {
    assert.equal(await dialog.locator(`button[data-export=${name}]`).isDisabled(), true, `${name} is disabled`);
  }
  const csv = (await downloadOf(page, dialog.locator('button[data-export=csv]'), 'nnplay-data.csv')).toString();
  assert.match(csv, /^x,y,target\n/, csv.slice(0, 40));
  assert.deepEqual(problems, []);
});
