#include "loss.hpp"

#include <algorithm>
#include <cmath>

#include <xtensor/xmath.hpp>
#include <xtensor/xreducer.hpp>

namespace nnplay {

namespace {
// Keeps log() finite when a sigmoid or softmax output saturates.
constexpr double kProbabilityFloor = 1e-7;
}  // namespace

std::optional<Loss> parse_loss(std::string_view name) {
  if (name == "squared") return Loss::kSquared;
  if (name == "crossEntropy") return Loss::kCrossEntropy;
  if (name == "huber") return Loss::kHuber;
  return std::nullopt;
}

const char* loss_name(Loss kind) {
  switch (kind) {
    case Loss::kSquared: return "squared";
    case Loss::kCrossEntropy: return "crossEntropy";
    case Loss::kSoftmaxCrossEntropy: return "softmaxCrossEntropy";
    case Loss::kHuber: return "huber";
  }
  return "?";
}

void fill_target(Loss kind, float label, float* t, std::size_t outputs, std::size_t stride) {
  for (std::size_t k = 0; k < outputs; ++k)
    t[k * stride] = kind == Loss::kSoftmaxCrossEntropy ? (float(k) == label ? 1.0f : 0.0f)
                    : kind == Loss::kCrossEntropy     ? (label > 0.0f ? 1.0f : 0.0f)
                                                      : label;
}

namespace {

// The loss of one value y against its target t, in double; the one definition every sum uses.
// (Subtracting a term from a sum and adding its negation round alike, as does adding 0.)
template <Loss K>
double loss_term(double y, double t) {
  if constexpr (K == Loss::kSquared) {
    const double e = y - t;
    return 0.5 * e * e;
  } else if constexpr (K == Loss::kCrossEntropy) {
    const double p = std::clamp(y, kProbabilityFloor, 1.0 - kProbabilityFloor);
    return -(t * std::log(p) + (1.0 - t) * std::log(1.0 - p));
  } else if constexpr (K == Loss::kSoftmaxCrossEntropy) {
    return t > 0.0 ? -(t * std::log(std::max(y, kProbabilityFloor))) : 0.0;
  } else {
    const double e = std::fabs(y - t);
    return e <= 1.0 ? 0.5 * e * e : e - 0.5;
  }
}

template <Loss K>
double sum_of_terms(const float* y, const float* t, std::size_t n) {
  double sum = 0.0;
  for (std::size_t i = 0; i < n; ++i) sum += loss_term<K>(y[i], t[i]);
  return sum;
}

// The loss of each sample (column) of y [outputs, samples] against t, summed over the outputs in
// row order. A loop rather than xt::sum over axis 0: the axis reducer of a 2-D expression cost
// several KB of wasm for a read-out that runs once per frame.
template <Loss K>
void fill_sample_losses(const Matrix& y, const Matrix& t, double* out) {
  const std::size_t outputs = y.shape(0), n = y.shape(1);
  for (std::size_t i = 0; i < n; ++i) out[i] = 0.0;
  for (std::size_t r = 0; r < outputs; ++r)
    for (std::size_t i = 0; i < n; ++i) out[i] += loss_term<K>(y(r, i), t(r, i));
}

}  // namespace

double loss_sum(Loss kind, const float* y, const float* t, std::size_t n) {
  switch (kind) {
    case Loss::kSquared: return sum_of_terms<Loss::kSquared>(y, t, n);
    case Loss::kCrossEntropy: return sum_of_terms<Loss::kCrossEntropy>(y, t, n);
    case Loss::kSoftmaxCrossEntropy: return sum_of_terms<Loss::kSoftmaxCrossEntropy>(y, t, n);
    case Loss::kHuber: break;
  }
  return sum_of_terms<Loss::kHuber>(y, t, n);
}

double loss_total(Loss kind, const Matrix& y, const Matrix& t) {
  return xt::sum(sample_losses(kind, y, t))();
}

xt::xtensor<double, 1> sample_losses(Loss kind, const Matrix& y, const Matrix& t) {
  xt::xtensor<double, 1> losses = xt::xtensor<double, 1>::from_shape({y.shape(1)});
  switch (kind) {
    case Loss::kSquared: fill_sample_losses<Loss::kSquared>(y, t, losses.data()); break;
    case Loss::kCrossEntropy: fill_sample_losses<Loss::kCrossEntropy>(y, t, losses.data()); break;
    case Loss::kSoftmaxCrossEntropy: fill_sample_losses<Loss::kSoftmaxCrossEntropy>(y, t, losses.data()); break;
    case Loss::kHuber: fill_sample_losses<Loss::kHuber>(y, t, losses.data()); break;
  }
  return losses;
}

bool gradient_is_wrt_logits(Loss kind) {
  return kind == Loss::kCrossEntropy || kind == Loss::kSoftmaxCrossEntropy;
}

void loss_gradient(Loss kind, const float* y, const float* t, float* g, std::size_t n, float scale) {
  switch (kind) {
    case Loss::kSquared:
    case Loss::kCrossEntropy:
    case Loss::kSoftmaxCrossEntropy:
      for (std::size_t i = 0; i < n; ++i) g[i] = scale * (y[i] - t[i]);
      break;
    case Loss::kHuber:
      for (std::size_t i = 0; i < n; ++i) g[i] = scale * std::clamp(y[i] - t[i], -1.0f, 1.0f);
      break;
  }
}

}  // namespace nnplay
