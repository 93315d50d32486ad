// Which build of the engine this browser can run. Every current browser has WebAssembly SIMD128
// (Chromium 91, Firefox 89, Safari 16.4), but an older or locked-down engine may not; it gets the
// scalar build, which computes the same numbers more slowly. Imports nothing of the project.

// The smallest module that uses SIMD128: one function () -> v128 computing
// i8x16.popcnt(i8x16.splat(i32.const 0)). Only an engine that implements SIMD128 validates it.
const SIMD_PROBE = Uint8Array.of(
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // "\0asm", version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b,        // types: () -> v128
  0x03, 0x02, 0x01, 0x00,                          // functions: one, of type 0
  0x0a, 0x0a, 0x01, 0x08, 0x00,                    // code: one body of 8 bytes, no locals
  0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b,        // i32.const 0, i8x16.splat, i8x16.popcnt, end
);

export function simd128Supported(wasm = globalThis.WebAssembly) {
  try {
    return typeof wasm?.validate === 'function' && wasm.validate(SIMD_PROBE) === true;
  } catch {
    return false;
  }
}
