#pragma once
// Losses as value and gradient pairs over flat arrays of outputs y and targets t (same layout,
// [outputs, batch]).
#include <cstddef>
#include <optional>
#include <string_view>

#include "tensor.hpp"

namespace nnplay {

enum class Loss {
  kSquared,              // 1/2 (y - t)^2, as the TensorFlow Playground reports it
  kCrossEntropy,         // binary: -(t log y + (1 - t) log(1 - y)), y from a sigmoid, t in {0, 1}
  kSoftmaxCrossEntropy,  // categorical: -sum_k t_k log y_k, y from a softmax, t one-hot
  kHuber,                // 1/2 e^2 for |e| <= 1, |e| - 1/2 beyond (Huber 1964, delta = 1)
};

// "squared" | "crossEntropy" | "huber" (softmax cross-entropy is implied by many classes).
std::optional<Loss> parse_loss(std::string_view name);
const char* loss_name(Loss kind);

// The training target of a label under `kind`, written to t[0], t[stride], ...: one-hot over
// `outputs` classes for softmax cross-entropy, 0 / 1 for cross-entropy (label -1 / +1), the label
// itself otherwise.
void fill_target(Loss kind, float label, float* t, std::size_t outputs, std::size_t stride);

// Sum over the n values of the per-value loss; callers divide by the sample count for a mean.
// A plain loop over raw memory: training calls it on every batch.
double loss_sum(Loss kind, const float* y, const float* t, std::size_t n);
// The same sum over whole outputs y and targets t [outputs, samples], as an xtensor reducer
// (read-outs, off the training path), and its per-sample parts [samples] (summed over outputs).
double loss_total(Loss kind, const Matrix& y, const Matrix& t);
xt::xtensor<double, 1> sample_losses(Loss kind, const Matrix& y, const Matrix& t);

// The two cross-entropies pair with their output activation, so their gradient is taken with
// respect to the output layer's pre-activation z: dL/dz = y - t, which is exact and never
// divides by a saturated y. The other losses give dL/dy.
bool gradient_is_wrt_logits(Loss kind);

// g[i] = scale * dLoss/dy[i] (or dLoss/dz[i], see above). With scale = 1/batch this is the
// gradient of the batch mean.
void loss_gradient(Loss kind, const float* y, const float* t, float* g, std::size_t n, float scale);

}  // namespace nnplay
