#pragma once
// How a network's initial weights are drawn.
#include <optional>
#include <string_view>

namespace nnplay {

enum class Init {
  kPlayground,  // weights uniform in [-0.5, 0.5], biases 0.1 (TensorFlow Playground)
  kGlorot,      // uniform in +-sqrt(6 / (in + out)), biases 0 (Glorot and Bengio 2010)
  kHe,          // uniform in +-sqrt(6 / in), biases 0 (He et al. 2015, uniform variant)
  kZero,        // everything 0 (the Playground's initZero)
};

// "playground" | "glorot" | "he" -> Init (zero comes from the initZero key).
inline std::optional<Init> parse_init(std::string_view name) {
  if (name == "playground") return Init::kPlayground;
  if (name == "glorot") return Init::kGlorot;
  if (name == "he") return Init::kHe;
  return std::nullopt;
}

inline const char* init_name(Init kind) {
  switch (kind) {
    case Init::kGlorot: return "glorot";
    case Init::kHe: return "he";
    default: return "playground";
  }
}

}  // namespace nnplay
