#pragma once
// Everything that defines an experiment, parsed from the URL-hash form the Playground uses
// ("key=value&key=value"), with a message naming the field, the value and what is allowed.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "activation.hpp"
#include "dataset.hpp"
#include "optimizer.hpp"

namespace nnplay {

// Hard caps: whatever a URL or script asks for, memory stays bounded.
constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxNeurons = 64;
constexpr int kMaxBatchSize = 30;
constexpr std::size_t kMaxSeedLength = 32;
constexpr std::size_t kMaxConfigText = 4096;

enum class Problem { kClassification, kRegression };

struct Config {
  Problem problem = Problem::kClassification;
  DatasetKind dataset = DatasetKind::kCircle;       // used for classification
  DatasetKind reg_dataset = DatasetKind::kRegPlane;  // used for regression
  std::string seed;                                  // any text; hashed to the generator's seed
  std::vector<int> network_shape{4, 2};              // hidden layer sizes
  Activation activation = Activation::kTanh;
  UpdateSettings update;                             // learning rate and regularisation (live)
  int batch_size = 10;
  int noise = 0;             // percent, as the Playground's slider (0..80 accepted)
  int perc_train_data = 50;  // percent of the samples used for training
  FeatureSet features{true, true, false, false, false, false, false};
  bool init_zero = false;
  bool shuffle = true;       // visit the training set in a fresh order each epoch (false: fixed order)

  DatasetKind active_dataset() const {
    return problem == Problem::kRegression ? reg_dataset : dataset;
  }
};

// Thrown for an invalid value; what() reads like `batchSize: "0" is out of range; allowed 1 to 30`.
class ConfigError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Parses the hash form onto the defaults. Unknown keys are ignored (the page keeps its own UI
// keys in the same hash). Throws ConfigError for the first bad value, or, when `errors` is given,
// collects every message there and keeps that field's default instead.
Config parse_config(std::string_view text, std::vector<std::string>* errors = nullptr);

// Sets one key on an existing config, with the same validation; throws ConfigError.
void set_config_value(Config& config, std::string_view key, std::string_view value);

// The hash form of every engine key, which parse_config reads back to an equal Config.
std::string format_config(const Config& config);

}  // namespace nnplay
