// What a Config means: the rules between its fields and the values derived from them. Its text
// form is read in config_parse.cpp and written in config_format.cpp; the keys' kinds and ranges
// are the settings table (settings.cpp).
#include "config.hpp"

#include <cmath>

namespace nnplay {

void apply_config_rules(Config& config, std::vector<std::string>* errors) {
  auto reject = [&](const std::string& message, auto restore) {
    if (errors == nullptr) throw ConfigError(message);
    errors->push_back(message);
    restore();
  };
  if (enabled_count(config.features) == 0)
    reject("features: at least one input feature must be on", [&] { config.features = Config{}.features; });
  if (!config.activations.empty() && config.activations.size() != config.network_shape.size())
    reject("activations: gives " + std::to_string(config.activations.size()) + " activations for " +
               std::to_string(config.network_shape.size()) + " hidden layers",
           [&] { config.activations.clear(); });
  for (int width : config.network_shape)
    if (width > kMaxNeurons && !config.images()) {
      reject("networkShape: layers wider than " + std::to_string(kMaxNeurons) + " are for image data (dataset=fashion)",
             [&] { config.network_shape = Config{}.network_shape; });
      break;
    }
  if (config.problem == Problem::kClassification && !supports_classes(config.dataset, config.num_classes))
    reject(std::string("numClasses: ") + dataset_name(config.dataset) +
               " has two classes; more need circle, gauss, spiral or checkerboard",
           [&] { config.num_classes = 2; });
}

void check_config(const Config& config) {
  Config copy = config;
  apply_config_rules(copy, nullptr);
}

Loss Config::effective_loss() const {
  if (problem == Problem::kRegression) return loss == Loss::kHuber ? Loss::kHuber : Loss::kSquared;
  if (num_classes > 2 || images()) return Loss::kSoftmaxCrossEntropy;
  return loss == Loss::kCrossEntropy ? Loss::kCrossEntropy : Loss::kSquared;
}

std::size_t Config::output_units() const {
  return effective_loss() == Loss::kSoftmaxCrossEntropy ? std::size_t(classes()) : 1;
}

std::vector<Activation> Config::hidden_activations() const {
  return activations.empty() ? std::vector<Activation>(network_shape.size(), activation) : activations;
}

float Config::learning_rate_at(int epoch) const {
  const float lr = update.learning_rate;
  switch (schedule) {
    case Schedule::kStep:
      return lr * static_cast<float>(std::pow(double(schedule_rate), double(epoch / schedule_epochs)));
    case Schedule::kCosine: {
      const double progress = std::min(1.0, double(epoch) / double(schedule_epochs));
      return static_cast<float>(lr * 0.5 * (1.0 + std::cos(3.141592653589793 * progress)));
    }
    default:
      return lr;
  }
}

bool is_live_key(std::string_view key) {
  constexpr std::string_view kLive[] = {"learningRate", "regularization", "regularizationRate",
                                        "optimizer", "momentum", "rho", "beta1", "beta2",
                                        "lrSchedule", "lrDecayEpochs", "lrDecayRate",
                                        "stopEpochs", "stopTestLoss", "stopPatience"};
  for (auto live : kLive)
    if (key == live) return true;
  return false;
}

}  // namespace nnplay
