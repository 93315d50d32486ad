// The WASM-SIMD ceiling the benchmark compares against: CHAINS independent f32x4 chains of
// acc = acc * a + b. SIMD128 has no fused multiply-add, so each step is one f32x4.mul and one
// f32x4.add: 8 FLOPs per chain per iteration. Several chains are needed because one chain
// waits on the latency of the previous mul and add; the benchmark times every variant and
// keeps the fastest, so the figure does not depend on guessing this machine's latencies.
#include <wasm_simd128.h>

#define PEAK_KERNEL(NAME, CHAINS)                                                  \
  __attribute__((export_name(#NAME))) float NAME(int iterations, float a, float b) { \
    const v128_t va = wasm_f32x4_splat(a), vb = wasm_f32x4_splat(b);               \
    v128_t acc[CHAINS];                                                            \
    for (int c = 0; c < CHAINS; ++c) acc[c] = wasm_f32x4_splat((float)c);          \
    for (int i = 0; i < iterations; ++i)                                           \
      for (int c = 0; c < CHAINS; ++c) acc[c] = wasm_f32x4_add(wasm_f32x4_mul(acc[c], va), vb); \
    v128_t sum = acc[0];                                                           \
    for (int c = 1; c < CHAINS; ++c) sum = wasm_f32x4_add(sum, acc[c]);            \
    /* The result is returned so the optimiser cannot drop the chains. */          \
    return wasm_f32x4_extract_lane(sum, 0) + wasm_f32x4_extract_lane(sum, 1) +     \
           wasm_f32x4_extract_lane(sum, 2) + wasm_f32x4_extract_lane(sum, 3);      \
  }

PEAK_KERNEL(chains8, 8)
PEAK_KERNEL(chains10, 10)
PEAK_KERNEL(chains12, 12)
PEAK_KERNEL(chains14, 14)
PEAK_KERNEL(chains16, 16)
