#include "loss.hpp"

#include <algorithm>
#include <cmath>

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

double loss_sum(Loss kind, const float* y, const float* t, std::size_t n) {
  double sum = 0.0;
  switch (kind) {
    case Loss::kSquared:
      for (std::size_t i = 0; i < n; ++i) {
        const double e = static_cast<double>(y[i]) - t[i];
        sum += 0.5 * e * e;
      }
      break;
    case Loss::kCrossEntropy:
      for (std::size_t i = 0; i < n; ++i) {
        const double p = std::clamp<double>(y[i], kProbabilityFloor, 1.0 - kProbabilityFloor);
        sum -= t[i] * std::log(p) + (1.0 - t[i]) * std::log(1.0 - p);
      }
      break;
    case Loss::kSoftmaxCrossEntropy:
      for (std::size_t i = 0; i < n; ++i)
        if (t[i] > 0.0f) sum -= t[i] * std::log(std::max<double>(y[i], kProbabilityFloor));
      break;
    case Loss::kHuber:
      for (std::size_t i = 0; i < n; ++i) {
        const double e = std::fabs(static_cast<double>(y[i]) - t[i]);
        sum += e <= 1.0 ? 0.5 * e * e : e - 0.5;
      }
      break;
  }
  return sum;
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
