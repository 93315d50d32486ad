#include "kernels.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace nnplay {

namespace {

// The three inner loops, as functions whose restrict parameters tell the compiler the rows do
// not overlap: it then vectorises them without the run-time overlap checks it would otherwise
// add (and pay for on every call with the short rows of a small batch).
inline void fill(float* __restrict y, float value, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) y[k] = value;
}

inline void axpy(float* __restrict y, const float* __restrict x, float a, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) y[k] += a * x[k];
}

inline float dot(const float* __restrict a, const float* __restrict b, std::size_t n) {
  float acc = 0.0f;
  for (std::size_t k = 0; k < n; ++k) acc += a[k] * b[k];
  return acc;
}

inline float sum(const float* __restrict a, std::size_t n) {
  float acc = 0.0f;
  for (std::size_t k = 0; k < n; ++k) acc += a[k];
  return acc;
}

#if defined(__wasm_simd128__)
// Register blocking for WASM SIMD128: 16 columns of one output row are summed in four f32x4
// registers over all inputs, so each weight costs one splat and four multiply-adds, with no
// load or store of z in between (the axpy form reloads and stores z for every input).
inline void forward_block16(const float* __restrict wo, float bias, const float* __restrict x,
                            float* __restrict zo, std::size_t in, std::size_t ld) {
  v128_t a0 = wasm_f32x4_splat(bias), a1 = a0, a2 = a0, a3 = a0;
  for (std::size_t i = 0; i < in; ++i) {
    const v128_t w = wasm_f32x4_splat(wo[i]);
    const float* xi = x + i * ld;
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(w, wasm_v128_load(xi)));
    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(w, wasm_v128_load(xi + 4)));
    a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(w, wasm_v128_load(xi + 8)));
    a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(w, wasm_v128_load(xi + 12)));
  }
  wasm_v128_store(zo, a0);
  wasm_v128_store(zo + 4, a1);
  wasm_v128_store(zo + 8, a2);
  wasm_v128_store(zo + 12, a3);
}
#endif

}  // namespace

void dense_forward(const float* W, const float* b, const float* x, float* z, std::size_t out,
                   std::size_t in, std::size_t batch, std::size_t ld) {
  for (std::size_t o = 0; o < out; ++o) {
    float* zo = z + o * ld;
    const float* wo = W + o * in;
    std::size_t done = 0;
#if defined(__wasm_simd128__)
    for (; done + 16 <= batch; done += 16) forward_block16(wo, b[o], x + done, zo + done, in, ld);
#endif
    const std::size_t rest = batch - done;
    fill(zo + done, b[o], rest);
    for (std::size_t i = 0; i < in; ++i) axpy(zo + done, x + i * ld + done, wo[i], rest);
  }
}

void dense_backward(const float* W, const float* x, const float* dz, float* dW, float* db, float* dx,
                    std::size_t out, std::size_t in, std::size_t batch) {
  if (dx != nullptr) fill(dx, 0.0f, in * batch);
  // One pass over dz: each row o gives its bias sum, its row of dW (dot products over the batch)
  // and its share of dx (an axpy per input), while the row is still in cache.
  for (std::size_t o = 0; o < out; ++o) {
    const float* dzo = dz + o * batch;
    db[o] += sum(dzo, batch);
    float* dwo = dW + o * in;
    const float* wo = W + o * in;
    for (std::size_t i = 0; i < in; ++i) {
      dwo[i] += dot(dzo, x + i * batch, batch);
      if (dx != nullptr) axpy(dx + i * batch, dzo, wo[i], batch);
    }
  }
}

}  // namespace nnplay
