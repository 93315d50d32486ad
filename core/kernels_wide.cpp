#include <cstring>

#include "kernels.hpp"

// Wide layers (an image's 784 or 196 pixels in): the column kernels of kernels.cpp run along the
// batch, which is 10 to 256 samples here, so most of their work went to short rows, scalar tails
// and per-weight horizontal sums. These run along the inputs instead, on the layer input
// transposed to sample-major rows, with register blocks of 4 units x 2 samples (forward) and
// 4 units x 8 inputs (weight gradient). They are written with the compiler's 4-lane vector type,
// so the native build, the SIMD128 build and the scalar wasm build do the same sums in the same
// order (-msimd128 makes each vector operation one f32x4 instruction; without it, four scalar).
namespace nnplay {

namespace {

typedef float f4 __attribute__((vector_size(16)));

inline f4 load4(const float* p) {
  f4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline void store4(float* p, f4 v) { std::memcpy(p, &v, sizeof v); }

inline f4 splat(float x) { return f4{x, x, x, x}; }

inline float lanes(f4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }

// z[r, s] for R units (rows of W, `in` apart) and S samples (rows of xt, `in` apart): 4-lane
// partial sums over the inputs in whole vectors, then the lanes, then the scalar tail.
template <int R, int S>
inline void dot_block(const float* __restrict w, const float* __restrict xt, std::size_t in, float (&out)[4][2]) {
  f4 acc[R][S];
  for (int r = 0; r < R; ++r)
    for (int s = 0; s < S; ++s) acc[r][s] = splat(0.0f);
  const std::size_t whole = in & ~std::size_t(3);
  for (std::size_t k = 0; k < whole; k += 4) {
    f4 x[S];
    for (int s = 0; s < S; ++s) x[s] = load4(xt + s * in + k);
    for (int r = 0; r < R; ++r) {
      const f4 wv = load4(w + r * in + k);
      for (int s = 0; s < S; ++s) acc[r][s] += wv * x[s];
    }
  }
  for (int r = 0; r < R; ++r)
    for (int s = 0; s < S; ++s) {
      float sum = lanes(acc[r][s]);
      for (std::size_t k = whole; k < in; ++k) sum += w[r * in + k] * xt[s * in + k];
      out[r][s] = sum;
    }
}

template <int R>
inline void forward_rows(const float* W, const float* b, const float* xt, float* z, std::size_t o,
                         std::size_t in, std::size_t used, std::size_t ld) {
  float out[4][2];
  std::size_t s = 0;
  for (; s + 2 <= used; s += 2) {
    dot_block<R, 2>(W + o * in, xt + s * in, in, out);
    for (int r = 0; r < R; ++r) z[(o + r) * ld + s] = b[o + r] + out[r][0], z[(o + r) * ld + s + 1] = b[o + r] + out[r][1];
  }
  if (s < used) {
    dot_block<R, 1>(W + o * in, xt + s * in, in, out);
    for (int r = 0; r < R; ++r) z[(o + r) * ld + s] = b[o + r] + out[r][0];
  }
}

// dW[o..o+R, k..k+4V] += sum_s dz[o + r, s] xt[s, k..k+4V], summed over the samples in registers.
// With GradientMode::kWrite, dW[...] = 0 + that sum (what a cleared buffer gave).
template <int R, int V>
inline void weight_grad_block(const float* __restrict dz, const float* __restrict xt, float* __restrict dW,
                              std::size_t o, std::size_t k, std::size_t in, std::size_t used, std::size_t batch,
                              GradientMode mode) {
  f4 acc[R][V];
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) acc[r][v] = splat(0.0f);
  for (std::size_t s = 0; s < used; ++s) {
    f4 x[V];
    for (int v = 0; v < V; ++v) x[v] = load4(xt + s * in + k + 4 * v);
    for (int r = 0; r < R; ++r) {
      const f4 d = splat(dz[(o + r) * batch + s]);
      for (int v = 0; v < V; ++v) acc[r][v] += d * x[v];
    }
  }
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < V; ++v) {
      float* p = dW + (o + r) * in + k + 4 * v;
      store4(p, (mode == GradientMode::kAdd ? load4(p) : splat(0.0f)) + acc[r][v]);
    }
}

template <int R>
inline void weight_grad_rows(const float* dz, const float* xt, float* dW, std::size_t o, std::size_t in,
                             std::size_t used, std::size_t batch, GradientMode mode) {
  std::size_t k = 0;
  for (; k + 8 <= in; k += 8) weight_grad_block<R, 2>(dz, xt, dW, o, k, in, used, batch, mode);
  if (k + 4 <= in) weight_grad_block<R, 1>(dz, xt, dW, o, k, in, used, batch, mode), k += 4;
  for (; k < in; ++k)
    for (int r = 0; r < R; ++r) {
      float sum = 0.0f;
      for (std::size_t s = 0; s < used; ++s) sum += dz[(o + r) * batch + s] * xt[s * in + k];
      float& g = dW[(o + r) * in + k];
      g = (mode == GradientMode::kAdd ? g : 0.0f) + sum;
    }
}

}  // namespace

bool wide_kernels() { return true; }

void transpose_columns(const float* x, std::size_t rows, std::size_t count, std::size_t ld, float* xt) {
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t s = 0; s < count; ++s) xt[s * rows + i] = x[i * ld + s];
}

void wide_forward(const float* W, const float* b, const float* xt, float* z, std::size_t out, std::size_t in,
                  std::size_t used, std::size_t batch, std::size_t ld) {
  std::size_t o = 0;
  for (; o + 4 <= out; o += 4) forward_rows<4>(W, b, xt, z, o, in, used, ld);
  for (; o < out; ++o) forward_rows<1>(W, b, xt, z, o, in, used, ld);
  // Padding columns hold zero inputs, so their sums are the biases.
  for (o = 0; o < out; ++o)
    for (std::size_t s = used; s < batch; ++s) z[o * ld + s] = b[o];
}

void wide_weight_grad(const float* xt, const float* dz, float* dW, float* db, std::size_t out, std::size_t in,
                      std::size_t used, std::size_t batch, GradientMode mode) {
  for (std::size_t o = 0; o < out; ++o) {
    float sum = 0.0f;
    for (std::size_t s = 0; s < used; ++s) sum += dz[o * batch + s];
    db[o] = (mode == GradientMode::kAdd ? db[o] : 0.0f) + sum;
  }
  std::size_t o = 0;
  for (; o + 4 <= out; o += 4) weight_grad_rows<4>(dz, xt, dW, o, in, used, batch, mode);
  for (; o < out; ++o) weight_grad_rows<1>(dz, xt, dW, o, in, used, batch, mode);
}

}  // namespace nnplay
