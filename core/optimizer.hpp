#pragma once
// Parameter updates. An optimizer sees only flat parameter and gradient buffers: it knows no layers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace nnplay {

enum class Regularization { kNone, kL1, kL2 };

// "none" | "L1" | "L2" (the Playground's spelling; "l1"/"l2" accepted) -> Regularization.
std::optional<Regularization> parse_regularization(std::string_view name);
const char* regularization_name(Regularization kind);

enum class OptimizerKind {
  kSgd,       // w -= lr g
  kMomentum,  // v = mu v + g;  w -= lr v                 (heavy ball, Polyak 1964)
  kNesterov,  // v = mu v + g;  w -= lr (g + mu v)        (Nesterov 1983, Sutskever et al. 2013 form)
  kRmsprop,   // s = rho s + (1 - rho) g^2;  w -= lr g / (sqrt(s) + eps)   (Tieleman and Hinton 2012)
  kAdam,      // m, v moments with bias correction;  w -= lr m^ / (sqrt(v^) + eps)  (Kingma and Ba 2015)
};

// "sgd" | "momentum" | "nesterov" | "rmsprop" | "adam" -> OptimizerKind.
std::optional<OptimizerKind> parse_optimizer(std::string_view name);
const char* optimizer_name(OptimizerKind kind);

// The settings of one update. All of them are live: changing them never rebuilds the network.
struct UpdateSettings {
  float learning_rate = 0.03f;
  Regularization regularization = Regularization::kNone;
  float regularization_rate = 0.0f;
  OptimizerKind optimizer = OptimizerKind::kSgd;
  float momentum = 0.9f;  // momentum and nesterov
  float rho = 0.9f;       // rmsprop's decay of the squared-gradient average
  float beta1 = 0.9f;     // adam
  float beta2 = 0.999f;   // adam
  float epsilon = 1e-8f;  // rmsprop and adam
};

// One optimizer of any kind, with the state its kind needs (velocity or moments and a step count).
// The gradient of the regulariser is added to every weight's gradient before the step:
// rate * sign(w) for L1, rate * w for L2; biases are never regularised (as in the Playground).
// Under L1 a weight whose step crosses zero stops at zero.
class Optimizer {
 public:
  // Applies one step to params from the mean-of-batch gradients. The first `weight_count`
  // values are weights, the rest biases. Resets its state when the kind or size changed.
  void update(std::vector<float>& params, const std::vector<float>& grads, std::size_t weight_count,
              const UpdateSettings& settings);
  // The same step written to `next` (resized to params' size), params left as they were; returns
  // whether every new value is finite. The check is made in the pass that writes the values, and
  // a caller that swaps next in only when it is finite needs no copy to roll a divergence back.
  bool update_into(const std::vector<float>& params, std::vector<float>& next, const std::vector<float>& grads,
                   std::size_t weight_count, const UpdateSettings& settings);
  void reset() { first_.clear(); second_.clear(); steps_ = 0; }

  // The state, for saving an experiment and continuing it exactly.
  std::vector<float>& first_moment() { return first_; }
  std::vector<float>& second_moment() { return second_; }
  std::int64_t& steps() { return steps_; }
  OptimizerKind& kind() { return kind_; }

 private:
  OptimizerKind kind_ = OptimizerKind::kSgd;
  std::vector<float> first_, second_;
  std::vector<float> scratch_;  // one update's regularised weight gradients
  std::int64_t steps_ = 0;
};

}  // namespace nnplay
