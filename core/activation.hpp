#pragma once
// Activation functions by name, applied to whole rows, with their derivatives for back-propagation.
#include <cstddef>
#include <optional>
#include <string_view>

namespace nnplay {

enum class Activation {
  kRelu, kTanh, kSigmoid, kLinear,       // the Playground's four
  kLeakyRelu, kElu, kGelu, kSilu, kSoftplus, kSine,
  kSoftmax,                              // output layer only: normalises over the units of a sample
};

// The names a hidden layer accepts, in display order: "relu", "tanh", ... (not softmax).
constexpr Activation kHiddenActivations[] = {
    Activation::kRelu, Activation::kTanh, Activation::kSigmoid, Activation::kLinear,
    Activation::kLeakyRelu, Activation::kElu, Activation::kGelu, Activation::kSilu,
    Activation::kSoftplus, Activation::kSine};

// A hidden activation's name -> Activation; nullopt for anything else (softmax included).
std::optional<Activation> parse_activation(std::string_view name);
const char* activation_name(Activation kind);
// The accepted names joined for messages: "relu, tanh, sigmoid, ...".
const char* activation_names();

// a[i] = f(z[i]) for n values. Not for softmax, which Network applies per sample.
void apply_activation(Activation kind, const float* z, float* a, std::size_t n);

// Chain rule through the activation: d[i] = g[i] * f'(z[i]), where g = dL/da and the result is
// dL/dz. a = f(z) is passed too because several derivatives are cheapest from it. d may alias g.
// Not for softmax: its gradient is fused with cross-entropy (see loss.hpp).
void backprop_activation(Activation kind, const float* z, const float* a, const float* g, float* d,
                         std::size_t n);

// Softmax over the `units` rows of each of the first `count` columns of z into a; rows are `ld`
// apart (z [units, ld]).
void softmax_block(const float* z, float* a, std::size_t units, std::size_t count, std::size_t ld);

}  // namespace nnplay
