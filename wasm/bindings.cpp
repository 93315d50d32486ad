// The JavaScript face of core/: registers Session and its metrics with camelCase names. No logic
// lives here; every call is wrapped so a C++ exception reaches JS as an Error with its message.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "config.hpp"
#include "session.hpp"

using emscripten::val;
using nnplay::Metrics;
using nnplay::Session;

namespace {

template <typename F>
auto guarded(F f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    val::global("Error").new_(std::string(e.what())).throw_();
  }
  __builtin_unreachable();
}

template <typename T>
val view_of(const std::vector<T>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data()));
}

void configure(Session& s, const std::string& text) { guarded([&] { s.configure(text); }); }
void set(Session& s, const std::string& key, const std::string& value) {
  guarded([&] { s.set(key, value); });
}
void step(Session& s, int batches) { guarded([&] { s.step(batches); }); }
void train_epochs(Session& s, int epochs) { guarded([&] { s.train_epochs(epochs); }); }
void reset(Session& s) { guarded([&] { s.reset(); }); }
Metrics metrics(Session& s) { return guarded([&] { return s.metrics(); }); }
std::string config(Session& s) { return nnplay::format_config(s.config()); }
val evaluate_grid(Session& s, int n) {
  return guarded([&] {
    s.evaluate_grid(n);
    return view_of(s.grid());
  });
}
val evaluate_grid_output(Session& s, int n) {
  return guarded([&] {
    const float* out = s.evaluate_grid_output(n);
    return val(emscripten::typed_memory_view(static_cast<std::size_t>(n) * n, out));
  });
}
void set_params(Session& s, const val& values) {
  guarded([&] { s.set_params(emscripten::convertJSArrayToNumberVector<float>(values)); });
}
val unit_counts(Session& s) { return view_of(s.unit_counts()); }
val points(Session& s) { return view_of(s.points()); }
val params(Session& s) { return view_of(s.params()); }
void set_param(Session& s, int index, float value) { guarded([&] { s.set_param(index, value); }); }

// Every problem in hash-form text, as an array of messages (empty when it is valid).
val validate_config(const std::string& text) {
  std::vector<std::string> errors;
  nnplay::parse_config(text, &errors);
  val out = val::array();
  for (const auto& e : errors) out.call<void>("push", e);
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(nnplay) {
  emscripten::value_object<Metrics>("Metrics")
      .field("epoch", &Metrics::epoch)
      .field("trainLoss", &Metrics::train_loss)
      .field("testLoss", &Metrics::test_loss)
      .field("trainAccuracy", &Metrics::train_accuracy)
      .field("testAccuracy", &Metrics::test_accuracy)
      .field("diverged", &Metrics::diverged);

  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("configure", &configure)
      .function("set", &set)
      .function("step", &step)
      .function("trainEpochs", &train_epochs)
      .function("reset", &reset)
      .function("metrics", &metrics)
      .function("config", &config)
      .function("evaluateGrid", &evaluate_grid)
      .function("evaluateGridOutput", &evaluate_grid_output)
      .function("setParams", &set_params)
      .function("unitCounts", &unit_counts)
      .function("points", &points)
      .function("params", &params)
      .function("setParam", &set_param);

  emscripten::function("validateConfig", &validate_config);
}
