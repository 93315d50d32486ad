#include "network.hpp"

#include <stdexcept>

#include <algorithm>
#include <cmath>

#include "kernels.hpp"
#include "set_up.hpp"

namespace nnplay {

namespace {
// Large batches (a grid, the metrics) go through every layer one block of columns at a time, so
// a block's activations stay in cache from one layer to the next; a training batch is one block.
constexpr std::size_t kBlock = 256;

bool is_wide(const LayerShape& s) { return s.in >= kWideInputs && wide_kernels(); }
}  // namespace

NNPLAY_SET_UP Network::Network(std::size_t inputs, const std::vector<int>& hidden, std::size_t outputs,
                 Activation hidden_activation, Activation output_activation)
    : Network(inputs, hidden, outputs, std::vector<Activation>(hidden.size(), hidden_activation),
              output_activation) {}

NNPLAY_SET_UP Network::Network(std::size_t inputs, const std::vector<int>& hidden, std::size_t outputs,
                 const std::vector<Activation>& hidden_activations, Activation output_activation) {
  std::vector<std::size_t> sizes{inputs};
  for (int h : hidden) sizes.push_back(static_cast<std::size_t>(h));
  sizes.push_back(outputs);
  std::size_t offset = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    LayerShape shape;
    shape.in = sizes[l];
    shape.out = sizes[l + 1];
    shape.w_offset = offset;
    shape.activation = l + 2 == sizes.size() ? output_activation : hidden_activations.at(l);
    offset += shape.in * shape.out;
    layers_.push_back(shape);
  }
  weight_count_ = offset;
  for (auto& shape : layers_) {
    shape.b_offset = offset;
    offset += shape.out;
  }
  params_.assign(offset, 0.0f);
}

NNPLAY_SET_UP void Network::init_uniform(Rng& rng, float limit, float bias) {
  // Layer by layer, row by row: the order the Playground draws its weights in.
  for (const LayerShape& s : layers_)
    for (float& w : s.weights(params_.data())) w = static_cast<float>(rng.uniform(-limit, limit));
  for (const LayerShape& s : layers_) s.biases(params_.data()).fill(bias);
}

void Network::init_zero() { params_.assign(params_.size(), 0.0f); }

NNPLAY_SET_UP void Network::init(Init kind, Rng& rng) {
  switch (kind) {
    case Init::kPlayground: init_uniform(rng); return;
    case Init::kZero: init_zero(); return;
    case Init::kGlorot:
    case Init::kHe:
      for (const LayerShape& s : layers_) {
        const double fan = kind == Init::kGlorot ? double(s.in + s.out) : double(s.in);
        const double limit = std::sqrt(6.0 / fan);
        for (float& w : s.weights(params_.data())) w = static_cast<float>(rng.uniform(-limit, limit));
        s.biases(params_.data()).fill(0.0f);
      }
      return;
  }
}

bool Network::reads_rows(std::size_t batch) const {
  return !layers_.empty() && is_wide(layers_.front()) && batch <= kBlock;
}

void Network::prepare(ForwardCache& cache, std::size_t batch, bool for_backward) const {
  cache.batch = batch;
  cache.used = batch;
  cache.input_rows = false;
  cache.transposed.resize(layers_.size());
  cache.z.resize(layers_.size());
  if (for_backward) cache.delta.resize(layers_.size());
  else std::vector<Matrix>().swap(cache.delta);
  cache.a.resize(layers_.size() + 1);
  ensure_shape(cache.a[0], input_count(), batch);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    ensure_shape(cache.z[l], layers_[l].out, batch);
    ensure_shape(cache.a[l + 1], layers_[l].out, batch);
    if (for_backward) ensure_shape(cache.delta[l], layers_[l].out, batch);
  }
}

void Network::forward(ForwardCache& cache) const {
  const float* p = params_.data();
  const std::size_t batch = cache.batch;
  for (std::size_t start = 0; start < batch; start += kBlock) {
    const std::size_t count = std::min(kBlock, batch - start);
    for (std::size_t l = 0; l < layers_.size(); ++l) {
      const LayerShape& s = layers_[l];
      float* z = cache.z[l].data() + start;
      float* a = cache.a[l + 1].data() + start;
      if (is_wide(s)) {
        std::vector<float>& xt = cache.transposed[l];
        // Only the input layer's padding columns are zeros (a hidden layer's are f(b)).
        const std::size_t filled = l == 0 ? cache.used : batch;
        const std::size_t used = std::min(count, filled > start ? filled - start : 0);
        if (l > 0 || !cache.input_rows) {
          xt.resize(count * s.in);
          transpose_columns(cache.a[l].data() + start, s.in, used, batch, xt.data());
        }
        wide_forward(p + s.w_offset, p + s.b_offset, xt.data(), z, s.out, s.in, used, count, batch);
      } else {
        dense_forward(p + s.w_offset, p + s.b_offset, cache.a[l].data() + start, z, s.out, s.in, count, batch);
      }
      if (s.activation == Activation::kSoftmax) {
        softmax_block(z, a, s.out, count, batch);
      } else if (count == batch) {
        apply_activation(s.activation, z, a, s.out * batch);
      } else {
        for (std::size_t o = 0; o < s.out; ++o) apply_activation(s.activation, z + o * batch, a + o * batch, count);
      }
    }
  }
}

void Network::forward_values(const std::vector<float*>& layers, std::size_t batch) const {
  const float* p = params_.data();
  for (std::size_t start = 0; start < batch; start += kBlock) {
    const std::size_t count = std::min(kBlock, batch - start);
    for (std::size_t l = 0; l < layers_.size(); ++l) {
      const LayerShape& s = layers_[l];
      float* a = layers[l + 1] + start;
      dense_forward(p + s.w_offset, p + s.b_offset, layers[l] + start, a, s.out, s.in, count, batch);
      // Every activation is elementwise, and softmax reads a column before writing it: in place.
      if (s.activation == Activation::kSoftmax) softmax_block(a, a, s.out, count, batch);
      else
        for (std::size_t o = 0; o < s.out; ++o) apply_activation(s.activation, a + o * batch, a + o * batch, count);
    }
  }
}

void Network::backward(ForwardCache& cache, const Matrix& grad_output, std::vector<float>& grads,
                       bool wrt_logits, GradientMode mode) const {
  if (cache.delta.size() != layers_.size())
    throw std::logic_error("Network::backward: the cache was prepared without back-propagation buffers");
  const float* p = params_.data();
  const std::size_t batch = cache.batch;
  // delta[l] holds dL/da of layer l's output on entry and dL/dz after the activation step.
  const float* upstream = grad_output.data();
  for (std::size_t l = layers_.size(); l-- > 0;) {
    const LayerShape& s = layers_[l];
    float* dz = cache.delta[l].data();
    const bool fused = wrt_logits && l + 1 == layers_.size();
    backprop_activation(fused ? Activation::kLinear : s.activation, cache.z[l].data(),
                        cache.a[l + 1].data(), upstream, dz, s.out * batch);
    float* dx = l > 0 ? cache.delta[l - 1].data() : nullptr;
    float* g = grads.data();
    if (is_wide(s) && dx == nullptr) {
      // forward() left the transposed input of a batch it ran as one block.
      std::vector<float>& xt = cache.transposed[l];
      if (batch > kBlock) {  // never with input_rows (reads_rows)
        xt.resize(batch * s.in);
        transpose_columns(cache.a[l].data(), s.in, cache.used, batch, xt.data());
      }
      wide_weight_grad(xt.data(), dz, g + s.w_offset, g + s.b_offset, s.out, s.in, cache.used, batch, mode);
    } else {
      if (mode == GradientMode::kWrite) {
        std::fill(g + s.w_offset, g + s.w_offset + s.out * s.in, 0.0f);
        std::fill(g + s.b_offset, g + s.b_offset + s.out, 0.0f);
      }
      dense_backward(p + s.w_offset, cache.a[l].data(), dz, g + s.w_offset, g + s.b_offset, dx, s.out, s.in, batch);
    }
    upstream = dx;
  }
}

}  // namespace nnplay
