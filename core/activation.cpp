#include "activation.hpp"

#include <algorithm>
#include <cmath>

#include "fast_math.hpp"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace nnplay {

namespace {
struct Entry {
  Activation kind;
  const char* name;
};
constexpr Entry kActivations[] = {
    {Activation::kRelu, "relu"},          {Activation::kTanh, "tanh"},
    {Activation::kSigmoid, "sigmoid"},    {Activation::kLinear, "linear"},
    {Activation::kLeakyRelu, "leakyRelu"}, {Activation::kElu, "elu"},
    {Activation::kGelu, "gelu"},          {Activation::kSilu, "silu"},
    {Activation::kSoftplus, "softplus"},  {Activation::kSine, "sine"},
    {Activation::kSoftmax, "softmax"}};

constexpr float kLeak = 0.01f;

#if defined(__wasm_simd128__)
// fast_exp (fast_math.hpp) on four lanes with the same steps, bit for bit (tests/js/fast-exp.test.mjs
// checks), written out because the
// autovectorised scalar version ran at about 3 ns per value: most of a grid's time.
inline v128_t exp4(v128_t x) {
  x = wasm_f32x4_pmax(wasm_f32x4_splat(-87.0f), wasm_f32x4_pmin(wasm_f32x4_splat(88.0f), x));
  // Half away from zero, as fast_exp rounds: trunc(t + copysign(0.5, t)).
  const v128_t t = wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504f));
  const v128_t half = wasm_v128_or(wasm_f32x4_splat(0.5f), wasm_v128_and(t, wasm_i32x4_splat(INT32_MIN)));
  const v128_t n = wasm_f32x4_trunc(wasm_f32x4_add(t, half));
  const v128_t r = wasm_f32x4_add(wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693359375f))),
                                  wasm_f32x4_mul(n, wasm_f32x4_splat(2.12194440e-4f)));
  v128_t p = wasm_f32x4_splat(1.0f / 720.0f);
  for (float c : {1.0f / 120.0f, 1.0f / 24.0f, 1.0f / 6.0f, 0.5f, 1.0f, 1.0f})
    p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(c));
  const v128_t bits = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return wasm_f32x4_mul(p, bits);
}

// a = tanh(z) = 1 - 2 / (e^{2z} + 1) for n values, four at a time.
void tanh_values(const float* z, float* a, std::size_t n) {
  const v128_t one = wasm_f32x4_splat(1.0f), two = wasm_f32x4_splat(2.0f);
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t e = exp4(wasm_f32x4_mul(two, wasm_v128_load(z + i)));
    wasm_v128_store(a + i, wasm_f32x4_sub(one, wasm_f32x4_div(two, wasm_f32x4_add(e, one))));
  }
  for (; i < n; ++i) a[i] = fast_tanh(z[i]);
}
#else
void tanh_values(const float* z, float* a, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) a[i] = fast_tanh(z[i]);
}
#endif
// GELU's tanh approximation (Hendrycks and Gimpel): 0.5 x (1 + tanh(c (x + 0.044715 x^3))).
constexpr float kGeluC = 0.7978845608f;  // sqrt(2 / pi)
constexpr float kGeluK = 0.044715f;
}  // namespace

std::optional<Activation> parse_activation(std::string_view name) {
  for (const auto& e : kActivations)
    if (name == e.name && e.kind != Activation::kSoftmax) return e.kind;
  return std::nullopt;
}

const char* activation_name(Activation kind) {
  for (const auto& e : kActivations)
    if (e.kind == kind) return e.name;
  return "?";
}

const char* activation_names() {
  return "relu, tanh, sigmoid, linear, leakyRelu, elu, gelu, silu, softplus, sine";
}

void apply_activation(Activation kind, const float* z, float* a, std::size_t n) {
  switch (kind) {
    case Activation::kRelu:
      for (std::size_t i = 0; i < n; ++i) a[i] = z[i] > 0.0f ? z[i] : 0.0f;
      break;
    case Activation::kTanh:
      tanh_values(z, a, n);
      break;
    case Activation::kSigmoid:
      for (std::size_t i = 0; i < n; ++i) a[i] = fast_sigmoid(z[i]);
      break;
    case Activation::kLinear:
      if (a != z)
        for (std::size_t i = 0; i < n; ++i) a[i] = z[i];
      break;
    case Activation::kLeakyRelu:
      for (std::size_t i = 0; i < n; ++i) a[i] = z[i] > 0.0f ? z[i] : kLeak * z[i];
      break;
    case Activation::kElu:
      for (std::size_t i = 0; i < n; ++i) a[i] = z[i] > 0.0f ? z[i] : fast_exp(z[i]) - 1.0f;
      break;
    case Activation::kGelu:
      for (std::size_t i = 0; i < n; ++i) {
        const float x = z[i];
        a[i] = 0.5f * x * (1.0f + fast_tanh(kGeluC * (x + kGeluK * x * x * x)));
      }
      break;
    case Activation::kSilu:
      for (std::size_t i = 0; i < n; ++i) a[i] = z[i] * fast_sigmoid(z[i]);
      break;
    case Activation::kSoftplus:
      // log(1 + e^x) written so that neither branch overflows.
      for (std::size_t i = 0; i < n; ++i)
        a[i] = (z[i] > 0.0f ? z[i] : 0.0f) + std::log1p(fast_exp(-std::fabs(z[i])));
      break;
    case Activation::kSine:
      for (std::size_t i = 0; i < n; ++i) a[i] = std::sin(z[i]);
      break;
    case Activation::kSoftmax:
      break;  // per sample, see softmax_block
  }
}

void backprop_activation(Activation kind, const float* z, const float* a, const float* g, float* d,
                         std::size_t n) {
  switch (kind) {
    case Activation::kRelu:
      // The Playground's convention: derivative 0 at z <= 0.
      for (std::size_t i = 0; i < n; ++i) d[i] = z[i] > 0.0f ? g[i] : 0.0f;
      break;
    case Activation::kTanh:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * (1.0f - a[i] * a[i]);
      break;
    case Activation::kSigmoid:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * a[i] * (1.0f - a[i]);
      break;
    case Activation::kLinear:
    case Activation::kSoftmax:
      if (d != g)
        for (std::size_t i = 0; i < n; ++i) d[i] = g[i];
      break;
    case Activation::kLeakyRelu:
      for (std::size_t i = 0; i < n; ++i) d[i] = z[i] > 0.0f ? g[i] : kLeak * g[i];
      break;
    case Activation::kElu:
      for (std::size_t i = 0; i < n; ++i) d[i] = z[i] > 0.0f ? g[i] : g[i] * (a[i] + 1.0f);
      break;
    case Activation::kGelu:
      for (std::size_t i = 0; i < n; ++i) {
        const float x = z[i];
        const float t = fast_tanh(kGeluC * (x + kGeluK * x * x * x));
        const float dt = (1.0f - t * t) * kGeluC * (1.0f + 3.0f * kGeluK * x * x);
        d[i] = g[i] * (0.5f * (1.0f + t) + 0.5f * x * dt);
      }
      break;
    case Activation::kSilu:
      for (std::size_t i = 0; i < n; ++i) {
        const float s = fast_sigmoid(z[i]);
        d[i] = g[i] * (s + z[i] * s * (1.0f - s));
      }
      break;
    case Activation::kSoftplus:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * fast_sigmoid(z[i]);
      break;
    case Activation::kSine:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * std::cos(z[i]);
      break;
  }
}

void softmax_block(const float* z, float* a, std::size_t units, std::size_t count, std::size_t ld) {
  // Row by row, so each pass runs along contiguous columns: first the column maxima (the shift
  // that keeps exp finite), then the exponentials and their sums, then the division.
  constexpr std::size_t kChunk = 256;
  float top[kChunk], sum[kChunk];
  for (std::size_t start = 0; start < count; start += kChunk) {
    const std::size_t m = std::min(kChunk, count - start);
    for (std::size_t b = 0; b < m; ++b) top[b] = z[start + b], sum[b] = 0.0f;
    for (std::size_t u = 1; u < units; ++u)
      for (std::size_t b = 0; b < m; ++b) top[b] = std::fmax(top[b], z[u * ld + start + b]);
    for (std::size_t u = 0; u < units; ++u)
      for (std::size_t b = 0; b < m; ++b) {
        const float e = fast_exp(z[u * ld + start + b] - top[b]);
        a[u * ld + start + b] = e;
        sum[b] += e;
      }
    for (std::size_t b = 0; b < m; ++b) sum[b] = 1.0f / sum[b];
    for (std::size_t u = 0; u < units; ++u)
      for (std::size_t b = 0; b < m; ++b) a[u * ld + start + b] *= sum[b];
  }
}

}  // namespace nnplay
