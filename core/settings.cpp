#include "settings.hpp"

#include "config.hpp"
#include "csv.hpp"
#include "images.hpp"
#include "json.hpp"
#include "session.hpp"
#include "text.hpp"

namespace nnplay {

namespace {

using K = SettingKind;

SettingSpec& setting_lookup(std::vector<SettingSpec>& table, std::string_view key) {
  for (SettingSpec& s : table)
    if (key == s.key) return s;
  throw ConfigError("unknown setting \"" + std::string(key) + "\"");
}

SettingSpec spec(const char* key, K kind, double lo = 0, double hi = 0) {
  SettingSpec s{};
  s.key = key, s.kind = kind, s.min = lo, s.max = hi;
  return s;
}
SettingSpec whole(const char* key, double lo, double hi) { return spec(key, K::kInt, lo, hi); }
SettingSpec real(const char* key, double lo, double hi) { return spec(key, K::kFloat, lo, hi); }
SettingSpec choice(const char* key, std::vector<const char*> choices) {
  SettingSpec s = spec(key, K::kChoice);
  s.choices = std::move(choices);
  return s;
}
SettingSpec flag(const char* key) { return spec(key, K::kBool); }

const std::vector<const char*> kActivationChoices = {"relu", "tanh",  "sigmoid", "linear",   "leakyRelu",
                                                     "elu",  "gelu",  "silu",    "softplus", "sine"};

std::vector<SettingSpec> build_table() {
  std::vector<SettingSpec> t = {
      choice("problem", {"classification", "regression"}),
      choice("dataset", {"circle", "xor", "gauss", "spiral", "moons", "checkerboard", "sine", "cubic", "abs", "fashion"}),
      choice("regDataset", {"reg-plane", "reg-gauss"}),
      spec("seed", K::kText),
      spec("networkShape", K::kIntList, 1, kMaxImageNeurons),
      choice("activation", kActivationChoices),
      real("learningRate", 0.00001, 10.0),
      whole("batchSize", 1, kMaxBatchSize),
      whole("noise", 0, 80),
      whole("percTrainData", 10, 90),
      choice("regularization", {"none", "L1", "L2"}),
      real("regularizationRate", 0.0, 10.0),
      flag("initZero"),
      flag("shuffle"),
      whole("numClasses", 2, kMaxClasses),
      whole("numSamples", kMinSamples, kMaxSamples),
      choice("loss", {"squared", "crossEntropy", "huber"}),
      choice("init", {"playground", "glorot", "he"}),
      choice("optimizer", {"sgd", "momentum", "nesterov", "rmsprop", "adam"}),
      real("momentum", 0.0, 0.999),
      real("rho", 0.0, 0.999),
      real("beta1", 0.0, 0.999),
      real("beta2", 0.0, 0.99999),
      choice("lrSchedule", {"constant", "step", "cosine"}),
      whole("lrDecayEpochs", 1, 1000000),
      real("lrDecayRate", 0.01, 1.0),
      whole("stopEpochs", 0, 100000000),
      real("stopTestLoss", 0.0, 10.0),
      whole("stopPatience", 0, 1000000),
      spec("imageClasses", K::kChoiceList, 2),
      choice("imageSize", {"28", "14"}),
      spec("activations", K::kChoiceList),
  };
  for (SettingSpec& s : t) {
    if (s.kind == K::kIntList) s.max_items = kMaxHiddenLayers;
    if (s.kind == K::kText) s.max_items = int(kMaxSeedLength);
  }
  setting_lookup(t, "activations").choices = kActivationChoices;
  setting_lookup(t, "activations").max_items = kMaxHiddenLayers;
  // Any 2 to 10 different classes, or "all" alone.
  SettingSpec& image_classes = setting_lookup(t, "imageClasses");
  for (int k = 0; k < kImageClassCount; ++k) image_classes.choices.push_back(image_class_key(k));
  image_classes.choices.push_back("all");
  image_classes.max_items = kImageClassCount;
  // Points keep kMaxNeurons per layer (a rule in config.cpp); image data may go to max.
  setting_lookup(t, "networkShape").point_max = kMaxNeurons;
  setting_lookup(t, "numSamples").zero_allowed = true;
  // The page and the URL keep the Playground's 1 to 30; scripts and benchmarks may go further.
  setting_lookup(t, "batchSize").page_max = 30;
  for (std::size_t f = 0; f < kFeatureCount; ++f) t.push_back(flag(feature_key(static_cast<Feature>(f))));
  return t;
}

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

const std::vector<SettingSpec>& setting_specs() {
  static const std::vector<SettingSpec> table = build_table();
  return table;
}

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
         ",\"maxCsvBytes\":" + std::to_string(kMaxCsvBytes) + ",\"maxExperimentBytes\":" + std::to_string(kMaxJsonBytes) +
         ",\"maxGridSize\":" + std::to_string(kMaxGridSize) + ",\"maxClasses\":" + std::to_string(kMaxClasses) +
         ",\"maxConfigText\":" + std::to_string(kMaxConfigText) + ",\"imageSide\":" + std::to_string(kImageSide) +
         ",\"imageTrainPerClass\":" + std::to_string(kImageTrainPerClass) +
         ",\"imageTestPerClass\":" + std::to_string(kImageTestPerClass) + ",\"imageClassNames\":[";
  for (int k = 0; k < kImageClassCount; ++k) out += (k ? "," : "") + json_quote(image_class_name(k));
  out += "]}}";
  return out;
}

}  // namespace nnplay
