#include "loss.hpp"

namespace nnplay {

double loss_sum(Loss kind, const float* y, const float* t, std::size_t n) {
  double sum = 0.0;
  switch (kind) {
    case Loss::kSquared:
      for (std::size_t i = 0; i < n; ++i) {
        const double e = static_cast<double>(y[i]) - t[i];
        sum += 0.5 * e * e;
      }
      break;
  }
  return sum;
}

void loss_gradient(Loss kind, const float* y, const float* t, float* g, std::size_t n, float scale) {
  switch (kind) {
    case Loss::kSquared:
      for (std::size_t i = 0; i < n; ++i) g[i] = scale * (y[i] - t[i]);
      break;
  }
}

}  // namespace nnplay
