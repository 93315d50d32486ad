#include "kernels.hpp"

namespace nnplay {

void dense_forward(const float* W, const float* b, const float* x, float* z, std::size_t out,
                   std::size_t in, std::size_t batch, std::size_t ld) {
  for (std::size_t o = 0; o < out; ++o) {
    float* __restrict zo = z + o * ld;
    const float bias = b[o];
    for (std::size_t n = 0; n < batch; ++n) zo[n] = bias;
    const float* wo = W + o * in;
    for (std::size_t i = 0; i < in; ++i) {
      const float w = wo[i];
      const float* __restrict xi = x + i * ld;
      for (std::size_t n = 0; n < batch; ++n) zo[n] += w * xi[n];
    }
  }
}

void dense_backward(const float* W, const float* x, const float* dz, float* dW, float* db, float* dx,
                    std::size_t out, std::size_t in, std::size_t batch) {
  if (dx != nullptr)
    for (std::size_t k = 0; k < in * batch; ++k) dx[k] = 0.0f;
  // One pass over dz: each row o gives its bias sum, its row of dW (dot products over the batch)
  // and its share of dx (an axpy per input), while the row is still in cache.
  for (std::size_t o = 0; o < out; ++o) {
    const float* __restrict dzo = dz + o * batch;
    float bias_sum = 0.0f;
    for (std::size_t n = 0; n < batch; ++n) bias_sum += dzo[n];
    db[o] += bias_sum;
    float* dwo = dW + o * in;
    const float* wo = W + o * in;
    for (std::size_t i = 0; i < in; ++i) {
      const float* __restrict xi = x + i * batch;
      float acc = 0.0f;
      for (std::size_t n = 0; n < batch; ++n) acc += dzo[n] * xi[n];
      dwo[i] += acc;
      if (dx != nullptr) {
        float* __restrict dxi = dx + i * batch;
        const float w = wo[i];
        for (std::size_t n = 0; n < batch; ++n) dxi[n] += w * dzo[n];
      }
    }
  }
}

}  // namespace nnplay
