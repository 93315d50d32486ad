#pragma once
// Test data for the kernel tests: n floats drawn uniformly from [-1, 1] by the engine's own
// generator, so every run sees the same values.
#include <cstddef>
#include <vector>

#include "rng.hpp"

inline std::vector<float> random_values(nnplay::Rng& rng, std::size_t n) {
  std::vector<float> v(n);
  for (auto& x : v) x = float(rng.uniform(-1.0, 1.0));
  return v;
}
