#include "settings.hpp"

#include "config.hpp"
#include "csv.hpp"
#include "dataset.hpp"
#include "images.hpp"
#include "json.hpp"
#include "session.hpp"
#include "text.hpp"

namespace nnplay {

namespace {

using K = SettingKind;

template <std::size_t N>
constexpr ConstList<const char*> list(const char* const (&items)[N]) { return {items, N}; }

constexpr SettingSpec spec(const char* key, K kind, double lo = 0, double hi = 0) {
  SettingSpec s{};
  s.key = key, s.kind = kind, s.min = lo, s.max = hi;
  return s;
}
constexpr SettingSpec whole(const char* key, double lo, double hi) { return spec(key, K::kInt, lo, hi); }
constexpr SettingSpec real(const char* key, double lo, double hi) { return spec(key, K::kFloat, lo, hi); }
constexpr SettingSpec choice(const char* key, ConstList<const char*> choices) {
  SettingSpec s = spec(key, K::kChoice);
  s.choices = choices;
  return s;
}
constexpr SettingSpec flag(const char* key) { return spec(key, K::kBool); }
constexpr SettingSpec with(SettingSpec s, int max_items, ConstList<const char*> choices = {}) {
  s.max_items = max_items;
  if (!choices.empty()) s.choices = choices;
  return s;
}
constexpr SettingSpec with_zero(SettingSpec s) { return s.zero_allowed = true, s; }
constexpr SettingSpec with_page_max(SettingSpec s, int page_max) { return s.page_max = page_max, s; }

constexpr const char* kActivationChoices[] = {"relu", "tanh",  "sigmoid", "linear",   "leakyRelu",
                                              "elu",  "gelu",  "silu",    "softplus", "sine"};
constexpr const char* kProblems[] = {"classification", "regression"};
constexpr const char* kDatasets[] = {"circle", "xor", "gauss", "spiral", "moons", "checkerboard", "sine", "cubic", "abs", "fashion"};
// images.hpp's class keys in label order, then "all": any 2 to 10 different ones, or "all" alone.
constexpr const char* kImageClassChoices[] = {"tshirt", "trouser", "pullover", "dress", "coat", "sandal",
                                              "shirt",  "sneaker", "bag",      "boot",  "all"};
constexpr const char* kImageSizes[] = {"14", "28"};
// Points keep kMaxNeurons per layer (a rule in config.cpp); image data may go to the maximum.
constexpr SettingSpec with_point_max(SettingSpec s, int point_max) { return s.point_max = point_max, s; }
constexpr const char* kRegDatasets[] = {"reg-plane", "reg-gauss"};
constexpr const char* kRegularizations[] = {"none", "L1", "L2"};
constexpr const char* kLosses[] = {"squared", "crossEntropy", "huber"};
constexpr const char* kInits[] = {"playground", "glorot", "he"};
constexpr const char* kOptimizers[] = {"sgd", "momentum", "nesterov", "rmsprop", "adam"};
constexpr const char* kSchedules[] = {"constant", "step", "cosine"};

constexpr SettingSpec kTable[] = {
    choice("problem", list(kProblems)),
    choice("dataset", list(kDatasets)),
    choice("regDataset", list(kRegDatasets)),
    with(spec("seed", K::kText), int(kMaxSeedLength)),
    with_point_max(with(spec("networkShape", K::kIntList, 1, kMaxImageNeurons), kMaxHiddenLayers), kMaxNeurons),
    choice("activation", list(kActivationChoices)),
    real("learningRate", 0.00001, 10.0),
    // The page and the URL keep the Playground's 1 to 30; scripts and benchmarks may go further.
    with_page_max(whole("batchSize", 1, kMaxBatchSize), 30),
    whole("noise", 0, 80),
    whole("percTrainData", 10, 90),
    choice("regularization", list(kRegularizations)),
    real("regularizationRate", 0.0, 10.0),
    flag("initZero"),
    flag("shuffle"),
    whole("numClasses", 2, kMaxClasses),
    with_zero(whole("numSamples", kMinSamples, kMaxSamples)),
    choice("loss", list(kLosses)),
    choice("init", list(kInits)),
    choice("optimizer", list(kOptimizers)),
    real("momentum", 0.0, 0.999),
    real("rho", 0.0, 0.999),
    real("beta1", 0.0, 0.999),
    real("beta2", 0.0, 0.99999),
    choice("lrSchedule", list(kSchedules)),
    whole("lrDecayEpochs", 1, 1000000),
    real("lrDecayRate", 0.01, 1.0),
    whole("stopEpochs", 0, 100000000),
    real("stopTestLoss", 0.0, 10.0),
    whole("stopPatience", 0, 1000000),
    with(spec("imageClasses", K::kChoiceList, 2), kImageClassCount, list(kImageClassChoices)),
    choice("imageSize", list(kImageSizes)),
    with(spec("activations", K::kChoiceList), kMaxHiddenLayers, list(kActivationChoices)),
    flag(kFeatureKeys[0]), flag(kFeatureKeys[1]), flag(kFeatureKeys[2]), flag(kFeatureKeys[3]),
    flag(kFeatureKeys[4]), flag(kFeatureKeys[5]), flag(kFeatureKeys[6]),
};
static_assert(kFeatureCount == 7, "one flag per input feature at the end of kTable");

const char* kind_name(K kind) {
  switch (kind) {
    case K::kInt: return "int";
    case K::kFloat: return "float";
    case K::kChoice: return "choice";
    case K::kBool: return "bool";
    case K::kIntList: return "intList";
    case K::kChoiceList: return "choiceList";
    case K::kText: return "text";
  }
  return "?";
}

// A default from format_config's text, as a JSON value of the key's kind.
std::string json_default(const SettingSpec& s, std::string_view text) {
  switch (s.kind) {
    case K::kInt: case K::kFloat: case K::kBool: return std::string(text);
    case K::kChoice: case K::kText: return json_quote(text);
    case K::kIntList: case K::kChoiceList: {
      std::string out = "[";
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view part = text.substr(start, comma - start);
        out += (out.size() > 1 ? "," : "") + (s.kind == K::kIntList ? std::string(part) : json_quote(part));
        start = comma + 1;
      }
      return out + "]";
    }
  }
  return "null";
}

}  // namespace

ConstList<SettingSpec> setting_specs() { return {kTable, sizeof kTable / sizeof kTable[0]}; }

const SettingSpec& setting_spec(std::string_view key) {
  for (const SettingSpec& s : setting_specs())
    if (key == s.key) return s;
  throw ConfigError("unknown setting \"" + std::string(key) + "\"");
}

bool is_choice(const SettingSpec& spec, std::string_view value) {
  for (const char* c : spec.choices)
    if (value == c) return true;
  return false;
}

std::string choice_list(const SettingSpec& spec) {
  std::string out;
  for (const char* c : spec.choices) out += (out.empty() ? "" : ", ") + std::string(c);
  return out;
}

std::string settings_json() {
  // Defaults come from a default Config's own text, so they cannot drift from config.hpp.
  const std::string defaults = format_config(Config{});
  auto default_of = [&](std::string_view key) {
    const std::string needle = std::string(key) + "=";
    std::size_t at = defaults.rfind("&" + needle);
    at = defaults.compare(0, needle.size(), needle) == 0 ? 0 : at + 1;
    const std::size_t end = defaults.find('&', at);
    return std::string_view(defaults).substr(at + needle.size(), end == std::string::npos ? std::string::npos : end - at - needle.size());
  };
  std::string out = "{\"settings\":{";
  bool first = true;
  for (const SettingSpec& s : setting_specs()) {
    out += (first ? "" : ",") + json_quote(s.key) + ":{\"kind\":\"" + kind_name(s.kind) + "\"";
    first = false;
    if (s.kind == K::kInt || s.kind == K::kFloat || s.kind == K::kIntList) {
      out += ",\"min\":" + format_float(s.min) + ",\"max\":" + format_float(s.max);
    }
    if (s.kind == K::kChoiceList && s.min > 0) out += ",\"minItems\":" + format_float(s.min);
    if (s.zero_allowed) out += ",\"zeroAllowed\":true";
    if (s.page_max) out += ",\"pageMax\":" + std::to_string(s.page_max);
    if (s.point_max) out += ",\"pointMax\":" + std::to_string(s.point_max);
    if (!s.choices.empty()) {
      out += ",\"choices\":[";
      for (std::size_t i = 0; i < s.choices.size(); ++i) out += (i ? "," : "") + json_quote(s.choices[i]);
      out += "]";
    }
    if (s.max_items) out += ",\"maxItems\":" + std::to_string(s.max_items);
    out += ",\"default\":" + json_default(s, default_of(s.key));
    out += std::string(",\"live\":") + (is_live_key(s.key) ? "true" : "false") + "}";
  }
  out += "},\"caps\":{\"plotExtent\":" + format_float(kPlotExtent) +
         ",\"maxTarget\":" + format_float(kMaxTarget) + ",\"maxSamples\":" + std::to_string(kMaxSamples) + ",\"minCsvPoints\":" + std::to_string(kMinCsvPoints) +
         ",\"maxCsvBytes\":" + std::to_string(kMaxCsvBytes) + ",\"maxCsvInputs\":" + std::to_string(kMaxCsvInputs) + ",\"maxExperimentBytes\":" + std::to_string(kMaxJsonBytes) +
         ",\"maxGridSize\":" + std::to_string(kMaxGridSize) + ",\"maxClasses\":" + std::to_string(kMaxClasses) +
         ",\"maxConfigText\":" + std::to_string(kMaxConfigText) + ",\"imageSide\":" + std::to_string(kImageSide) +
         ",\"imageTrainPerClass\":" + std::to_string(kImageTrainPerClass) +
         ",\"imageTestPerClass\":" + std::to_string(kImageTestPerClass) + ",\"imageClassNames\":[";
  for (int k = 0; k < kImageClassCount; ++k) out += (k ? "," : "") + json_quote(image_class_name(k));
  out += "]}}";
  return out;
}

}  // namespace nnplay
