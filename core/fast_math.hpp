#pragma once
// Branch-free exp and tanh for the activation loops. Written as plain arithmetic on float and
// int bits so that the compiler vectorises a loop over them (WASM SIMD128 has no exp or tanh);
// the library versions are scalar calls and were most of a grid's time.
#include <cstdint>
#include <cstring>

namespace nnplay {

// e^x for x in float range (NaN gives e^88, like the SIMD path); max relative error about 2e-7 (checked in test_activation.cpp).
// Range reduction x = n*ln2 + r with |r| <= ln2/2, a degree-6 Taylor polynomial for e^r,
// then 2^n put straight into the exponent bits.
inline float fast_exp(float x) {
  // Clamp with the comparisons the SIMD path's pmin/pmax make, so NaN becomes 88 (as there)
  // instead of reaching the int conversion below, whose result would be undefined.
  x = x < 88.0f ? x : 88.0f;
  x = x > -87.0f ? x : -87.0f;
  // Round half away from zero through a truncating int conversion: floorf would be a library
  // call that stops the loop from vectorising. exp4 (activation.cpp) rounds the same way.
  const float t = x * 1.44269504f;
  const float n = static_cast<float>(static_cast<std::int32_t>(t + (t >= 0.0f ? 0.5f : -0.5f)));
  // ln2 split in two so that n*ln2_hi is exact and r keeps its low bits.
  const float r = (x - n * 0.693359375f) + n * 2.12194440e-4f;
  float p = 1.0f / 720.0f;
  p = p * r + 1.0f / 120.0f;
  p = p * r + 1.0f / 24.0f;
  p = p * r + 1.0f / 6.0f;
  p = p * r + 0.5f;
  p = p * r + 1.0f;
  p = p * r + 1.0f;
  const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

// tanh(x) = 1 - 2 / (e^{2x} + 1); absolute error below 1e-6 everywhere (tested).
inline float fast_tanh(float x) { return 1.0f - 2.0f / (fast_exp(2.0f * x) + 1.0f); }

// logistic sigmoid 1 / (1 + e^{-x}).
inline float fast_sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }

}  // namespace nnplay
