// The benchmark's own checks, so it cannot rot between timed runs: `npm run bench -- --check`
// passes on the code as built, the work check catches an engine whose calls do nothing, and
// the floors fail when they should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadNnplay, nnplayEngine } from '../../bench/engines/nnplay.mjs';
import { makeProblem } from '../../bench/problem.mjs';
import { checkWork, countCalls, progressOf } from '../../bench/checks.mjs';
import { evaluateFloors, floorsExitCode } from '../../bench/report.mjs';
import { WORKLOADS } from '../../bench/workloads.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('npm run bench -- --check: every workload\'s engines agree and do the work of every call', async () => {
  const { code, stdout, stderr } = await new Promise((resolve) => {
    execFile(process.execPath, ['bench/bench.mjs', '--check'], { cwd: ROOT, timeout: 300_000 },
      (error, out, err) => resolve({ code: error ? error.code ?? 1 : 0, stdout: out, stderr: err }));
  });
  assert.equal(code, 0, stderr);
  for (const w of WORKLOADS) {
    assert.match(stdout, new RegExp(`^  W${w.id} work done: nnplay 3 calls, ConvNetJS 3 calls, TF\\.js 3 calls`, 'm'), `W${w.id}`);
  }
  assert.match(stdout, /losses after 8 epochs agree within/);
  assert.match(stdout, /grids still agree within/);
  assert.match(stdout, new RegExp(`^bench --check: all ${WORKLOADS.length} workloads`, 'm'));
  assert.doesNotMatch(stdout, /GFLOP|Floors/, 'no timing and no floors');
});

const { nn } = await loadNnplay();
const problem = makeProblem(nn, [8, 8, 8]);

function callThrice(engines) {
  const units = Object.fromEntries(Object.entries(engines).map(([k, e]) => [k, countCalls(() => e.trainEpoch())]));
  const before = progressOf(engines);
  for (const unit of Object.values(units)) for (let i = 0; i < 3; i++) unit();
  return { before, calls: Object.fromEntries(Object.entries(units).map(([k, u]) => [k, u.calls])) };
}

test('the work check passes a training nnplay session and fails one that auto-stopped (step does nothing)', (t) => {
  const healthy = nnplayEngine(nn, problem, 10);
  const stopping = nnplayEngine(nn, problem, 10, { extraConfig: '&stopEpochs=2' });
  t.after(() => { healthy.dispose(); stopping.dispose(); });
  const good = callThrice({ nnplay: healthy });
  assert.deepEqual(checkWork({ nnplay: healthy }, good.before, good.calls, { training: true }), []);
  const bad = callThrice({ nnplay: stopping });
  const problems = checkWork({ nnplay: stopping }, bad.before, bad.calls, { training: true });
  assert.ok(problems.some((p) => /nnplay stopped training \(auto-stop: /.test(p)), problems.join('; '));
  assert.ok(problems.includes('nnplay trained 2 epochs in 3 calls (expected 3)'), problems.join('; '));
});

test('the work check fails a non-finite loss, a loss that never moves and a grid call that trained', () => {
  const fake = (progress) => ({ progress: () => progress });
  const before = { nnplay: { epochs: 0, loss: 0.5 }, convnetjs: { epochs: 0, loss: 0.5 } };
  const engines = { nnplay: fake({ epochs: 3, loss: NaN, stopped: '' }), convnetjs: fake({ epochs: 3, loss: 0.5, stopped: '' }) };
  assert.deepEqual(checkWork(engines, before, { nnplay: 3, convnetjs: 3 }, { training: true }), [
    "nnplay's training loss is NaN",
    "ConvNetJS's training loss did not move in 3 epochs (0.5)",
  ]);
  assert.deepEqual(checkWork({ convnetjs: engines.convnetjs }, before, { convnetjs: 3 }, { training: false }),
    ['ConvNetJS trained 3 epochs in 3 calls (expected 0)']);
});

// Workloads as bench.mjs reports them, with nnplay far above every floor.
function measured({ cappedBatch = null } = {}) {
  const fast = { speedup: { convnetjs: 1000, tfjs: 1000 } };
  const train = (id, requested) => ({ id, kind: 'train', requestedBatch: requested, ...fast,
    engines: { nnplay: { batchSize: cappedBatch ?? requested, peakShare: 0.9 } } });
  return [train('1', 10), { id: '4', kind: 'grid', requestedBatch: null, ...fast, engines: { nnplay: { batchSize: null, peakShare: 0.9 } } },
    train('5b', 250)];
}

test('a floor measured with nnplay at a capped batch size fails, however fast', () => {
  assert.ok(evaluateFloors(measured()).every((f) => f.pass));
  const floors = evaluateFloors(measured({ cappedBatch: 30 }));
  for (const f of floors.filter((x) => x.workload !== '4')) {
    assert.equal(f.pass, false, f.text);
    assert.match(f.text, /nnplay at batch 30, its core's cap, not (10|250): does not count/);
  }
  assert.ok(floors.filter((x) => x.workload === '4').every((f) => f.pass), 'grids have no batch to cap');
});

test('--strict turns a missed floor into exit status 1; without it the run reports and exits 0', () => {
  const met = evaluateFloors(measured());
  const slow = measured();
  slow[0].speedup.tfjs = 50;  // W1 needs 100x TF.js
  const missed = evaluateFloors(slow);
  assert.equal(missed.filter((f) => !f.pass).length, 1);
  assert.equal(floorsExitCode(missed, { strict: true }), 1);
  assert.equal(floorsExitCode(missed, { strict: false }), 0);
  assert.equal(floorsExitCode(met, { strict: true }), 0);
});
