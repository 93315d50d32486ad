#include "activation.hpp"

#include "fast_math.hpp"

namespace nnplay {

namespace {
struct Entry {
  Activation kind;
  const char* name;
};
constexpr Entry kActivations[] = {{Activation::kRelu, "relu"},
                                  {Activation::kTanh, "tanh"},
                                  {Activation::kSigmoid, "sigmoid"},
                                  {Activation::kLinear, "linear"}};
}  // namespace

std::optional<Activation> parse_activation(std::string_view name) {
  for (const auto& e : kActivations)
    if (name == e.name) return e.kind;
  return std::nullopt;
}

const char* activation_name(Activation kind) {
  for (const auto& e : kActivations)
    if (e.kind == kind) return e.name;
  return "?";
}

const char* activation_names() { return "relu, tanh, sigmoid, linear"; }

void apply_activation(Activation kind, const float* z, float* a, std::size_t n) {
  switch (kind) {
    case Activation::kRelu:
      for (std::size_t i = 0; i < n; ++i) a[i] = z[i] > 0.0f ? z[i] : 0.0f;
      break;
    case Activation::kTanh:
      for (std::size_t i = 0; i < n; ++i) a[i] = fast_tanh(z[i]);
      break;
    case Activation::kSigmoid:
      for (std::size_t i = 0; i < n; ++i) a[i] = fast_sigmoid(z[i]);
      break;
    case Activation::kLinear:
      if (a != z)
        for (std::size_t i = 0; i < n; ++i) a[i] = z[i];
      break;
  }
}

void backprop_activation(Activation kind, const float* z, const float* a, const float* g, float* d,
                         std::size_t n) {
  switch (kind) {
    case Activation::kRelu:
      // The Playground's convention: derivative 0 at z <= 0.
      for (std::size_t i = 0; i < n; ++i) d[i] = z[i] > 0.0f ? g[i] : 0.0f;
      break;
    case Activation::kTanh:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * (1.0f - a[i] * a[i]);
      break;
    case Activation::kSigmoid:
      for (std::size_t i = 0; i < n; ++i) d[i] = g[i] * a[i] * (1.0f - a[i]);
      break;
    case Activation::kLinear:
      if (d != g)
        for (std::size_t i = 0; i < n; ++i) d[i] = g[i];
      break;
  }
}

}  // namespace nnplay
