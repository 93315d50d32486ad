#include "optimizer.hpp"

#include <cmath>

namespace nnplay {

namespace {
struct OptimizerEntry {
  OptimizerKind kind;
  const char* name;
};
constexpr OptimizerEntry kOptimizers[] = {{OptimizerKind::kSgd, "sgd"},
                                          {OptimizerKind::kMomentum, "momentum"},
                                          {OptimizerKind::kNesterov, "nesterov"},
                                          {OptimizerKind::kRmsprop, "rmsprop"},
                                          {OptimizerKind::kAdam, "adam"}};
}  // namespace

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

std::optional<OptimizerKind> parse_optimizer(std::string_view name) {
  for (const auto& e : kOptimizers)
    if (name == e.name) return e.kind;
  return std::nullopt;
}

const char* optimizer_name(OptimizerKind kind) {
  for (const auto& e : kOptimizers)
    if (e.kind == kind) return e.name;
  return "?";
}

void Optimizer::update(std::vector<float>& params, const std::vector<float>& grads,
                       std::size_t weight_count, const UpdateSettings& s) {
  const std::size_t n = params.size();
  const bool needs_first = s.optimizer != OptimizerKind::kSgd && s.optimizer != OptimizerKind::kRmsprop;
  const bool needs_second = s.optimizer == OptimizerKind::kRmsprop || s.optimizer == OptimizerKind::kAdam;
  if (s.optimizer != kind_ || (needs_first && first_.size() != n) || (needs_second && second_.size() != n)) {
    kind_ = s.optimizer;
    first_.assign(needs_first ? n : 0, 0.0f);
    second_.assign(needs_second ? n : 0, 0.0f);
    steps_ = 0;
  }
  ++steps_;
  // Adam's bias corrections, in double so that long runs do not lose them.
  const float correct1 = s.optimizer == OptimizerKind::kAdam
                             ? static_cast<float>(1.0 / (1.0 - std::pow(double(s.beta1), double(steps_))))
                             : 1.0f;
  const float correct2 = s.optimizer == OptimizerKind::kAdam
                             ? static_cast<float>(1.0 / (1.0 - std::pow(double(s.beta2), double(steps_))))
                             : 1.0f;
  float* p = params.data();
  const float* g = grads.data();
  float* m = first_.data();
  float* v = second_.data();
  const float lr = s.learning_rate;
  for (std::size_t i = 0; i < n; ++i) {
    const float w = p[i];
    float grad = g[i];
    if (i < weight_count) {
      if (s.regularization == Regularization::kL2) grad += s.regularization_rate * w;
      if (s.regularization == Regularization::kL1)
        grad += s.regularization_rate * (w > 0.0f ? 1.0f : (w < 0.0f ? -1.0f : 0.0f));
    }
    float step = 0.0f;
    switch (s.optimizer) {
      case OptimizerKind::kSgd: step = grad; break;
      case OptimizerKind::kMomentum:
        m[i] = s.momentum * m[i] + grad;
        step = m[i];
        break;
      case OptimizerKind::kNesterov:
        m[i] = s.momentum * m[i] + grad;
        step = grad + s.momentum * m[i];
        break;
      case OptimizerKind::kRmsprop:
        v[i] = s.rho * v[i] + (1.0f - s.rho) * grad * grad;
        step = grad / (std::sqrt(v[i]) + s.epsilon);
        break;
      case OptimizerKind::kAdam:
        m[i] = s.beta1 * m[i] + (1.0f - s.beta1) * grad;
        v[i] = s.beta2 * v[i] + (1.0f - s.beta2) * grad * grad;
        step = (m[i] * correct1) / (std::sqrt(v[i] * correct2) + s.epsilon);
        break;
    }
    const float next = w - lr * step;
    const bool crossed = (w > 0.0f && next < 0.0f) || (w < 0.0f && next > 0.0f);
    p[i] = i < weight_count && s.regularization == Regularization::kL1 && crossed ? 0.0f : next;
  }
}

}  // namespace nnplay
