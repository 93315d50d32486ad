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

namespace {

// One kind's step over params[begin, end) with one regulariser; instantiated per pair so the
// inner loop has no branches on the settings and can vectorise.
template <OptimizerKind K, Regularization R>
void step_range(float* p, const float* g, float* m, float* v, std::size_t begin, std::size_t end,
                const UpdateSettings& s, float correct1, float correct2) {
  const float lr = s.learning_rate, rate = s.regularization_rate;
  for (std::size_t i = begin; i < end; ++i) {
    const float w = p[i];
    float grad = g[i];
    if constexpr (R == Regularization::kL2) grad += rate * w;
    if constexpr (R == Regularization::kL1) grad += rate * (w > 0.0f ? 1.0f : (w < 0.0f ? -1.0f : 0.0f));
    float step = grad;
    if constexpr (K == OptimizerKind::kMomentum) {
      m[i] = s.momentum * m[i] + grad;
      step = m[i];
    } else if constexpr (K == OptimizerKind::kNesterov) {
      m[i] = s.momentum * m[i] + grad;
      step = grad + s.momentum * m[i];
    } else if constexpr (K == OptimizerKind::kRmsprop) {
      v[i] = s.rho * v[i] + (1.0f - s.rho) * grad * grad;
      step = grad / (std::sqrt(v[i]) + s.epsilon);
    } else if constexpr (K == OptimizerKind::kAdam) {
      m[i] = s.beta1 * m[i] + (1.0f - s.beta1) * grad;
      v[i] = s.beta2 * v[i] + (1.0f - s.beta2) * grad * grad;
      step = (m[i] * correct1) / (std::sqrt(v[i] * correct2) + s.epsilon);
    }
    const float next = w - lr * step;
    if constexpr (R == Regularization::kL1) {
      // The L1 pull must not push a weight through zero to the other side.
      const bool crossed = (w > 0.0f && next < 0.0f) || (w < 0.0f && next > 0.0f);
      p[i] = crossed ? 0.0f : next;
    } else {
      p[i] = next;
    }
  }
}

template <OptimizerKind K>
void step_all(float* p, const float* g, float* m, float* v, std::size_t n, std::size_t weight_count,
              const UpdateSettings& s, float c1, float c2) {
  switch (s.regularization) {
    case Regularization::kNone: step_range<K, Regularization::kNone>(p, g, m, v, 0, weight_count, s, c1, c2); break;
    case Regularization::kL1: step_range<K, Regularization::kL1>(p, g, m, v, 0, weight_count, s, c1, c2); break;
    case Regularization::kL2: step_range<K, Regularization::kL2>(p, g, m, v, 0, weight_count, s, c1, c2); break;
  }
  step_range<K, Regularization::kNone>(p, g, m, v, weight_count, n, s, c1, c2);  // biases
}

}  // namespace

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
  float c1 = 1.0f, c2 = 1.0f;
  if (s.optimizer == OptimizerKind::kAdam) {
    // Adam's bias corrections, in double so that long runs keep them exact.
    c1 = static_cast<float>(1.0 / (1.0 - std::pow(double(s.beta1), double(steps_))));
    c2 = static_cast<float>(1.0 / (1.0 - std::pow(double(s.beta2), double(steps_))));
  }
  float* p = params.data();
  const float* g = grads.data();
  float* m = first_.data();
  float* v = second_.data();
  switch (s.optimizer) {
    case OptimizerKind::kSgd: step_all<OptimizerKind::kSgd>(p, g, m, v, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kMomentum: step_all<OptimizerKind::kMomentum>(p, g, m, v, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kNesterov: step_all<OptimizerKind::kNesterov>(p, g, m, v, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kRmsprop: step_all<OptimizerKind::kRmsprop>(p, g, m, v, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kAdam: step_all<OptimizerKind::kAdam>(p, g, m, v, n, weight_count, s, c1, c2); break;
  }
}

}  // namespace nnplay
