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
#include "loss.hpp"
#include "init.hpp"
#include "optimizer.hpp"

namespace nnplay {

// Hard caps: whatever a URL or script asks for, memory stays bounded.
constexpr int kMaxHiddenLayers = 8;
constexpr int kMaxNeurons = 64;       // points and CSV data
constexpr int kMaxImageNeurons = 128; // image data: a layer sees hundreds of pixels
// The page and the URL keep the Playground's 1 to 30; the engine takes up to a full batch of the
// largest data set, for scripts and benchmarks.
constexpr int kMaxBatchSize = 2000;
constexpr std::size_t kMaxSeedLength = 32;
constexpr std::size_t kMaxConfigText = 4096;

constexpr int kMaxClasses = 6;
constexpr int kMinSamples = 50;
constexpr int kMaxSamples = 2000;

enum class Problem { kClassification, kRegression };

// How the learning rate changes with the epoch.
enum class Schedule {
  kConstant,  // lr
  kStep,      // lr * rate^floor(epoch / epochs)
  kCosine,    // lr * (1 + cos(pi * min(epoch, epochs) / epochs)) / 2   (Loshchilov and Hutter 2017)
};

struct Config {
  Problem problem = Problem::kClassification;
  DatasetKind dataset = DatasetKind::kCircle;       // used for classification
  DatasetKind reg_dataset = DatasetKind::kRegPlane;  // used for regression
  std::string seed;                                  // any text; hashed to the generator's seed
  std::vector<int> network_shape{4, 2};              // hidden layer sizes
  Activation activation = Activation::kTanh;         // every hidden layer's, unless...
  std::vector<Activation> activations;               // ...one per hidden layer is given
  UpdateSettings update;                             // optimizer and its settings (all live)
  Loss loss = Loss::kSquared;  // as asked; effective_loss() says what applies to the problem
  int num_classes = 2;         // classification: 2 to kMaxClasses
  int num_samples = 0;         // 0: the data set's own count (500 or 1200)
  Init init = Init::kPlayground;
  Schedule schedule = Schedule::kConstant;
  int schedule_epochs = 100;   // step period, or cosine's length
  float schedule_rate = 0.5f;  // step factor
  int stop_epochs = 0;         // auto-stop after this many epochs (0: off)
  float stop_test_loss = 0.0f; // auto-stop once the test loss is at most this (0: off)
  int stop_patience = 0;       // auto-stop after this many epochs without a better test loss (0: off)
  int batch_size = 10;
  int noise = 0;             // percent, as the Playground's slider (0..80 accepted)
  int perc_train_data = 50;  // percent of the samples used for training
  FeatureSet features{true, true, false, false, false, false, false};
  bool init_zero = false;
  bool shuffle = true;       // visit the training set in a fresh order each epoch (false: fixed order)
  // dataset=fashion: the clothing classes (images.hpp labels), output unit k = image_classes[k];
  // the input side, 28 (784 pixels) or 14 (196 means of 2 x 2 pixels). 14 by default: measured
  // in wasm, all ten classes trained 4.8x more images a second at 14 (19.1 k/s against 4.0 k/s)
  // with the same test accuracy after each of 3 epochs (78-79 %), and the page's goals are
  // accuracies within seconds of Play.
  std::vector<int> image_classes{0, 1, 7};
  int image_size = 14;

  DatasetKind active_dataset() const {
    return problem == Problem::kRegression ? reg_dataset : dataset;
  }
  // Whether the data are clothing images (dataset=fashion for classification).
  bool images() const { return problem == Problem::kClassification && dataset == DatasetKind::kFashion; }
  // Classes of the problem: 0 for regression.
  int classes() const {
    return problem == Problem::kRegression ? 0 : images() ? int(image_classes.size()) : num_classes;
  }
  // The loss that applies: softmax cross-entropy for images and for 3+ classes; squared or cross-entropy for two;
  // squared or Huber for regression (a loss that does not fit the problem falls back to squared).
  Loss effective_loss() const;
  // Output units: one per class under softmax cross-entropy, else one.
  std::size_t output_units() const;
  // The hidden activation of each layer.
  std::vector<Activation> hidden_activations() const;
  // The learning rate in effect during `epoch` under the schedule.
  float learning_rate_at(int epoch) const;
};

// The keys that change a running session without rebuilding it.
bool is_live_key(std::string_view key);

// Thrown for an invalid value; what() reads like `batchSize: "0" is out of range; allowed 1 to 2000`.
class ConfigError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Parses the hash form onto the defaults. Unknown keys are ignored (the page keeps its own UI
// keys in the same hash). Throws ConfigError for the first bad value, or, when `errors` is given,
// collects every message there and keeps that field's default instead.
Config parse_config(std::string_view text, std::vector<std::string>* errors = nullptr);

// Throws ConfigError for the first rule between fields that `config` breaks (no input feature,
// activations that do not match the layers, more classes than the data set makes). Every path
// that changes a session's config passes it, so what save() writes, load() reads back.
void check_config(const Config& config);
// The same rules; with `errors`, each broken rule's message goes there and the field it names
// gets its default back instead of throwing (parse_config's forgiving mode).
void apply_config_rules(Config& config, std::vector<std::string>* errors);

// Sets one key on an existing config, with the same validation; throws ConfigError.
void set_config_value(Config& config, std::string_view key, std::string_view value);

// The hash form of every engine key, which parse_config reads back to an equal Config.
std::string format_config(const Config& config);

}  // namespace nnplay
