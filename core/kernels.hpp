#pragma once
// The hot loops of a dense layer over raw row-major memory. Activations are feature-major:
// x [in, batch], z [out, batch], so every inner loop runs along the contiguous batch axis.
// Callers hold these arrays as xtensor containers and views (tensor.hpp) and pass raw pointers
// into them: for layers this small an xtensor expression (xt::sum over a broadcast product) was
// measured 12-25x slower than these loops, natively and in wasm (../shared/TOOLCHAIN.md section 2),
// because of its temporaries and shape logic, and the network passes a layer's offsets into the
// flat buffers (the memory LayerShape::weights/biases view) since even building a view per call
// cost a few percent of a batch-10 step.
#include <cstddef>

namespace nnplay {

// Whether a backward pass adds its gradients to what the buffer holds (kAdd) or writes them over
// it (kWrite, as if it held zeros). Every parameter's gradient of a batch comes from one kernel
// call, so a training step writes them: the wide kernel writes its 50 k (an image network's
// first layer) itself; the column kernels only add, onto their layer's range cleared first.
enum class GradientMode { kAdd, kWrite };

// z[o, :] = b[o] + sum_i W[o, i] * x[i, :].   W [out, in], b [out], x [in, batch], z [out, batch].
// `ld` is the row stride of x and z (>= batch), so a caller can work on a block of columns.
void dense_forward(const float* W, const float* b, const float* x, float* z, std::size_t out,
                   std::size_t in, std::size_t batch, std::size_t ld);

// Given dz = dL/dz [out, batch] and the layer input x [in, batch]:
//   dW [out, in] += dz . x^T,  db [out] += sum over the batch of dz,
//   dx [in, batch] = W^T . dz  (skipped when dx is null, as for the first layer).
void dense_backward(const float* W, const float* x, const float* dz, float* dW, float* db, float* dx,
                    std::size_t out, std::size_t in, std::size_t batch);

// Wide layers (kernels_wide.cpp; the network uses them from kWideInputs inputs on): the layer
// input transposed to sample-major rows, xt [count, in] = x[:, 0..count)^T with x's row stride ld.
// wide_kernels() is false in the 2-D wasm module, which links kernels_no_wide.cpp instead.
constexpr std::size_t kWideInputs = 128;
bool wide_kernels();
void transpose_columns(const float* x, std::size_t rows, std::size_t count, std::size_t ld, float* xt);

// z[:, 0..used) as dense_forward from xt's first `used` samples; z[:, used..batch) = b, the sums
// of the zero inputs that pad a training batch. z has row stride ld.
void wide_forward(const float* W, const float* b, const float* xt, float* z, std::size_t out, std::size_t in,
                  std::size_t used, std::size_t batch, std::size_t ld);

// dW += dz[:, 0..used) . xt[0..used), db += the row sums of dz[:, 0..used); dz has row stride batch.
// Columns from `used` on are padding (zero inputs, zero gradient) and add nothing.
// With GradientMode::kWrite, dW = and db = in place of +=.
void wide_weight_grad(const float* xt, const float* dz, float* dW, float* db, std::size_t out, std::size_t in,
                      std::size_t used, std::size_t batch, GradientMode mode = GradientMode::kAdd);

}  // namespace nnplay
