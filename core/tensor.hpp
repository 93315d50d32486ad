#pragma once
// The two container types of the engine. Activations are stored feature-major, [units, batch],
// so a neuron's values over a batch are contiguous: the dense kernels then run their inner loop
// over the batch (an axpy that vectorises), and a grid evaluation already holds every neuron's
// map as one row.
#include <xtensor/xtensor.hpp>

namespace nnplay {

using Matrix = xt::xtensor<float, 2>;
using Vector = xt::xtensor<float, 1>;

// Resizes m to [rows, cols] only when the shape differs, so per-step buffers are not reallocated.
inline void ensure_shape(Matrix& m, std::size_t rows, std::size_t cols) {
  if (m.shape(0) != rows || m.shape(1) != cols) m.resize({rows, cols});
}

}  // namespace nnplay
