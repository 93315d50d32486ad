#include "optimizer.hpp"

namespace nnplay {

std::optional<Regularization> parse_regularization(std::string_view name) {
  if (name == "none") return Regularization::kNone;
  if (name == "L1" || name == "l1") return Regularization::kL1;
  if (name == "L2" || name == "l2") return Regularization::kL2;
  return std::nullopt;
}

const char* regularization_name(Regularization kind) {
  switch (kind) {
    case Regularization::kL1: return "L1";
    case Regularization::kL2: return "L2";
    default: return "none";
  }
}

void Sgd::update(std::vector<float>& params, const std::vector<float>& grads,
                 std::size_t weight_count, const UpdateSettings& settings) {
  const float lr = settings.learning_rate;
  const float rate = settings.regularization_rate;
  const std::size_t n = params.size();
  float* p = params.data();
  const float* g = grads.data();
  switch (settings.regularization) {
    case Regularization::kNone:
      for (std::size_t i = 0; i < weight_count; ++i) p[i] -= lr * g[i];
      break;
    case Regularization::kL2:
      for (std::size_t i = 0; i < weight_count; ++i) p[i] -= lr * (g[i] + rate * p[i]);
      break;
    case Regularization::kL1:
      for (std::size_t i = 0; i < weight_count; ++i) {
        const float w = p[i];
        const float sign = w > 0.0f ? 1.0f : (w < 0.0f ? -1.0f : 0.0f);
        const float next = w - lr * (g[i] + rate * sign);
        // The L1 pull alone must not push a weight through zero to the other side.
        p[i] = (w > 0.0f && next < 0.0f) || (w < 0.0f && next > 0.0f) ? 0.0f : next;
      }
      break;
  }
  for (std::size_t i = weight_count; i < n; ++i) p[i] -= lr * g[i];
}

}  // namespace nnplay
