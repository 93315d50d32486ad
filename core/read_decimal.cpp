// The native build's decimal reader (wasm builds link wasm/read_decimal.cpp instead; see text.hpp).
#include <cmath>
#include <cstdlib>

#include "text.hpp"

namespace nnplay {

double read_decimal(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size() ? value : std::nan("");
}

}  // namespace nnplay
