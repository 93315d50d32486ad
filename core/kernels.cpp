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

// dx[i, 16 columns] = sum_o W[o, i] dz[o, those columns], summed in four registers.
inline void input_grad_block16(const float* __restrict W, const float* __restrict dz, float* __restrict dxi,
                               std::size_t i, std::size_t out, std::size_t in, std::size_t ld) {
  v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
  for (std::size_t o = 0; o < out; ++o) {
    const v128_t w = wasm_f32x4_splat(W[o * in + i]);
    const float* d = dz + o * ld;
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(w, wasm_v128_load(d)));
    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(w, wasm_v128_load(d + 4)));
    a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(w, wasm_v128_load(d + 8)));
    a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(w, wasm_v128_load(d + 12)));
  }
  wasm_v128_store(dxi, a0);
  wasm_v128_store(dxi + 4, a1);
  wasm_v128_store(dxi + 8, a2);
  wasm_v128_store(dxi + 12, a3);
}

inline float lane_sum(v128_t v) {
  return wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 2) +
         wasm_f32x4_extract_lane(v, 3);
}

// dW[o..o+3, i] += dz[o..o+3, :] . x[i, :]: four dot products share each load of x.
inline void weight_grad_rows4(const float* __restrict dz, const float* __restrict xi, float* __restrict dW,
                              std::size_t o, std::size_t i, std::size_t in, std::size_t batch) {
  v128_t a0 = wasm_f32x4_splat(0.0f), a1 = a0, a2 = a0, a3 = a0;
  const float *d0 = dz + o * batch, *d1 = d0 + batch, *d2 = d1 + batch, *d3 = d2 + batch;
  std::size_t c = 0;
  for (; c + 4 <= batch; c += 4) {
    const v128_t x = wasm_v128_load(xi + c);
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_v128_load(d0 + c), x));
    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(wasm_v128_load(d1 + c), x));
    a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(wasm_v128_load(d2 + c), x));
    a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(wasm_v128_load(d3 + c), x));
  }
  float s0 = lane_sum(a0), s1 = lane_sum(a1), s2 = lane_sum(a2), s3 = lane_sum(a3);
  for (; c < batch; ++c) s0 += d0[c] * xi[c], s1 += d1[c] * xi[c], s2 += d2[c] * xi[c], s3 += d3[c] * xi[c];
  dW[o * in + i] += s0;
  dW[(o + 1) * in + i] += s1;
  dW[(o + 2) * in + i] += s2;
  dW[(o + 3) * in + i] += s3;
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
  for (std::size_t o = 0; o < out; ++o) db[o] += sum(dz + o * batch, batch);
  std::size_t o = 0;
#if defined(__wasm_simd128__)
  for (; o + 4 <= out; o += 4)
    for (std::size_t i = 0; i < in; ++i) weight_grad_rows4(dz, x + i * batch, dW, o, i, in, batch);
#endif
  for (; o < out; ++o)
    for (std::size_t i = 0; i < in; ++i) dW[o * in + i] += dot(dz + o * batch, x + i * batch, batch);
  if (dx == nullptr) return;
  for (std::size_t i = 0; i < in; ++i) {
    float* dxi = dx + i * batch;
    std::size_t done = 0;
#if defined(__wasm_simd128__)
    for (; done + 16 <= batch; done += 16) input_grad_block16(W, dz + done, dxi + done, i, out, in, batch);
#endif
    const std::size_t rest = batch - done;
    fill(dxi + done, 0.0f, rest);
    for (std::size_t k = 0; k < out; ++k) axpy(dxi + done, dz + k * batch + done, W[k * in + i], rest);
  }
}

}  // namespace nnplay
