// Session::save and Session::load: the whole experiment as JSON, so a person can keep a model
// and continue training it exactly where it was.
#include <cmath>
#include <cstdio>
#include <type_traits>

#include "json.hpp"
#include "points.hpp"
#include "session.hpp"

namespace nnplay {

namespace {

constexpr const char* kFormat = "nnplay-experiment";
constexpr int kVersion = 1;

// %.9g prints every float so that it reads back to the same float.
void put_number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  out += std::isfinite(v) ? buf : "null";
}

// Integers (generator words, the training order) are written whole: %.9g would round them.
template <typename T>
void put_array(std::string& out, const std::vector<T>& values) {
  out += '[';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    if constexpr (std::is_integral_v<T>) out += std::to_string(values[i]);
    else put_number(out, double(values[i]));
  }
  out += ']';
}

void put_samples(std::string& out, const std::vector<Sample>& samples) {
  out += '[';
  for (std::size_t i = 0; i < samples.size(); ++i) {
    out += i ? ",[" : "[";
    put_number(out, samples[i].x);
    out += ',';
    put_number(out, samples[i].y);
    out += ',';
    put_number(out, samples[i].label);
    out += ']';
  }
  out += ']';
}

[[noreturn]] void bad(const std::string& what) { throw ConfigError("experiment file: " + what); }

JsonValue member(const JsonValue& object, const char* key, JsonValue::Kind kind) {
  JsonValue v = object;
  if (!object.find(key, v) || v.kind() != kind) bad(std::string("\"") + key + "\" is missing or of the wrong type");
  return v;
}

double number_in(const JsonValue& object, const char* key, double lo, double hi) {
  const double v = member(object, key, JsonValue::Kind::kNumber).number();
  if (!(v >= lo && v <= hi) || v != std::floor(v)) bad(std::string("\"") + key + "\" is out of range");
  return v;
}

template <typename T>
std::vector<T> array_of(const JsonValue& object, const char* key, std::size_t expected_size) {
  const JsonValue array = member(object, key, JsonValue::Kind::kArray);
  if (array.size() != expected_size)
    bad(std::string("\"") + key + "\" has " + std::to_string(array.size()) + " values; expected " +
        std::to_string(expected_size));
  std::vector<T> out;
  out.reserve(expected_size);
  for (const JsonValue& item : array.items()) {
    if (item.kind() != JsonValue::Kind::kNumber) bad(std::string("\"") + key + "\" holds a value that is not a number");
    out.push_back(static_cast<T>(item.number()));
  }
  return out;
}

std::vector<Sample> samples_of(const JsonValue& data, const char* key, int classes) {
  std::vector<Sample> out;
  const JsonValue array = member(data, key, JsonValue::Kind::kArray);
  if (array.size() > std::size_t(kMaxSamples)) bad("too many points");
  for (const JsonValue& item : array.items()) {
    const auto xyl = item.items();
    if (xyl.size() != 3) bad(std::string("\"") + key + "\" holds a point that is not [x, y, label]");
    for (const JsonValue& v : xyl)
      if (v.kind() != JsonValue::Kind::kNumber) bad(std::string("\"") + key + "\" holds a point that is not [x, y, label]");
    const Sample s{float(xyl[0].number()), float(xyl[1].number()), float(xyl[2].number())};
    try {
      check_point(s, classes);
    } catch (const ConfigError& e) {
      bad(std::string("\"") + key + "\" point " + std::to_string(out.size()) + ": " + e.what());
    }
    out.push_back(s);
  }
  return out;
}

std::array<std::uint32_t, 4> rng_state_of(const JsonValue& object, const char* key) {
  const auto words = array_of<double>(object, key, 4);
  std::array<std::uint32_t, 4> state{};
  for (int i = 0; i < 4; ++i) {
    if (!(words[i] >= 0 && words[i] <= 4294967295.0)) bad(std::string("\"") + key + "\" is out of range");
    state[i] = static_cast<std::uint32_t>(words[i]);
  }
  if (state[0] == 0 && state[1] == 0 && state[2] == 0 && state[3] == 0) bad(std::string("\"") + key + "\" is all zero");
  return state;
}

}  // namespace

std::string Session::save() const {
  std::string out = "{\"format\":\"";
  out += kFormat;
  out += "\",\"version\":" + std::to_string(kVersion);
  out += ",\"config\":" + json_quote(format_config(config_));
  out += ",\"epoch\":" + std::to_string(epoch_) + ",\"cursor\":" + std::to_string(cursor_);
  out += ",\"diverged\":";
  out += diverged_ ? "true" : "false";
  out += ",\"stopReason\":" + json_quote(stop_reason_) + ",\"bestTestLoss\":";
  put_number(out, best_test_loss_);
  out += ",\"bestEpoch\":" + std::to_string(best_epoch_);
  const auto order_state = order_rng_.state(), weight_state = weight_rng_.state();
  out += ",\"orderRng\":";
  put_array(out, std::vector<std::uint32_t>(order_state.begin(), order_state.end()));
  out += ",\"weightRng\":";
  put_array(out, std::vector<std::uint32_t>(weight_state.begin(), weight_state.end()));
  out += ",\"order\":";
  put_array(out, order_);
  out += ",\"params\":";
  put_array(out, network_.params());
  out += ",\"initialParams\":";
  put_array(out, initial_params_);
  Optimizer& opt = const_cast<Optimizer&>(optimizer_);
  out += std::string(",\"optimizer\":{\"kind\":\"") + optimizer_name(opt.kind()) + "\",\"steps\":" + std::to_string(opt.steps());
  out += ",\"first\":";
  put_array(out, opt.first_moment());
  out += ",\"second\":";
  put_array(out, opt.second_moment());
  out += "},\"data\":";
  if (custom_data_ && wide_inputs() > 0) {
    out += save_wide();
  } else if (custom_data_) {
    out += "{\"train\":";
    put_samples(out, train_samples_);
    out += ",\"test\":";
    put_samples(out, test_samples_);
    out += "}";
  } else {
    out += "null";
  }
  return out + "}";
}

void Session::load(std::string_view json) {
  const JsonDocument file = parse_json(json);
  const JsonValue doc = file.root();
  if (doc.kind() != JsonValue::Kind::kObject) bad("not a JSON object");
  JsonValue format = doc;
  if (!doc.find("format", format) || format.kind() != JsonValue::Kind::kString || format.string() != kFormat)
    bad("not an nnplay experiment (\"format\" is not \"nnplay-experiment\")");
  const double version = number_in(doc, "version", 0, 1000);
  if (version != kVersion) bad("version " + std::to_string(int(version)) + " is not supported");

  // Build the new state aside, so a bad file leaves this session untouched.
  Session next;
  next.images_ = images_;
  next.configure(parse_config(member(doc, "config", JsonValue::Kind::kString).string()));
  JsonValue data = doc;
  if (!doc.find("data", data)) bad("\"data\" is missing");
  if (data.kind() == JsonValue::Kind::kObject && data.has("inputs")) {
    next.load_wide(data);
  } else if (data.kind() == JsonValue::Kind::kObject) {
    auto train = samples_of(data, "train", next.classes()), test = samples_of(data, "test", next.classes());
    if (train.empty()) bad("the data has no training points");
    next.custom_data_ = true;
    next.set_data(std::move(train), std::move(test));
  } else if (data.kind() != JsonValue::Kind::kNull) {
    bad("\"data\" is neither null nor an object");
  }
  const std::size_t n_params = next.network_.params().size(), n_train = next.order_.size();
  auto params = array_of<float>(doc, "params", n_params);
  auto initial = array_of<float>(doc, "initialParams", n_params);
  auto order = array_of<double>(doc, "order", n_train);
  std::vector<bool> seen(n_train, false);
  for (double i : order) {
    if (!(i >= 0 && i < double(n_train)) || seen[std::size_t(i)]) bad("\"order\" is not a permutation of the training points");
    seen[std::size_t(i)] = true;
  }
  // Numbers beyond float range become infinite here: refuse them like any other bad value.
  auto check_finite = [](const std::vector<float>& values, const char* key) {
    for (float v : values)
      if (!std::isfinite(v)) bad(std::string("\"") + key + "\" holds a value that is not a finite float");
  };
  check_finite(params, "params");
  check_finite(initial, "initialParams");
  next.network_.params() = params;
  next.initial_params_ = initial;
  next.order_.assign(order.begin(), order.end());
  next.cursor_ = std::size_t(number_in(doc, "cursor", 0, double(n_train)));
  next.epoch_ = int(number_in(doc, "epoch", 0, 2e9));
  next.diverged_ = member(doc, "diverged", JsonValue::Kind::kBool).boolean();
  next.stop_reason_ = std::string(member(doc, "stopReason", JsonValue::Kind::kString).string().substr(0, 200));
  JsonValue best = doc;
  next.best_test_loss_ = doc.find("bestTestLoss", best) && best.kind() == JsonValue::Kind::kNumber ? best.number() : INFINITY;
  next.best_epoch_ = int(number_in(doc, "bestEpoch", 0, 2e9));
  next.order_rng_.set_state(rng_state_of(doc, "orderRng"));
  next.weight_rng_.set_state(rng_state_of(doc, "weightRng"));

  const JsonValue opt = member(doc, "optimizer", JsonValue::Kind::kObject);
  const auto kind = parse_optimizer(member(opt, "kind", JsonValue::Kind::kString).string());
  if (!kind) bad("\"optimizer.kind\" is not an optimizer");
  const std::size_t first_size = member(opt, "first", JsonValue::Kind::kArray).size();
  const std::size_t second_size = member(opt, "second", JsonValue::Kind::kArray).size();
  if ((first_size != 0 && first_size != n_params) || (second_size != 0 && second_size != n_params))
    bad("the optimizer state does not match the network");
  next.optimizer_.kind() = *kind;
  next.optimizer_.steps() = static_cast<std::int64_t>(number_in(opt, "steps", 0, 9e15));
  next.optimizer_.first_moment() = array_of<float>(opt, "first", first_size);
  next.optimizer_.second_moment() = array_of<float>(opt, "second", second_size);
  check_finite(next.optimizer_.first_moment(), "optimizer.first");
  check_finite(next.optimizer_.second_moment(), "optimizer.second");
  next.invalidate_metrics();
  *this = std::move(next);
}

}  // namespace nnplay
