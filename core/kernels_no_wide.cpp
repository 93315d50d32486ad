// The 2-D engine's stand-ins for kernels_wide.cpp: nncore.wasm runs points networks, whose layers
// have at most 64 inputs, so it holds no wide-layer kernels. wide_kernels() is false, so the
// network never calls the functions below (with -flto the calls are dropped); they exist for the link.
#include "kernels.hpp"

namespace nnplay {

bool wide_kernels() { return false; }

void transpose_columns(const float*, std::size_t, std::size_t, std::size_t, float*) {}

void wide_forward(const float*, const float*, const float*, float*, std::size_t, std::size_t, std::size_t,
                  std::size_t, std::size_t) {}

void wide_weight_grad(const float*, const float*, float*, float*, std::size_t, std::size_t, std::size_t,
                      std::size_t, GradientMode) {}

}  // namespace nnplay
