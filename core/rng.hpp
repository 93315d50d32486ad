#pragma once
// A seeded generator of our own. The standard library's distributions differ between libstdc++
// (native) and libc++ (wasm), so every draw goes through this code to give the same numbers on
// both builds.
#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace nnplay {

// xoshiro128** (Blackman and Vigna), state filled from the seed by splitmix32.
class Rng {
 public:
  explicit Rng(std::uint32_t seed = 0) { reseed(seed); }

  void reseed(std::uint32_t seed) {
    std::uint32_t z = seed;
    for (auto& word : state_) word = splitmix32(z);
  }

  // The whole state, so a saved experiment continues the same stream.
  std::array<std::uint32_t, 4> state() const { return {state_[0], state_[1], state_[2], state_[3]}; }
  void set_state(const std::array<std::uint32_t, 4>& s) {
    for (int i = 0; i < 4; ++i) state_[i] = s[i];
  }

  std::uint32_t next_u32() {
    const std::uint32_t result = rotl(state_[1] * 5u, 7) * 9u;
    const std::uint32_t t = state_[1] << 9;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 11);
    return result;
  }

  // Uniform in [0, 1) with 53 random bits.
  double uniform() {
    const std::uint64_t hi = next_u32() >> 5;  // 27 bits
    const std::uint64_t lo = next_u32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
  }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), n > 0.
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(uniform() * n); }

  // Standard normal by the Box-Muller transform (one value per call; the pair's twin is dropped
  // to keep the stream simple to reason about).
  double normal() {
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  static std::uint32_t splitmix32(std::uint32_t& z) {
    z += 0x9e3779b9u;
    std::uint32_t r = z;
    r = (r ^ (r >> 16)) * 0x85ebca6bu;
    r = (r ^ (r >> 13)) * 0xc2b2ae35u;
    return r ^ (r >> 16);
  }
  std::uint32_t state_[4];
};

// FNV-1a of a seed text, so any Playground seed string ("0.84231") maps to a 32-bit seed.
inline std::uint32_t hash_seed(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace nnplay
