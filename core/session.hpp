#pragma once
// Session: one playground's engine. Owns the config, the data, the network, the optimizer and
// every buffer the page reads. This is the API the wasm module exposes to JavaScript.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "loss.hpp"
#include "network.hpp"

namespace nnplay {

// Largest grid side evaluate_grid accepts; keeps the grid buffers bounded (256^2 points).
constexpr int kMaxGridSize = 256;

struct Metrics {
  int epoch = 0;                // completed passes over the training set
  double train_loss = 0.0;      // mean loss over the training set at the current weights
  double test_loss = 0.0;       // the same over the test set
  double train_accuracy = 0.0;  // fraction of training points on the right side (NaN for regression)
  double test_accuracy = 0.0;
  bool diverged = false;        // training stopped because the loss or a weight became non-finite
};

class Session {
 public:
  Session();

  // Rebuilds data and network from hash-form text (see config.hpp). On a ConfigError the
  // session keeps its previous state.
  void configure(std::string_view text);
  void configure(const Config& config);
  const Config& config() const { return config_; }

  // Changes one setting. Live settings (learningRate, regularization, regularizationRate) apply
  // to the running network; any other key rebuilds as configure() would.
  void set(std::string_view key, std::string_view value);

  // Runs `batches` mini-batch updates (forward, loss gradient, backward, update), continuing
  // through the shuffled training order; stops early when training diverges.
  void step(int batches);
  // Runs whole epochs (passes over the training set).
  void train_epochs(int epochs);
  // Back to the initial weights of this configuration, epoch 0.
  void reset();

  // Metrics at the current weights; computed on demand and cached until the weights change.
  const Metrics& metrics();

  // Evaluates the network on an n x n grid over [-6, 6]^2 (row 0 is y = +6, column 0 is x = -6)
  // in one batched pass. grid() then holds every unit's map: unit u's n*n values start at
  // u * n * n, units ordered inputs, hidden layers, output (see unit_counts()).
  void evaluate_grid(int n);
  // The same pass without collecting the hidden maps: returns the output unit's n*n values,
  // valid until the next call.
  const float* evaluate_grid_output(int n);
  const std::vector<float>& grid() const { return grid_; }
  int grid_size() const { return grid_n_; }
  // Units per layer, input features first, output last.
  const std::vector<std::int32_t>& unit_counts() const { return unit_counts_; }

  // Every sample as [x, y, label, is_test] records, training samples first.
  const std::vector<float>& points() const { return points_; }

  // The network's parameters in Network's layout (all weights layer by layer, then biases).
  const std::vector<float>& params() const { return network_.params(); }
  // Overwrites one parameter (a person editing a weight); throws for a bad index or value.
  void set_param(int index, float value);
  // Overwrites every parameter (same layout as params()); throws unless the count matches and
  // every value is finite.
  void set_params(const std::vector<float>& values);

  const Network& network() const { return network_; }
  bool diverged() const { return diverged_; }

 private:
  void rebuild();
  void run_batch(const std::uint32_t* indices, std::size_t count);
  void forward_grid(int n);
  void evaluate_set(const Matrix& features, const std::vector<float>& targets, double& loss,
                    double& accuracy);
  void invalidate_metrics() { metrics_valid_ = false; }

  Config config_;
  Loss loss_ = Loss::kSquared;
  Network network_;
  std::vector<float> initial_params_;
  std::unique_ptr<Optimizer> optimizer_;

  Matrix train_x_, test_x_;                  // [features, samples]
  std::vector<float> train_t_, test_t_;      // targets [samples]
  std::vector<float> points_;
  std::vector<std::uint32_t> order_;         // training order of the current epoch
  std::size_t cursor_ = 0;
  Rng order_rng_;

  ForwardCache batch_cache_, eval_cache_, grid_cache_;
  Matrix batch_targets_, grad_output_;
  std::vector<float> grads_, backup_params_;

  std::vector<float> grid_;
  std::vector<float> grid_xs_, grid_ys_;
  std::vector<std::int32_t> unit_counts_;
  int grid_n_ = 0;

  Metrics metrics_;
  bool metrics_valid_ = false;
  int epoch_ = 0;
  bool diverged_ = false;
};

}  // namespace nnplay
