// Which engine build a browser loads (web/engine/wasm-support.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simd128Supported } from '../../../web/engine/wasm-support.js';

test('the SIMD128 probe validates in an engine with SIMD128 and fails safe elsewhere', () => {
  assert.equal(simd128Supported(), true, 'Node 20 has SIMD128');
  // An engine that rejects the probe, has no validate, throws from it, or has no WebAssembly.
  assert.equal(simd128Supported({ validate: () => false }), false);
  assert.equal(simd128Supported({}), false);
  assert.equal(simd128Supported({ validate: () => { throw new Error('no'); } }), false);
  assert.equal(simd128Supported(null), false);
  // The probe is the SIMD instruction that makes it valid: without it, the function returns
  // an i32 where it promised a v128 and the module is invalid everywhere.
  let probe = null;
  simd128Supported({ validate: (bytes) => { probe = bytes; return true; } });
  // Bytes 20 and 22 are the code section's and the body's sizes: 4 fewer without the two
  // 2-byte SIMD instructions.
  const plain = Uint8Array.of(...probe.slice(0, 26), 0x0b).with(20, 0x06).with(22, 0x04);
  assert.equal(WebAssembly.validate(plain), false);
  assert.equal(WebAssembly.validate(probe), true);
});
