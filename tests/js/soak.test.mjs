// Soak: a million training steps through the wasm module's JS API, reconfiguring between
// shapes, datasets and features and reading grids and metrics as the page does. After a warm-up
// pass over every configuration neither the wasm memory nor the malloc heap inside it may grow,
// the wasm stack pointer must be back where it started, and every Embind handle made (Session
// objects and emval handles) must be released. A second test does the same for rejected input.
//   SOAK_STEPS=100000 node --test tests/js/soak.test.mjs   a shortened soak
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNnCore } from './load-wasm.mjs';

const nn = await loadNnCore();

const TOTAL_STEPS = Number(process.env.SOAK_STEPS ?? 1_000_000);
const STEPS_PER_CALL = 1000;  // session.step(n) runs n mini-batches
const CALLS_PER_BLOCK = 10;   // one configuration trains this many calls before the next
const GRID = 100;

// Shapes, datasets, features, activations and batch sizes the page can ask for, each trainable
// without diverging. The largest layer is kept modest so a million steps stay quick.
const CONFIGS = [
  'dataset=circle&networkShape=4,2&seed=soak1',
  'dataset=spiral&networkShape=8,8&sinX=true&sinY=true&seed=soak2',
  'dataset=xor&networkShape=6,6,6&activation=relu&learningRate=0.01&batchSize=30',
  'problem=regression&regDataset=reg-gauss&networkShape=5&activation=linear&learningRate=0.01',
  'dataset=gauss&networkShape=&xSquared=true&ySquared=true&batchSize=1',
  'dataset=circle&networkShape=16,12&xTimesY=true&regularization=L2&regularizationRate=0.001',
  'dataset=spiral&networkShape=2,2,2,2,2,2,2,2&activation=sigmoid&x=false&sinX=true&percTrainData=90',
  'problem=regression&regDataset=reg-plane&networkShape=3&noise=50&initZero=true',
];

const memoryBytes = () => nn.HEAPU8.buffer.byteLength;
// The wasm memory only grows in big steps, so a slow leak would hide in it for a long time. This
// is finer: a block bigger than any hole in the heap is carved from the top of the malloc heap,
// so its address is where the heap's live part ends, and it moves up when allocations leak.
function heapTop() {
  const block = nn._malloc(4 << 20);
  nn._free(block);
  return block;
}
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

// Every Session made here goes through this, so the test can check each one was deleted:
// Embind keeps no registry of plain class handles, but each handle knows isDeleted().
const sessions = [];
function newSession() {
  const session = new nn.Session();
  sessions.push(session);
  return session;
}

// One block: configure, then train in big calls, reading what a frame reads after each.
function trainBlock(session, config, blockIndex) {
  session.configure(config);
  let steps = 0;
  for (let call = 0; call < CALLS_PER_BLOCK; ++call) {
    session.step(STEPS_PER_CALL);
    steps += STEPS_PER_CALL;
    // Copy at once, as the page does: a view dies when wasm memory grows.
    const grid = session.evaluateGrid(GRID).slice();
    const units = Array.from(session.unitCounts()).reduce((a, b) => a + b, 0);
    assert.equal(grid.length, units * GRID * GRID);
    const output = session.evaluateGridOutput(GRID).slice();
    assert.equal(output.length, GRID * GRID);
    const m = session.metrics();
    assert.equal(m.diverged, false, `${config} diverged`);
    assert.ok(Number.isFinite(m.trainLoss), `${config}: train loss ${m.trainLoss}`);
    if (call === CALLS_PER_BLOCK / 2) {
      // A live setting, a reset and a rebuild mid-block, as a person at the controls would.
      session.set('learningRate', blockIndex % 2 ? '0.003' : '0.01');
      if (blockIndex % 3 === 0) session.reset();
      if (blockIndex % 4 === 0) session.set('seed', `soak-${blockIndex % 5}`);
    }
  }
  session.points();
  session.params();
  session.config();
  return steps;
}

// A short-lived second session, made and deleted, as a page that adds and removes a playground.
function extraSession(config) {
  const other = newSession();
  try {
    other.configure(config);
    other.step(100);
    other.evaluateGridOutput(GRID);
  } finally {
    other.delete();
  }
}

test('a million steps with reconfiguration, grid and metrics reads: wasm memory stops growing and every handle is released', () => {
  const started = performance.now();
  const memoryAtStart = memoryBytes();
  const heapTopAtStart = heapTop();
  const handlesAtStart = nn.count_emval_handles();
  const stackAtStart = nn.stackSave();
  const session = newSession();
  let steps = 0;

  // Warm-up: one block of every configuration, so every buffer has met its largest size.
  CONFIGS.forEach((config, i) => {
    steps += trainBlock(session, config, i);
    extraSession(config);
  });
  // The probe first: the memory figures then include the room it needs, once.
  const heapTopAfterWarmUp = heapTop();
  const memoryAfterWarmUp = memoryBytes();
  const handlesAfterWarmUp = nn.count_emval_handles();
  const warmUpSteps = steps;

  let block = CONFIGS.length;
  while (steps < TOTAL_STEPS) {
    const config = CONFIGS[block % CONFIGS.length];
    steps += trainBlock(session, config, block);
    if (block % CONFIGS.length === 0) extraSession(config);
    // A leak pushes the first free 4 MiB higher; a lower one only means freed blocks joined below it.
    const top = heapTop();
    assert.ok(top <= heapTopAfterWarmUp, `the malloc heap grew after warm-up, at step ${steps} (${config}): ${top} > ${heapTopAfterWarmUp}`);
    assert.equal(memoryBytes(), memoryAfterWarmUp,
      `wasm memory grew after warm-up, at step ${steps} (${config})`);
    ++block;
  }
  const heapTopAtEnd = heapTop();
  session.delete();

  const memoryAtEnd = memoryBytes();
  const handlesAtEnd = nn.count_emval_handles();
  const seconds = (performance.now() - started) / 1000;
  console.log(`soak: ${steps} steps in ${block} blocks (${warmUpSteps} of them warm-up) in ${seconds.toFixed(1)} s`);
  console.log(`soak: wasm memory ${mib(memoryAtStart)} at start, ${mib(memoryAfterWarmUp)} after warm-up, ` +
    `${mib(memoryAtEnd)} at the end (${memoryAtEnd - memoryAfterWarmUp} bytes of growth after warm-up)`);
  console.log(`soak: malloc heap top at ${heapTopAtStart} at start, ${heapTopAfterWarmUp} after warm-up, ` +
    `${heapTopAtEnd} at the end, before the last session was deleted (${heapTopAtEnd - heapTopAfterWarmUp} bytes of growth)`);
  console.log(`soak: emval handles ${handlesAtStart} at start, ${handlesAfterWarmUp} after warm-up, ` +
    `${handlesAtEnd} at the end; Session handles made ${sessions.length}, ` +
    `deleted ${sessions.filter((s) => s.isDeleted()).length}`);

  assert.ok(steps >= TOTAL_STEPS);
  assert.equal(nn.stackSave(), stackAtStart, 'the wasm stack pointer is back where it started');
  assert.equal(memoryAtEnd, memoryAfterWarmUp, 'wasm memory grew after warm-up');
  assert.ok(heapTopAtEnd <= heapTopAfterWarmUp, 'the malloc heap grew after warm-up');
  assert.equal(handlesAfterWarmUp, handlesAtStart, 'emval handles leaked during warm-up');
  assert.equal(handlesAtEnd, handlesAtStart, 'emval handles leaked');
  assert.ok(sessions.every((s) => s.isDeleted()), 'every Session handle was deleted');
});

// The page feeds user text to configure and set and shows the thrown message; doing that for
// a whole afternoon must cost nothing either.
test('rejected settings, thousands of times over, leak no wasm memory and no emval handles', () => {
  const BAD = [
    ['batchSize=0', null],
    ['learningRate=a-long-value-that-does-not-fit-a-short-string', null],
    ['networkShape=65,65', null],
    [null, ['learningRate', 'fast']],
    [null, ['noSuchSetting', '1']],
  ];
  const REPEATS = 5_000;
  const session = newSession();
  const run = () => {
    for (const [text, pair] of BAD) {
      assert.throws(() => (text ? session.configure(text) : session.set(...pair)), Error);
    }
    session.step(1);
    nn.validateConfig('batchSize=x&activation=swish');
  };
  run();  // warm-up
  const topBefore = heapTop();
  const memoryBefore = memoryBytes();
  const handlesBefore = nn.count_emval_handles();
  const stackBefore = nn.stackSave();
  for (let i = 0; i < REPEATS; ++i) run();
  const stackAfter = nn.stackSave();
  const topAfter = heapTop();
  const memoryAfter = memoryBytes();
  const handlesAfter = nn.count_emval_handles();
  session.delete();
  console.log(`soak: ${REPEATS * BAD.length} rejected settings: wasm memory ${mib(memoryBefore)} -> ${mib(memoryAfter)}, ` +
    `malloc heap top ${topBefore} -> ${topAfter}, emval handles ${handlesBefore} -> ${handlesAfter}, ` +
    `wasm stack pointer ${stackBefore} -> ${stackAfter}`);
  // The stack is 5 MiB below the static data: a pointer that creeps down on every error
  // eventually writes over the module's globals.
  assert.equal(stackAfter, stackBefore, 'each rejected setting left wasm stack space allocated');
  assert.equal(handlesAfter, handlesBefore, 'each rejected setting leaked emval handles');
  assert.equal(topAfter, topBefore, 'rejected settings grew the malloc heap');
  assert.equal(memoryAfter, memoryBefore, 'rejected settings grew wasm memory');
  assert.ok(session.isDeleted());
});
