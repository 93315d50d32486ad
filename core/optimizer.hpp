#pragma once
// Parameter updates. An optimizer sees only flat parameter and gradient buffers: it knows no layers.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace nnplay {

enum class Regularization { kNone, kL1, kL2 };

// "none" | "L1" | "L2" (the Playground's spelling; "l1"/"l2" accepted) -> Regularization.
std::optional<Regularization> parse_regularization(std::string_view name);
const char* regularization_name(Regularization kind);

// The live settings of one update; changing them never rebuilds the network.
struct UpdateSettings {
  float learning_rate = 0.03f;
  Regularization regularization = Regularization::kNone;
  float regularization_rate = 0.0f;
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // Applies one step to params from the mean-of-batch gradients. The first `weight_count` values
  // are weights (regularised); the rest are biases (never regularised, as in the Playground).
  virtual void update(std::vector<float>& params, const std::vector<float>& grads,
                      std::size_t weight_count, const UpdateSettings& settings) = 0;
};

// Plain stochastic gradient descent: w <- w - lr * (dL/dw + rate * dR/dw), with
// R = |w| (L1) or w^2 / 2 (L2). Under L1 a weight whose step crosses zero stops at zero.
class Sgd : public Optimizer {
 public:
  void update(std::vector<float>& params, const std::vector<float>& grads, std::size_t weight_count,
              const UpdateSettings& settings) override;
};

}  // namespace nnplay
