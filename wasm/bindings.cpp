// The JavaScript face of core/: registers Session and its metrics with camelCase names. No logic
// lives here. A C++ exception is caught here and handed back as an Error object, which
// errors.js (linked as --post-js) throws on the JS side: throwing from inside a wasm call would
// skip restoring the wasm stack pointer, so every rejected input would leak stack space.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <type_traits>

#include "config.hpp"
#include "json.hpp"
#include "session.hpp"
#include "settings.hpp"

using emscripten::val;
using nnplay::Metrics;
using nnplay::Session;

namespace {

template <typename F>
val guarded(F f) {
  try {
    if constexpr (std::is_void_v<decltype(f())>) {
      f();
      return val::undefined();
    } else {
      return val(f());
    }
  } catch (const std::exception& e) {
    return val::global("Error").new_(std::string(e.what()));
  }
}

template <typename T, typename Allocator>
val view_of(const std::vector<T, Allocator>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data()));
}

val configure(Session& s, const std::string& text) { return guarded([&] { s.configure(text); }); }
val set(Session& s, const std::string& key, const std::string& value) {
  return guarded([&] { s.set(key, value); });
}
val step(Session& s, int batches) { return guarded([&] { s.step(batches); }); }
val train_epochs(Session& s, int epochs) { return guarded([&] { s.train_epochs(epochs); }); }
val reset(Session& s) { return guarded([&] { s.reset(); }); }
val new_weights(Session& s) { return guarded([&] { s.new_weights(); }); }
val metrics(Session& s) { return guarded([&] { return s.metrics(); }); }
val config(Session& s) { return guarded([&] { return nnplay::format_config(s.config()); }); }
val evaluate_grid(Session& s, int n) {
  return guarded([&] {
    s.evaluate_grid(n);
    return view_of(s.grid());
  });
}
val evaluate_grid_output(Session& s, int n) {
  return guarded([&] {
    const float* out = s.evaluate_grid_output(n);
    const std::size_t outputs = s.network().output_count();
    return val(emscripten::typed_memory_view(outputs * n * n, out));
  });
}
// Every layer's grid maps as an array of memory views into grid(), inputs first, output last.
val evaluate_grid_layers(Session& s, int n) {
  return guarded([&] {
    s.evaluate_grid(n);
    val out = val::array();
    for (std::size_t l = 0; l < s.unit_counts().size(); ++l) {
      const auto layer = s.grid_layer(l);
      out.call<void>("push", val(emscripten::typed_memory_view(layer.size, layer.data)));
    }
    return out;
  });
}
val set_params(Session& s, const val& values) {
  return guarded([&] { s.set_params(emscripten::convertJSArrayToNumberVector<float>(values)); });
}
val set_param(Session& s, int index, float value) { return guarded([&] { s.set_param(index, value); }); }
val unit_counts(Session& s) { return view_of(s.unit_counts()); }
val points(Session& s) { return view_of(s.points()); }
val params(Session& s) { return view_of(s.params()); }
val confusion(Session& s) { return guarded([&] { return view_of(s.confusion()); }); }
int classes(Session& s) { return s.classes(); }
std::string loss_name(Session& s) { return nnplay::loss_name(s.loss()); }
val add_point(Session& s, float x, float y, float label, bool is_test) {
  return guarded([&] { s.add_point(x, y, label, is_test); });
}
val remove_point(Session& s, int index) { return guarded([&] { s.remove_point(index); }); }
val import_csv(Session& s, const std::string& text) { return guarded([&] { s.import_csv(text); }); }
val export_csv(Session& s) { return guarded([&] { return s.export_csv(); }); }
bool data_edited(Session& s) { return s.data_edited(); }
val point_losses(Session& s) { return guarded([&] { return view_of(s.point_losses()); }); }
val last_gradients(Session& s) { return view_of(s.last_gradients()); }
val save(Session& s) { return guarded([&] { return s.save(); }); }
val load(Session& s, const std::string& json) { return guarded([&] { s.load(json); }); }
// One point's or image's forward pass as a plain object {sums, activations, gradients, loss};
// the arrays are copies, so the caller may keep them.
val trace_object(const Session::PointTrace& t) {
  val out = val::object();
  out.set("sums", val::global("Float32Array").new_(view_of(t.sums)));
  out.set("activations", val::global("Float32Array").new_(view_of(t.activations)));
  out.set("gradients", val::global("Float32Array").new_(view_of(t.gradients)));
  out.set("loss", t.loss);
  return out;
}
val trace_point(Session& s, float x, float y, float label) {
  return guarded([&] { return trace_object(s.trace_point(x, y, label)); });
}
#if NNPLAY_IMAGES
// Images (nncore-images.wasm only): bytes cross as a Uint8Array into std::string, pixels come
// back as copies.
val trace_image(Session& s, const std::string& pixels, int label) {
  return guarded([&] { return trace_object(s.trace_image(pixels, label)); });
}
val add_image_class(Session& s, const std::string& key, const std::string& bytes) {
  return guarded([&] { s.add_image_class(key, bytes); });
}
val missing_image_classes(Session& s, const std::string& text) {
  return guarded([&] {
    val out = val::array();
    for (const auto& key : s.missing_image_classes(text)) out.call<void>("push", key);
    return out;
  });
}
val image_pixels(Session& s, bool test, int index) {
  return guarded([&] {
    return val::global("Uint8Array").new_(val(emscripten::typed_memory_view(nnplay::kImagePixels, s.image_pixels(test, index))));
  });
}
val image_label(Session& s, bool test, int index) { return guarded([&] { return s.image_label(test, index); }); }
int image_count(Session& s, bool test) { return int(s.image_count(test)); }
bool image_data(Session& s) { return s.image_data(); }
val test_predictions(Session& s) { return guarded([&] { return view_of(s.test_predictions()); }); }
// Wide CSV data (nncore-images.wasm, like the images): {"names": [the inputs' names], "slice":
// [across, up]} as JSON text ("" unless the data are wide), and a data row followed with all of
// its inputs. Text, not JS arrays built here: the image engine shares the 2-D glue, whose import
// names follow the emval calls each module makes (build-dist.mjs checks that they agree).
std::string wide(Session& s) {
  if (s.wide_inputs() == 0) return "";
  std::string out = "{\"names\":[";
  for (const auto& name : s.input_names()) out += (out.size() > 10 ? "," : "") + nnplay::json_quote(name);
  return out + "],\"slice\":[" + std::to_string(s.slice()[0]) + "," + std::to_string(s.slice()[1]) + "]}";
}
val set_slice(Session& s, int across, int up) { return guarded([&] { s.set_slice(across, up); }); }
val trace_sample(Session& s, int index) { return guarded([&] { return trace_object(s.trace_sample(index)); }); }
#endif

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
      .field("diverged", &Metrics::diverged)
      .field("stopReason", &Metrics::stop_reason)
      .field("learningRate", &Metrics::learning_rate);

  emscripten::class_<Session> session("Session");
  session.constructor<>()
      .function("configure", &configure)
      .function("set", &set)
      .function("step", &step)
      .function("trainEpochs", &train_epochs)
      .function("reset", &reset)
      .function("newWeights", &new_weights)
      .function("metrics", &metrics)
      .function("config", &config)
      .function("evaluateGrid", &evaluate_grid)
      .function("evaluateGridOutput", &evaluate_grid_output)
      .function("evaluateGridLayers", &evaluate_grid_layers)
      .function("setParams", &set_params)
      .function("setParam", &set_param)
      .function("unitCounts", &unit_counts)
      .function("points", &points)
      .function("params", &params)
      .function("confusion", &confusion)
      .function("classes", &classes)
      .function("lossName", &loss_name)
      .function("addPoint", &add_point)
      .function("removePoint", &remove_point)
      .function("importCsv", &import_csv)
      .function("exportCsv", &export_csv)
      .function("dataEdited", &data_edited)
      .function("pointLosses", &point_losses)
      .function("lastGradients", &last_gradients)
      .function("tracePoint", &trace_point)
      .function("save", &save)
      .function("load", &load);
#if NNPLAY_IMAGES
  session.function("traceImage", &trace_image)
      .function("addImageClass", &add_image_class)
      .function("missingImageClasses", &missing_image_classes)
      .function("imagePixels", &image_pixels)
      .function("imageLabel", &image_label)
      .function("imageCount", &image_count)
      .function("imageData", &image_data)
      .function("testPredictions", &test_predictions)
      .function("wide", &wide)
      .function("setSlice", &set_slice)
      .function("traceSample", &trace_sample);
#endif

  emscripten::function("validateConfig", &validate_config);
}
