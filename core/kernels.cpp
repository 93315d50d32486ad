#include "kernels.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <type_traits>
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
// Register blocking for WASM SIMD128: V f32x4 registers hold 4V columns of one output row over
// all inputs, so each weight costs one splat and V multiply-adds, with no load or store of z in
// between (the axpy form reloads and stores z for every input). V = 4 takes 16 columns at a time;
// V = 1..3 take what is left in whole vectors (a training batch is padded to a multiple of 4).
template <int V>
inline void forward_block(const float* __restrict wo, float bias, const float* __restrict x,
                          float* __restrict zo, std::size_t in, std::size_t ld) {
  v128_t a[V];
  for (int k = 0; k < V; ++k) a[k] = wasm_f32x4_splat(bias);
  for (std::size_t i = 0; i < in; ++i) {
    const v128_t w = wasm_f32x4_splat(wo[i]);
    const float* xi = x + i * ld;
    for (int k = 0; k < V; ++k) a[k] = wasm_f32x4_add(a[k], wasm_f32x4_mul(w, wasm_v128_load(xi + 4 * k)));
  }
  for (int k = 0; k < V; ++k) wasm_v128_store(zo + 4 * k, a[k]);
}

// Two output rows at once: each load of x serves both rows, a sixth fewer operations per
// multiply-add than one row at a time (the 64-wide layers of the benchmark live here).
template <int V>
inline void forward_block2(const float* __restrict w0, const float* __restrict w1, float b0, float b1,
                           const float* __restrict x, float* __restrict z0, float* __restrict z1,
                           std::size_t in, std::size_t ld) {
  v128_t a[V], c[V];
  for (int k = 0; k < V; ++k) a[k] = wasm_f32x4_splat(b0), c[k] = wasm_f32x4_splat(b1);
  for (std::size_t i = 0; i < in; ++i) {
    const v128_t u = wasm_f32x4_splat(w0[i]), v = wasm_f32x4_splat(w1[i]);
    const float* xi = x + i * ld;
    for (int k = 0; k < V; ++k) {
      const v128_t xv = wasm_v128_load(xi + 4 * k);
      a[k] = wasm_f32x4_add(a[k], wasm_f32x4_mul(u, xv));
      c[k] = wasm_f32x4_add(c[k], wasm_f32x4_mul(v, xv));
    }
  }
  for (int k = 0; k < V; ++k) wasm_v128_store(z0 + 4 * k, a[k]), wasm_v128_store(z1 + 4 * k, c[k]);
}

// dx[i, 4V columns] = sum_o W[o, i] dz[o, those columns], summed in registers the same way.
template <int V>
inline void input_grad_block(const float* __restrict W, const float* __restrict dz, float* __restrict dxi,
                             std::size_t i, std::size_t out, std::size_t in, std::size_t ld) {
  v128_t a[V];
  for (int k = 0; k < V; ++k) a[k] = wasm_f32x4_splat(0.0f);
  for (std::size_t o = 0; o < out; ++o) {
    const v128_t w = wasm_f32x4_splat(W[o * in + i]);
    const float* d = dz + o * ld;
    for (int k = 0; k < V; ++k) a[k] = wasm_f32x4_add(a[k], wasm_f32x4_mul(w, wasm_v128_load(d + 4 * k)));
  }
  for (int k = 0; k < V; ++k) wasm_v128_store(dxi + 4 * k, a[k]);
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

// Runs block<V>(column) over whole vectors of [0, batch): 16 columns at a time, then one block
// of the remaining 4, 8 or 12; returns how many columns it covered (a multiple of 4).
template <typename Block>
inline std::size_t over_vectors(std::size_t batch, Block&& block) {
  std::size_t c = 0;
  for (; c + 16 <= batch; c += 16) block(std::integral_constant<int, 4>{}, c);
  switch ((batch - c) / 4) {
    case 3: block(std::integral_constant<int, 3>{}, c); return c + 12;
    case 2: block(std::integral_constant<int, 2>{}, c); return c + 8;
    case 1: block(std::integral_constant<int, 1>{}, c); return c + 4;
    default: return c;
  }
}
#endif

}  // namespace

// Row o's columns [done, batch) the plain way: what the register blocks left over.
inline void forward_rest(const float* W, const float* b, const float* x, float* z, std::size_t o,
                         std::size_t in, std::size_t done, std::size_t batch, std::size_t ld) {
  float* zo = z + o * ld + done;
  fill(zo, b[o], batch - done);
  for (std::size_t i = 0; i < in; ++i) axpy(zo, x + i * ld + done, W[o * in + i], batch - done);
}

void dense_forward(const float* W, const float* b, const float* x, float* z, std::size_t out,
                   std::size_t in, std::size_t batch, std::size_t ld) {
  std::size_t o = 0;
#if defined(__wasm_simd128__)
  for (; o + 2 <= out; o += 2) {
    const float *w0 = W + o * in, *w1 = w0 + in;
    float *z0 = z + o * ld, *z1 = z0 + ld;
    const std::size_t done = over_vectors(batch, [&](auto v, std::size_t c) {
      forward_block2<decltype(v)::value>(w0, w1, b[o], b[o + 1], x + c, z0 + c, z1 + c, in, ld);
    });
    for (std::size_t r = 0; r < 2; ++r) forward_rest(W, b, x, z, o + r, in, done, batch, ld);
  }
#endif
  for (; o < out; ++o) {
    std::size_t done = 0;
#if defined(__wasm_simd128__)
    done = over_vectors(batch, [&](auto v, std::size_t c) {
      forward_block<decltype(v)::value>(W + o * in, b[o], x + c, z + o * ld + c, in, ld);
    });
#endif
    forward_rest(W, b, x, z, o, in, done, batch, ld);
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
    done = over_vectors(batch, [&](auto v, std::size_t c) {
      input_grad_block<decltype(v)::value>(W, dz + c, dxi + c, i, out, in, batch);
    });
#endif
    const std::size_t rest = batch - done;
    fill(dxi + done, 0.0f, rest);
    for (std::size_t k = 0; k < out; ++k) axpy(dxi + done, dz + k * batch + done, W[k * in + i], rest);
  }
}

}  // namespace nnplay
