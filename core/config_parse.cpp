// Reading a settings text ("key=value&..."): one parser per kind of value, checked against the
// settings table (settings.cpp), and the field table that maps each key to its Config member.
#include "config.hpp"

#include "images.hpp"
#include "settings.hpp"
#include "text.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <cstdio>

namespace nnplay {

namespace {

std::string quoted(std::string_view value) { return quote_value(value, 40); }

[[noreturn]] void fail(std::string_view key, std::string_view value, const std::string& what) {
  throw ConfigError(std::string(key) + ": " + quoted(value) + " " + what);
}

// A finite decimal number in the key's range (settings.cpp); rejects trailing text, hex, "nan", "inf".
double parse_number(std::string_view key, std::string_view value) {
  const SettingSpec& spec = setting_spec(key);
  double v = 0.0;
  if (value.size() > 32 || !parse_finite(value, v)) fail(key, value, "is not a number");
  if (v < spec.min || v > spec.max)
    fail(key, value, "is out of range; allowed " + format_float(spec.min) + " to " + format_float(spec.max));
  return v;
}

int parse_int(std::string_view key, std::string_view value) {
  const SettingSpec& spec = setting_spec(key);
  const bool digits = !value.empty() && value.size() <= 9 &&
                      value.find_first_not_of("0123456789", value[0] == '-' ? 1 : 0) ==
                          std::string_view::npos &&
                      value != "-";
  if (!digits) fail(key, value, "is not a whole number");
  const int v = std::atoi(std::string(value).c_str());
  const int lo = int(spec.min), hi = int(spec.max);
  if (spec.zero_allowed && v == 0) return 0;
  if (v < lo || v > hi)
    fail(key, value, std::string("is out of range; allowed ") + (spec.zero_allowed ? "0 (the data set's own count) or " : "") +
                         std::to_string(lo) + " to " + std::to_string(hi));
  return v;
}

bool parse_bool(std::string_view key, std::string_view value) {
  if (value == "true") return true;
  if (value == "false") return false;
  fail(key, value, "must be true or false");
}

std::vector<int> parse_shape(std::string_view key, std::string_view value) {
  std::vector<int> shape;
  if (value.empty()) return shape;  // no hidden layers
  std::size_t start = 0;
  while (start <= value.size()) {
    const std::size_t comma = value.find(',', start);
    const std::string_view part =
        value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const SettingSpec& spec = setting_spec(key);
    if (shape.size() == std::size_t(spec.max_items))
      fail(key, value, "has too many layers; allowed 0 to " + std::to_string(spec.max_items));
    const bool digits = !part.empty() && part.size() <= 3 &&
                        part.find_first_not_of("0123456789") == std::string_view::npos;
    const int n = digits ? std::atoi(std::string(part).c_str()) : 0;
    if (n < int(spec.min) || n > int(spec.max))
      fail(key, value, "is not a list of layer sizes; each must be " + std::to_string(int(spec.min)) + " to " +
                           std::to_string(int(spec.max)));
    shape.push_back(n);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return shape;
}

std::string parse_seed(std::string_view key, std::string_view value) {
  const bool ok = value.size() <= std::size_t(setting_spec(key).max_items) &&
                  value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789._-") == std::string_view::npos;
  if (!ok) fail(key, value, "must be up to 32 letters, digits, '.', '_' or '-'");
  return std::string(value);
}

std::vector<Activation> parse_activation_list(std::string_view key, std::string_view value) {
  std::vector<Activation> list;
  if (value.empty()) return list;  // every layer uses `activation`
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = value.find(',', start);
    const std::string_view part =
        value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    const SettingSpec& spec = setting_spec(key);
    const auto kind = is_choice(spec, part) ? parse_activation(part) : std::nullopt;
    if (!kind || list.size() == std::size_t(spec.max_items))
      fail(key, value, "is not a list of up to " + std::to_string(spec.max_items) + " of " + choice_list(spec));
    list.push_back(*kind);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return list;
}

// "all", or 2 to 10 different class keys (images.hpp) in output order.
std::vector<int> parse_image_classes(std::string_view key, std::string_view value) {
  std::vector<int> list;
  if (value == "all") {
    for (int k = 0; k < kImageClassCount; ++k) list.push_back(k);
    return list;
  }
  const SettingSpec& spec = setting_spec(key);
  std::size_t start = 0;
  bool ok = value.size() <= 100;
  while (ok) {
    const std::size_t comma = value.find(',', start);
    const int k = find_image_class(value.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    for (int seen : list) ok = ok && seen != k;
    ok = ok && k >= 0;
    list.push_back(k);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  if (!ok || list.size() < std::size_t(spec.min))
    fail(key, value, "is not a list of 2 to 10 different classes of " + choice_list(spec) + " (all alone)");
  return list;
}

// One of the key's choices (settings.cpp), read by `parse`.
template <typename T, typename Parse>
T parse_enum(std::string_view key, std::string_view value, Parse parse) {
  const SettingSpec& spec = setting_spec(key);
  const auto v = is_choice(spec, value) ? parse(value) : std::nullopt;
  if (!v) fail(key, value, "is not one of " + choice_list(spec));
  return *v;
}

std::optional<Problem> parse_problem(std::string_view v) {
  if (v == "classification") return Problem::kClassification;
  if (v == "regression") return Problem::kRegression;
  return std::nullopt;
}

std::optional<DatasetKind> parse_classification_dataset(std::string_view v) {
  const auto kind = parse_dataset(v);
  return kind && !is_regression(*kind) ? kind : std::nullopt;
}

std::optional<DatasetKind> parse_regression_dataset(std::string_view v) {
  const auto kind = parse_dataset(v);
  return kind && is_regression(*kind) ? kind : std::nullopt;
}

std::optional<Schedule> parse_schedule(std::string_view v) {
  if (v == "constant") return Schedule::kConstant;
  if (v == "step") return Schedule::kStep;
  if (v == "cosine") return Schedule::kCosine;
  return std::nullopt;
}

// A plain function pointer, not std::function: each of the ~50 setters would otherwise bring its
// own type-erasure code into the wasm module (about 13 KB).
using Setter = void (*)(Config&, std::string_view key, std::string_view value);

struct Field {
  const char* key;
  Setter set;         // nullptr for the input features, which feature names
  int feature = -1;   // the Feature a feature's key switches on or off
};

void set_field(const Field& field, Config& config, std::string_view key, std::string_view value) {
  if (field.feature >= 0)
    config.features[std::size_t(field.feature)] = parse_bool(key, value);
  else
    field.set(config, key, value);
}

// Constant data, not a vector built at start-up: the module carries no code to build it.
constexpr Field kFields[] = {
        {"problem",
         [](Config& c, auto k, auto v) {
           c.problem = parse_enum<Problem>(k, v, parse_problem);
         }},
        {"dataset",
         [](Config& c, auto k, auto v) {
           c.dataset = parse_enum<DatasetKind>(k, v, parse_classification_dataset);
         }},
        {"regDataset",
         [](Config& c, auto k, auto v) {
           c.reg_dataset = parse_enum<DatasetKind>(k, v, parse_regression_dataset);
         }},
        {"seed", [](Config& c, auto k, auto v) { c.seed = parse_seed(k, v); }},
        {"networkShape", [](Config& c, auto k, auto v) { c.network_shape = parse_shape(k, v); }},
        {"activation",
         [](Config& c, auto k, auto v) {
           c.activation = parse_enum<Activation>(k, v, parse_activation);
         }},
        {"learningRate",
         [](Config& c, auto k, auto v) {
           c.update.learning_rate = static_cast<float>(parse_number(k, v));
         }},
        {"batchSize", [](Config& c, auto k, auto v) { c.batch_size = parse_int(k, v); }},
        {"noise", [](Config& c, auto k, auto v) { c.noise = parse_int(k, v); }},
        {"percTrainData", [](Config& c, auto k, auto v) { c.perc_train_data = parse_int(k, v); }},
        {"regularization",
         [](Config& c, auto k, auto v) {
           c.update.regularization =
               parse_enum<Regularization>(k, v, parse_regularization);
         }},
        {"regularizationRate",
         [](Config& c, auto k, auto v) {
           c.update.regularization_rate = static_cast<float>(parse_number(k, v));
         }},
        {"initZero", [](Config& c, auto k, auto v) { c.init_zero = parse_bool(k, v); }},
        {"activations", [](Config& c, auto k, auto v) { c.activations = parse_activation_list(k, v); }},
        {"numClasses", [](Config& c, auto k, auto v) { c.num_classes = parse_int(k, v); }},
        {"numSamples",
         [](Config& c, auto k, auto v) {
           c.num_samples = parse_int(k, v);
         }},
        {"loss",
         [](Config& c, auto k, auto v) { c.loss = parse_enum<Loss>(k, v, parse_loss); }},
        {"init",
         [](Config& c, auto k, auto v) { c.init = parse_enum<Init>(k, v, parse_init); }},
        {"optimizer",
         [](Config& c, auto k, auto v) {
           c.update.optimizer =
               parse_enum<OptimizerKind>(k, v, parse_optimizer);
         }},
        {"momentum", [](Config& c, auto k, auto v) { c.update.momentum = float(parse_number(k, v)); }},
        {"rho", [](Config& c, auto k, auto v) { c.update.rho = float(parse_number(k, v)); }},
        {"beta1", [](Config& c, auto k, auto v) { c.update.beta1 = float(parse_number(k, v)); }},
        {"beta2", [](Config& c, auto k, auto v) { c.update.beta2 = float(parse_number(k, v)); }},
        {"lrSchedule",
         [](Config& c, auto k, auto v) {
           c.schedule = parse_enum<Schedule>(k, v, parse_schedule);
         }},
        {"lrDecayEpochs", [](Config& c, auto k, auto v) { c.schedule_epochs = parse_int(k, v); }},
        {"lrDecayRate", [](Config& c, auto k, auto v) { c.schedule_rate = float(parse_number(k, v)); }},
        {"stopEpochs", [](Config& c, auto k, auto v) { c.stop_epochs = parse_int(k, v); }},
        {"stopTestLoss", [](Config& c, auto k, auto v) { c.stop_test_loss = float(parse_number(k, v)); }},
        {"stopPatience", [](Config& c, auto k, auto v) { c.stop_patience = parse_int(k, v); }},
        {"shuffle", [](Config& c, auto k, auto v) { c.shuffle = parse_bool(k, v); }},
        {"imageClasses", [](Config& c, auto k, auto v) { c.image_classes = parse_image_classes(k, v); }},
        {"imageSize",
         [](Config& c, auto k, auto v) {
           c.image_size = parse_enum<int>(k, v, [](std::string_view t) { return std::optional<int>(t == "28" ? 28 : 14); });
         }},
        {kFeatureKeys[0], nullptr, 0}, {kFeatureKeys[1], nullptr, 1}, {kFeatureKeys[2], nullptr, 2},
        {kFeatureKeys[3], nullptr, 3}, {kFeatureKeys[4], nullptr, 4}, {kFeatureKeys[5], nullptr, 5},
        {kFeatureKeys[6], nullptr, 6},
};
static_assert(kFeatureCount == 7, "one field per input feature at the end of kFields");

const Field* find_field(std::string_view key) {
  for (const Field& f : kFields)
    if (key == f.key) return &f;
  return nullptr;
}

}  // namespace

void set_config_value(Config& config, std::string_view key, std::string_view value) {
  const Field* field = find_field(key);
  if (field == nullptr) throw ConfigError(std::string("unknown setting ") + quoted(key));
  set_field(*field, config, key, value);
}

Config parse_config(std::string_view text, std::vector<std::string>* errors) {
  Config config;
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  if (text.size() > kMaxConfigText) {
    const std::string message =
        "settings text is " + std::to_string(text.size()) + " characters; allowed up to " +
        std::to_string(kMaxConfigText);
    if (errors == nullptr) throw ConfigError(message);
    errors->push_back(message);
    return config;
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    start = end + 1;
    const std::size_t eq = pair.find('=');
    if (pair.empty() || eq == std::string_view::npos) continue;
    const Field* field = find_field(pair.substr(0, eq));
    if (field == nullptr) continue;  // UI keys and unknown keys belong to the page
    try {
      set_field(*field, config, field->key, pair.substr(eq + 1));
    } catch (const ConfigError& e) {
      if (errors == nullptr) throw;
      errors->push_back(e.what());
    }
  }
  apply_config_rules(config, errors);
  return config;
}

}  // namespace nnplay
