#pragma once
// The engine's shaped arrays. Containers: Matrix and Vector. Views: every shaped part of a flat
// buffer (a layer's weights [out, in] and biases [out] inside the parameter or gradient buffer,
// the optimizer's state) is an xt::adapt view with that shape over the buffer, which itself stays
// one flat std::vector<float> for the optimizer and for Embind.
// Activations are stored feature-major, [units, batch], so a neuron's values over a batch are
// contiguous: the dense kernels then run their inner loop over the batch (an axpy that
// vectorises), and a grid evaluation already holds every neuron's map as one row.
#include <array>
#include <cstddef>
#include <new>
#include <vector>

#include <xtensor/xadapt.hpp>
#include <xtensor/xtensor.hpp>

namespace nnplay {

// Storage that starts on a 64-byte cache line. The SIMD kernels stream rows of activations and
// grid maps with 16-byte loads and stores; wasm's malloc (emmalloc) only promises 8 bytes, so
// whether a row crossed cache lines depended on what happened to be allocated before it, and
// that alone made the every-neuron grid (bench W6) 5-9 % slower in one build than in another
// with the same code.
template <class T>
struct LineAligned {
  using value_type = T;
  static constexpr std::align_val_t kAlignment{64};
  LineAligned() = default;
  template <class U>
  LineAligned(const LineAligned<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(::operator new(n * sizeof(T), kAlignment)); }
  void deallocate(T* p, std::size_t) noexcept { ::operator delete(p, kAlignment); }
  template <class U>
  bool operator==(const LineAligned<U>&) const noexcept { return true; }
  template <class U>
  bool operator!=(const LineAligned<U>&) const noexcept { return false; }
};

using Matrix = xt::xtensor<float, 2, xt::layout_type::row_major, LineAligned<float>>;
using Vector = xt::xtensor<float, 1, xt::layout_type::row_major, LineAligned<float>>;
// A flat buffer Embind hands out as one memory view (the grid's maps), line-aligned likewise.
using AlignedFloats = std::vector<float, LineAligned<float>>;

// Views of `size` floats of someone else's buffer; they own nothing and never reallocate.
inline auto vector_view(float* data, std::size_t size) {
  return xt::adapt(data, size, xt::no_ownership(), std::array<std::size_t, 1>{size});
}
inline auto vector_view(const float* data, std::size_t size) {
  return xt::adapt(data, size, xt::no_ownership(), std::array<std::size_t, 1>{size});
}
inline auto matrix_view(float* data, std::size_t rows, std::size_t cols) {
  return xt::adapt(data, rows * cols, xt::no_ownership(), std::array<std::size_t, 2>{rows, cols});
}
inline auto matrix_view(const float* data, std::size_t rows, std::size_t cols) {
  return xt::adapt(data, rows * cols, xt::no_ownership(), std::array<std::size_t, 2>{rows, cols});
}

// Resizes m to [rows, cols] only when the shape differs, so per-step buffers are not reallocated.
inline void ensure_shape(Matrix& m, std::size_t rows, std::size_t cols) {
  if (m.shape(0) != rows || m.shape(1) != cols) m.resize({rows, cols});
}

}  // namespace nnplay
