#include "config.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <cstdio>

namespace nnplay {

namespace {

// The value as a message shows it: at most 40 characters, control characters as '?'.
std::string quoted(std::string_view value) {
  std::string out = "\"";
  const std::size_t shown = value.size() > 40 ? 40 : value.size();
  for (std::size_t i = 0; i < shown; ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (value.size() > shown) out += "...";
  return out + "\"";
}

// Shortest "%g" text that reads back to the same float.
std::string format_number(double v) {
  char buf[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (static_cast<float>(std::strtod(buf, nullptr)) == static_cast<float>(v)) break;
  }
  return buf;
}

[[noreturn]] void fail(std::string_view key, std::string_view value, const std::string& what) {
  throw ConfigError(std::string(key) + ": " + quoted(value) + " " + what);
}

// A finite decimal number; rejects trailing text, hex, "nan" and "inf".
double parse_number(std::string_view key, std::string_view value, double lo, double hi) {
  const bool plausible = !value.empty() && value.size() <= 32 &&
                         value.find_first_not_of("0123456789+-.eE") == std::string_view::npos;
  const std::string text(value);
  char* end = nullptr;
  errno = 0;
  const double v = plausible ? std::strtod(text.c_str(), &end) : 0.0;
  if (!plausible || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v))
    fail(key, value, "is not a number");
  if (v < lo || v > hi)
    fail(key, value, "is out of range; allowed " + format_number(lo) + " to " + format_number(hi));
  return v;
}

int parse_int(std::string_view key, std::string_view value, int lo, int hi) {
  const bool digits = !value.empty() && value.size() <= 9 &&
                      value.find_first_not_of("0123456789", value[0] == '-' ? 1 : 0) ==
                          std::string_view::npos &&
                      value != "-";
  if (!digits) fail(key, value, "is not a whole number");
  const int v = std::atoi(std::string(value).c_str());
  if (v < lo || v > hi)
    fail(key, value, "is out of range; allowed " + std::to_string(lo) + " to " + std::to_string(hi));
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
    if (shape.size() == kMaxHiddenLayers)
      fail(key, value, "has too many layers; allowed 0 to " + std::to_string(kMaxHiddenLayers));
    const bool digits = !part.empty() && part.size() <= 3 &&
                        part.find_first_not_of("0123456789") == std::string_view::npos;
    const int n = digits ? std::atoi(std::string(part).c_str()) : 0;
    if (n < 1 || n > kMaxNeurons)
      fail(key, value,
           "is not a list of layer sizes; each must be 1 to " + std::to_string(kMaxNeurons));
    shape.push_back(n);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return shape;
}

std::string parse_seed(std::string_view key, std::string_view value) {
  const bool ok = value.size() <= kMaxSeedLength &&
                  value.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                          "0123456789._-") == std::string_view::npos;
  if (!ok) fail(key, value, "must be up to 32 letters, digits, '.', '_' or '-'");
  return std::string(value);
}

template <typename T, typename Parse>
T parse_enum(std::string_view key, std::string_view value, Parse parse, const char* allowed) {
  const auto v = parse(value);
  if (!v) fail(key, value, std::string("is not one of ") + allowed);
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

using Setter = std::function<void(Config&, std::string_view key, std::string_view value)>;

struct Field {
  const char* key;
  Setter set;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> table = [] {
    std::vector<Field> t = {
        {"problem",
         [](Config& c, auto k, auto v) {
           c.problem = parse_enum<Problem>(k, v, parse_problem, "classification, regression");
         }},
        {"dataset",
         [](Config& c, auto k, auto v) {
           c.dataset = parse_enum<DatasetKind>(k, v, parse_classification_dataset,
                                               "circle, xor, gauss, spiral");
         }},
        {"regDataset",
         [](Config& c, auto k, auto v) {
           c.reg_dataset = parse_enum<DatasetKind>(k, v, parse_regression_dataset,
                                                   "reg-plane, reg-gauss");
         }},
        {"seed", [](Config& c, auto k, auto v) { c.seed = parse_seed(k, v); }},
        {"networkShape", [](Config& c, auto k, auto v) { c.network_shape = parse_shape(k, v); }},
        {"activation",
         [](Config& c, auto k, auto v) {
           c.activation = parse_enum<Activation>(k, v, parse_activation, activation_names());
         }},
        {"learningRate",
         [](Config& c, auto k, auto v) {
           c.update.learning_rate = static_cast<float>(parse_number(k, v, 0.00001, 10.0));
         }},
        {"batchSize", [](Config& c, auto k, auto v) { c.batch_size = parse_int(k, v, 1, kMaxBatchSize); }},
        {"noise", [](Config& c, auto k, auto v) { c.noise = parse_int(k, v, 0, 80); }},
        {"percTrainData", [](Config& c, auto k, auto v) { c.perc_train_data = parse_int(k, v, 10, 90); }},
        {"regularization",
         [](Config& c, auto k, auto v) {
           c.update.regularization =
               parse_enum<Regularization>(k, v, parse_regularization, "none, L1, L2");
         }},
        {"regularizationRate",
         [](Config& c, auto k, auto v) {
           c.update.regularization_rate = static_cast<float>(parse_number(k, v, 0.0, 10.0));
         }},
        {"initZero", [](Config& c, auto k, auto v) { c.init_zero = parse_bool(k, v); }},
        {"shuffle", [](Config& c, auto k, auto v) { c.shuffle = parse_bool(k, v); }},
    };
    for (std::size_t f = 0; f < kFeatureCount; ++f)
      t.push_back({feature_key(static_cast<Feature>(f)),
                   [f](Config& c, auto k, auto v) { c.features[f] = parse_bool(k, v); }});
    return t;
  }();
  return table;
}

const Field* find_field(std::string_view key) {
  for (const Field& f : fields())
    if (key == f.key) return &f;
  return nullptr;
}

}  // namespace

void set_config_value(Config& config, std::string_view key, std::string_view value) {
  const Field* field = find_field(key);
  if (field == nullptr) throw ConfigError(std::string("unknown setting ") + quoted(key));
  field->set(config, key, value);
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
      field->set(config, field->key, pair.substr(eq + 1));
    } catch (const ConfigError& e) {
      if (errors == nullptr) throw;
      errors->push_back(e.what());
    }
  }
  if (enabled_count(config.features) == 0) {
    const std::string message = "features: at least one input feature must be on";
    if (errors == nullptr) throw ConfigError(message);
    errors->push_back(message);
    config.features = Config{}.features;
  }
  return config;
}

std::string format_config(const Config& c) {
  std::string shape;
  for (std::size_t i = 0; i < c.network_shape.size(); ++i)
    shape += (i ? "," : "") + std::to_string(c.network_shape[i]);
  std::string out =
      std::string("problem=") + (c.problem == Problem::kRegression ? "regression" : "classification") +
      "&dataset=" + dataset_name(c.dataset) + "&regDataset=" + dataset_name(c.reg_dataset) +
      "&seed=" + c.seed + "&networkShape=" + shape + "&activation=" + activation_name(c.activation) +
      "&learningRate=" + format_number(c.update.learning_rate) +
      "&batchSize=" + std::to_string(c.batch_size) + "&noise=" + std::to_string(c.noise) +
      "&percTrainData=" + std::to_string(c.perc_train_data) +
      "&regularization=" + regularization_name(c.update.regularization) +
      "&regularizationRate=" + format_number(c.update.regularization_rate) +
      "&initZero=" + (c.init_zero ? "true" : "false") + "&shuffle=" + (c.shuffle ? "true" : "false");
  for (std::size_t f = 0; f < kFeatureCount; ++f)
    out += std::string("&") + feature_key(static_cast<Feature>(f)) + "=" + (c.features[f] ? "true" : "false");
  return out;
}

}  // namespace nnplay
