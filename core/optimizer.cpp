#include "optimizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>

#include "tensor.hpp"

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

using FlatView = decltype(vector_view(static_cast<float*>(nullptr), 0));

// dst = e for an expression e over views of one range of flat buffers, read element by element
// through data_element(i): a flat loop the compiler vectorises. xtensor's own assignment
// (xt::noalias(dst) = e) walks iterator tuples instead, which measured about 10 % slower per
// training step at batch 10 in wasm (the update runs once per batch).
template <class E>
void assign(FlatView& dst, const E& e) {
  float* out = dst.data();
  const std::size_t n = dst.size();
  for (std::size_t i = 0; i < n; ++i) out[i] = e.data_element(i);
}

// The exponent field of a float's bits: all ones (kNonFinite) for inf and nan only.
constexpr std::uint32_t kNonFinite = 0x7f800000u;

// assign, returning the largest exponent field among the values written: the finiteness check
// of the new parameters rides on the pass that writes them instead of reading them all again.
// An integer maximum, unlike a float sum, may be taken in any order, so the loop vectorises.
template <class E>
std::uint32_t assign_checked(FlatView& dst, const E& e) {
  float* out = dst.data();
  const std::size_t n = dst.size();
  std::uint32_t top = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float v = e.data_element(i);
    out[i] = v;
    std::uint32_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    top = std::max(top, bits & kNonFinite);
  }
  return top;
}

// The regularised gradient of weights p from the loss gradient g, written into grad: the
// regulariser is folded in first so that each kind below has one expression, not one per
// regulariser (the same floats: each sum is rounded to float either way).
void regularize(FlatView p, FlatView g, FlatView grad, Regularization r, float rate) {
  if (r == Regularization::kL2) assign(grad, g + rate * p);
  else assign(grad, g + rate * xt::sign(p));
}

// One kind's step over a range of the parameters p from the (regularised) gradient `grad`, into
// `next`, as xtensor expressions over views of the flat buffers; each
// line is the formula of its kind in optimizer.hpp. The state is updated first, then the
// parameters; returns assign_checked's exponent maximum of the new parameters.
template <OptimizerKind K>
std::uint32_t step_range(FlatView p, FlatView next, FlatView grad, FlatView m, FlatView v, const UpdateSettings& s,
                         float correct1, float correct2) {
  const float lr = s.learning_rate;
  auto apply = [&](const auto& step) { return assign_checked(next, p - lr * step); };
  if constexpr (K == OptimizerKind::kSgd) {
    return apply(grad);
  } else if constexpr (K == OptimizerKind::kMomentum) {
    assign(m, s.momentum * m + grad);
    return apply(m);
  } else if constexpr (K == OptimizerKind::kNesterov) {
    assign(m, s.momentum * m + grad);
    return apply(grad + s.momentum * m);
  } else if constexpr (K == OptimizerKind::kRmsprop) {
    assign(v, s.rho * v + (1.0f - s.rho) * grad * grad);
    return apply(grad / (xt::sqrt(v) + s.epsilon));
  } else if constexpr (K == OptimizerKind::kAdam) {
    assign(m, s.beta1 * m + (1.0f - s.beta1) * grad);
    assign(v, s.beta2 * v + (1.0f - s.beta2) * grad * grad);
    return apply((m * correct1) / (xt::sqrt(v * correct2) + s.epsilon));
  }
}

// The views of [begin, end) of every buffer; the state buffers a kind does not use are empty
// and their views are never read.
struct Buffers {
  float *p, *next, *g, *m, *v, *scratch;
  FlatView range(float* data, std::size_t begin, std::size_t end) const {
    return vector_view(data == nullptr ? nullptr : data + begin, data == nullptr ? 0 : end - begin);
  }
};

// Under L1 a weight the step carried through zero to the other side stops at zero instead; one
// pass after any kind's step, from the weights before it. Returns the new weights' exponent
// maximum (the step's own is not final: an infinite weight it stops at zero is finite).
std::uint32_t stop_at_zero(FlatView p, FlatView before) {
  return assign_checked(p, xt::where((before > 0.0f && p < 0.0f) || (before < 0.0f && p > 0.0f), 0.0f, p));
}

template <OptimizerKind K>
std::uint32_t step_all(const Buffers& b, std::size_t n, std::size_t weight_count, const UpdateSettings& s,
                       float c1, float c2) {
  auto run = [&](const FlatView& grad, std::size_t begin, std::size_t end) {
    return step_range<K>(b.range(b.p, begin, end), b.range(b.next, begin, end), grad, b.range(b.m, begin, end),
                         b.range(b.v, begin, end), s, c1, c2);
  };
  if (s.regularization == Regularization::kNone) return run(b.range(b.g, 0, n), 0, n);  // one pass for all
  const FlatView weights = b.range(b.p, 0, weight_count);
  const FlatView grad = b.range(b.scratch, 0, weight_count);
  regularize(weights, b.range(b.g, 0, weight_count), grad, s.regularization, s.regularization_rate);
  std::uint32_t top = run(grad, 0, weight_count);
  // The step leaves the weights before it where they are: L1 reads them from p.
  if (s.regularization == Regularization::kL1) top = stop_at_zero(b.range(b.next, 0, weight_count), weights);
  return std::max(top, run(b.range(b.g, weight_count, n), weight_count, n));  // biases are never regularised
}

}  // namespace

void Optimizer::update(std::vector<float>& params, const std::vector<float>& grads,
                       std::size_t weight_count, const UpdateSettings& s) {
  std::vector<float> next;
  update_into(params, next, grads, weight_count, s);
  params.swap(next);
}

bool Optimizer::update_into(const std::vector<float>& params, std::vector<float>& next,
                            const std::vector<float>& grads, std::size_t weight_count, const UpdateSettings& s) {
  const std::size_t n = params.size();
  next.resize(n);
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
  // The parameters before the step and the gradient buffer are only read; the views are of
  // float for one view type throughout.
  if (s.regularization != Regularization::kNone) scratch_.resize(weight_count);
  const Buffers b{const_cast<float*>(params.data()), next.data(), const_cast<float*>(grads.data()),
                  first_.empty() ? nullptr : first_.data(), second_.empty() ? nullptr : second_.data(),
                  scratch_.data()};
  std::uint32_t top = 0;
  switch (s.optimizer) {
    case OptimizerKind::kSgd: top = step_all<OptimizerKind::kSgd>(b, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kMomentum: top = step_all<OptimizerKind::kMomentum>(b, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kNesterov: top = step_all<OptimizerKind::kNesterov>(b, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kRmsprop: top = step_all<OptimizerKind::kRmsprop>(b, n, weight_count, s, c1, c2); break;
    case OptimizerKind::kAdam: top = step_all<OptimizerKind::kAdam>(b, n, weight_count, s, c1, c2); break;
  }
  return top < kNonFinite;
}

}  // namespace nnplay
