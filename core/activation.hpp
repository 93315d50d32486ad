#pragma once
// Activation functions by name, applied to whole rows, with their derivatives for back-propagation.
#include <cstddef>
#include <optional>
#include <string_view>

namespace nnplay {

enum class Activation { kRelu, kTanh, kSigmoid, kLinear };

// "relu" | "tanh" | "sigmoid" | "linear" -> Activation; nullopt for anything else.
std::optional<Activation> parse_activation(std::string_view name);
const char* activation_name(Activation kind);
// The accepted names joined for messages: "relu, tanh, sigmoid, linear".
const char* activation_names();

// a[i] = f(z[i]) for n values.
void apply_activation(Activation kind, const float* z, float* a, std::size_t n);

// Chain rule through the activation: d[i] = g[i] * f'(z[i]), where g = dL/da and the result is
// dL/dz. a = f(z) is passed too because tanh' and sigmoid' are cheapest from it. d may alias g.
void backprop_activation(Activation kind, const float* z, const float* a, const float* g, float* d,
                         std::size_t n);

}  // namespace nnplay
