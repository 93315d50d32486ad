// The SIMD exp4 (core/activation.cpp) and the scalar fast_exp (core/fast_math.hpp) take the same
// steps, so a tanh unit reads the same whether its value came from a whole SIMD vector (the grid)
// or from the scalar path (one traced point). With no hidden layers and a zero weight the output
// sum is the bias exactly, so every grid value and the trace see the same z.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNnCore } from './load-wasm.mjs';

const nn = await loadNnCore();
const LOG2E = Math.fround(1.44269504);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

// Biases b whose 2b * log2(e) is exactly k + 1/2 in float: the ties where rounding half to even
// and half away from zero part.
function ties() {
  const found = [];
  for (let k = -60; k <= 60; ++k) {
    f32[0] = (k + 0.5) / (2 * LOG2E);
    const start = i32[0];
    for (let step = -400; step <= 400; ++step) {
      i32[0] = start + step;
      const b = f32[0];
      if (Math.fround(Math.fround(2 * b) * LOG2E) === k + 0.5) found.push(b);
    }
  }
  return found;
}

test('the SIMD and scalar tanh agree bit for bit on a sweep that includes rounding ties', () => {
  const s = new nn.Session();
  try {
    s.configure('seed=1&networkShape=&y=false');
    assert.equal(s.params().length, 2);  // one weight, one bias
    s.setParam(0, 0);
    const tied = ties();
    assert.ok(tied.length >= 20, `found ${tied.length} ties`);
    const sweep = [...tied];
    for (let b = -50; b <= 50; b += 0.0137) sweep.push(Math.fround(b));
    let differ = 0;
    for (const b of sweep) {
      s.setParam(1, b);
      const grid = s.evaluateGridOutput(2);  // four values: one whole SIMD vector
      const simd = grid[0];
      const scalar = Math.fround(s.tracePoint(0, 0, 1).activations.at(-1));
      if (!Object.is(simd, scalar)) differ += 1;
    }
    assert.equal(differ, 0, `${differ} of ${sweep.length} values differ (${tied.length} ties)`);
  } finally {
    s.delete();
  }
});
