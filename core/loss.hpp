#pragma once
// Losses as value and gradient pairs over flat arrays of outputs y and targets t (same layout).
#include <cstddef>

namespace nnplay {

enum class Loss {
  kSquared,  // 1/2 (y - t)^2 per output, as the TensorFlow Playground reports it
};

// Sum over the n values of the per-value loss; callers divide by the sample count for a mean.
double loss_sum(Loss kind, const float* y, const float* t, std::size_t n);

// g[i] = scale * dLoss/dy[i]. With scale = 1/batch this is the gradient of the batch mean.
void loss_gradient(Loss kind, const float* y, const float* t, float* g, std::size_t n, float scale);

}  // namespace nnplay
