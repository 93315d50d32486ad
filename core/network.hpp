#pragma once
// A fully-connected network: shapes, one flat parameter buffer, forward and backward passes.
#include <cstddef>
#include <vector>

#include "activation.hpp"
#include "init.hpp"
#include "kernels.hpp"
#include "rng.hpp"
#include "tensor.hpp"

namespace nnplay {

// One dense layer's place in the flat parameter buffer: W [out, in] at w_offset, b [out] at
// b_offset. The same layout holds for the gradient buffer, so the views work on either.
struct LayerShape {
  std::size_t in = 0, out = 0;
  std::size_t w_offset = 0, b_offset = 0;
  Activation activation = Activation::kTanh;

  auto weights(float* buffer) const { return matrix_view(buffer + w_offset, out, in); }
  auto weights(const float* buffer) const { return matrix_view(buffer + w_offset, out, in); }
  auto biases(float* buffer) const { return vector_view(buffer + b_offset, out); }
  auto biases(const float* buffer) const { return vector_view(buffer + b_offset, out); }
};

// Per-batch values of one forward pass, kept for backward and for drawing neuron maps.
// a[0] is the input [inputs, batch] (written by the caller), a[l + 1] = f(z[l]) [out_l, batch].
struct ForwardCache {
  std::vector<Matrix> z, a, delta;
  std::size_t batch = 0;
  // Columns that hold samples (prepare() sets it to batch); a training batch padded to whole
  // SIMD vectors sets it lower: its extra columns have zero inputs and a zero loss gradient.
  std::size_t used = 0;
  // Wide layers' inputs, sample-major (kernels.hpp): transposed[l] for layer l, of the whole
  // batch once forward() ran it as one block (of the input layer: its `used` columns).
  std::vector<std::vector<float>> transposed;
  // Set after prepare() by a caller that wrote the input layer's `used` samples to transposed[0]
  // itself and left a[0] unwritten (only where Network::reads_rows says the pass takes them so).
  bool input_rows = false;
  Matrix& input() { return a.front(); }
  const Matrix& output() const { return a.back(); }
};

class Network {
 public:
  Network() = default;
  // inputs -> hidden[0] -> ... -> outputs; every hidden layer uses `hidden_activation`.
  Network(std::size_t inputs, const std::vector<int>& hidden, std::size_t outputs,
          Activation hidden_activation, Activation output_activation);
  // The same with one activation per hidden layer (hidden_activations.size() == hidden.size()).
  Network(std::size_t inputs, const std::vector<int>& hidden, std::size_t outputs,
          const std::vector<Activation>& hidden_activations, Activation output_activation);

  std::size_t input_count() const { return layers_.empty() ? 0 : layers_.front().in; }
  std::size_t output_count() const { return layers_.empty() ? 0 : layers_.back().out; }
  const std::vector<LayerShape>& layers() const { return layers_; }
  // All weights first (layer by layer, row-major), then all biases: regularisation touches
  // exactly the first weight_count() values.
  std::vector<float>& params() { return params_; }
  const std::vector<float>& params() const { return params_; }
  std::size_t weight_count() const { return weight_count_; }
  // Layer l's weights [out, in] and biases [out] as views of params().
  auto weights(std::size_t l) { return layers_.at(l).weights(params_.data()); }
  auto weights(std::size_t l) const { return layers_.at(l).weights(params_.data()); }
  auto biases(std::size_t l) { return layers_.at(l).biases(params_.data()); }
  auto biases(std::size_t l) const { return layers_.at(l).biases(params_.data()); }

  // The Playground's initialisation: weights uniform in [-limit, limit], biases `bias`.
  void init_uniform(Rng& rng, float limit = 0.5f, float bias = 0.1f);
  void init_zero();
  void init(Init kind, Rng& rng);

  // Sizes every buffer of `cache` for `batch` samples; keeps allocations when sizes match.
  // Without `for_backward` the cache holds no back-propagation buffers (delta): a pass that is
  // only read (metrics, the grid) does not pay for them.
  void prepare(ForwardCache& cache, std::size_t batch, bool for_backward = true) const;
  // Runs the forward pass on cache.input() (filled by the caller after prepare()), or on
  // cache.transposed[0] when cache.input_rows.
  void forward(ForwardCache& cache) const;
  // Whether a pass over `batch` columns can take its inputs sample-major (cache.input_rows):
  // a wide first layer that runs the batch as one block.
  bool reads_rows(std::size_t batch) const;
  // A forward pass that is only read (the grid): layers[0] holds the input [inputs, batch] and
  // layer l's activations go to layers[l] [units_l, batch], computed in place with no
  // pre-activations kept, so a pass over many points needs one buffer per layer and no more.
  void forward_values(const std::vector<float*>& layers, std::size_t batch) const;
  // Back-propagates grad_output through the cached pass and adds dL/dparams to grads (same
  // layout as params()). grad_output is dL/da_out [outputs, batch], or dL/dz_out when
  // wrt_logits (a loss fused with its output activation). It may be cache.delta.back().
  // GradientMode::kWrite writes dL/dparams over grads instead (a training step's: no clearing).
  void backward(ForwardCache& cache, const Matrix& grad_output, std::vector<float>& grads,
                bool wrt_logits = false, GradientMode mode = GradientMode::kAdd) const;

 private:
  std::vector<LayerShape> layers_;
  std::vector<float> params_;
  std::size_t weight_count_ = 0;
};

}  // namespace nnplay
