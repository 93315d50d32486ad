// No accepted input takes the wasm memory above 128 MiB: wasm memory never shrinks, so a spike
// is paid for the life of the page, and a phone's tab has little more. Each test drives the
// largest input of one kind through a fresh module and reads the memory's size afterwards; the
// last drives them all through one module, one after the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNnCore } from './load-wasm.mjs';
import { settingsTable } from '../../scripts/settings-table.mjs';

const LIMIT = 128 * 1024 * 1024;
const MB = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;

// Every feature, eight layers of 64 and six classes: the most units and parameters accepted.
const BIGGEST = 'dataset=gauss&numClasses=6&networkShape=64,64,64,64,64,64,64,64&x=true&y=true' +
  '&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&optimizer=adam';

const memory = (nn) => nn.HEAP8.buffer.byteLength;

function withSession(nn, fn) {
  const s = new nn.Session();
  try {
    return fn(s);
  } finally {
    s.delete();
  }
}

// Each grid call either runs or is refused with a message; the memory stays bounded either way.
function grids(nn, s) {
  let refused = 0;
  for (const n of [256, 200, 128, 100]) {
    for (const call of ['evaluateGrid', 'evaluateGridLayers', 'evaluateGridOutput']) {
      try {
        s[call](n);
      } catch (e) {
        assert.match(e.message, /^grid size/);
        refused += 1;
      }
    }
  }
  // The page's own grid (100) and the output-only grid at the largest side always run.
  s.evaluateGridLayers(100);
  assert.equal(s.evaluateGridOutput(256).length, 6 * 256 * 256);
  return refused;
}

function biggestNetwork(nn) {
  withSession(nn, (s) => {
    s.configure(`${BIGGEST}&batchSize=2000&numSamples=2000&percTrainData=90`);
    s.trainEpochs(2);
    s.metrics();
    s.pointLosses();
    s.confusion();
    s.tracePoint(1, 2, 3);
    grids(nn, s);
  });
}

// A file of the largest accepted size, as dense in values as JSON allows.
function largestExperiments(nn) {
  const { maxExperimentBytes } = settingsTable().caps;
  const head = '{"format":"nnplay-experiment","version":1,"filler":[';
  const fill = (unit) => head + unit.repeat(Math.floor((maxExperimentBytes - head.length - 2) / unit.length)).slice(0, -1) + ']}';
  withSession(nn, (s) => {
    for (const unit of ['0,', '[],', '{},', '"",']) {
      const text = fill(unit);
      assert.ok(text.length <= maxExperimentBytes);
      assert.throws(() => s.load(text), /experiment file: "config" is missing/);
    }
    assert.throws(() => s.load(`"${'a'.repeat(maxExperimentBytes - 2)}"`), /experiment file: not a JSON object/);
  });
  // The largest real experiment: written, then read back.
  withSession(nn, (s) => {
    s.configure(`${BIGGEST}&numSamples=1999&batchSize=2000&percTrainData=90`);
    s.addPoint(1, 1, 3, false);
    s.step(2);
    const text = s.save();
    withSession(nn, (copy) => copy.load(text));
  });
}

function largestCsv(nn) {
  const { maxCsvBytes, maxSamples } = settingsTable().caps;
  const pad = ' '.repeat(Math.floor(maxCsvBytes / maxSamples) - 40);
  let csv = 'x,y,label\n';
  for (let i = 0; i < maxSamples; ++i) csv += `${(i % 97) / 10 - 4.8},${(i % 89) / 10 - 4.4},${i % 6}${pad}\n`;
  assert.ok(csv.length <= maxCsvBytes, `${csv.length} bytes`);
  withSession(nn, (s) => {
    s.configure(BIGGEST);
    s.importCsv(csv);
    assert.equal(s.classes(), 6);
    s.exportCsv();
    s.trainEpochs(1);
  });
}

const CASES = { biggestNetwork, largestExperiments, largestCsv };

for (const [name, run] of Object.entries(CASES)) {
  test(`${name}: the wasm memory stays within 128 MiB`, async () => {
    const nn = await loadNnCore();
    const before = memory(nn);
    run(nn);
    const after = memory(nn);
    console.log(`memory ${name}: ${MB(before)} -> ${MB(after)}`);
    assert.ok(after <= LIMIT, `${name}: ${MB(after)}`);
  });
}

test('every largest input through one module: the wasm memory stays within 128 MiB', async () => {
  const nn = await loadNnCore();
  for (const run of Object.values(CASES)) run(nn);
  console.log(`memory all: ${MB(memory(nn))}`);
  assert.ok(memory(nn) <= LIMIT, MB(memory(nn)));
});
