// Session's read-outs: metrics, the confusion matrix and the grid evaluation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "session.hpp"

namespace nnplay {

// The network's outputs [outputs, samples] for a whole feature matrix, valid until the next pass.
const float* Session::forward_set(const Matrix& features) {
  network_.prepare(eval_cache_, features.shape(1), false);
  std::memcpy(eval_cache_.input().data(), features.data(), features.size() * sizeof(float));
  network_.forward(eval_cache_);
  return eval_cache_.output().data();
}

int Session::predicted_class(const float* y, std::size_t stride, std::size_t index) const {
  const std::size_t outputs = network_.output_count();
  if (outputs > 1) {
    int best = 0;
    for (std::size_t k = 1; k < outputs; ++k)
      if (y[k * stride + index] > y[best * stride + index]) best = static_cast<int>(k);
    return best;
  }
  // One output: tanh splits at 0, the sigmoid of cross-entropy at 0.5.
  const float threshold = config_.effective_loss() == Loss::kCrossEntropy ? 0.5f : 0.0f;
  return y[index] >= threshold ? 1 : 0;
}

void Session::evaluate_set(const Matrix& features, const Matrix& targets, const std::vector<float>& labels,
                           double& loss, double& accuracy, std::vector<std::int32_t>* confusion) {
  const std::size_t n = labels.size();
  const bool regression = config_.problem == Problem::kRegression;
  accuracy = regression ? NAN : 0.0;
  loss = 0.0;
  if (n == 0) return;
  const float* y = forward_set(features);
  loss = loss_sum(config_.effective_loss(), y, targets.data(), targets.size()) / double(n);
  if (regression) return;
  const int classes = config_.num_classes;
  std::size_t right = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const int truth = classes == 2 ? (labels[i] > 0.0f ? 1 : 0) : static_cast<int>(labels[i]);
    const int guess = predicted_class(y, n, i);
    right += truth == guess;
    if (confusion != nullptr && truth >= 0 && truth < classes) (*confusion)[truth * classes + guess] += 1;
  }
  accuracy = double(right) / double(n);
}

const Metrics& Session::metrics() {
  if (!metrics_valid_) {
    metrics_.epoch = epoch_;
    metrics_.diverged = diverged_;
    metrics_.stop_reason = stop_reason_;
    metrics_.learning_rate = config_.learning_rate_at(epoch_);
    const int classes = config_.classes();
    confusion_.assign(std::size_t(classes) * std::size_t(classes), 0);
    evaluate_set(train_x_, train_t_, train_labels_, metrics_.train_loss, metrics_.train_accuracy, nullptr);
    evaluate_set(test_x_, test_t_, test_labels_, metrics_.test_loss, metrics_.test_accuracy, &confusion_);
    metrics_valid_ = true;
  }
  return metrics_;
}

const std::vector<float>& Session::point_losses() {
  point_losses_.clear();
  const Loss loss = config_.effective_loss();
  for (const auto* set : {&train_x_, &test_x_}) {
    const Matrix& x = *set;
    const Matrix& t = set == &train_x_ ? train_t_ : test_t_;
    const std::size_t n = x.shape(1), outputs = t.shape(0);
    if (n == 0) continue;
    const float* y = forward_set(x);
    float yk[kMaxClasses], tk[kMaxClasses];
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k < outputs; ++k) yk[k] = y[k * n + i], tk[k] = t(k, i);
      point_losses_.push_back(static_cast<float>(loss_sum(loss, yk, tk, outputs)));
    }
  }
  return point_losses_;
}

const std::vector<std::int32_t>& Session::confusion() {
  metrics();
  return confusion_;
}

void Session::run_grid(int n, bool every_unit) {
  if (n < 2 || n > kMaxGridSize)
    throw ConfigError("grid size: \"" + std::to_string(n) + "\" is out of range; allowed 2 to " +
                      std::to_string(kMaxGridSize));
  const std::size_t side = static_cast<std::size_t>(n), count = side * side;
  const std::size_t units = network_.output_count();
  std::size_t all_units = 0;
  for (std::int32_t u : unit_counts_) all_units += std::size_t(u);
  if (every_unit && all_units * count > kMaxGridValues) {
    std::size_t largest = 2;
    while ((largest + 1) * (largest + 1) * all_units <= kMaxGridValues) ++largest;
    throw ConfigError("grid size: \"" + std::to_string(n) + "\" is out of range for " + std::to_string(all_units) +
                      " units; allowed 2 to " + std::to_string(largest));
  }
  // The grid's input features change only with n or the features (build_matrices resets grid_n_).
  if (grid_n_ != n) {
    grid_xs_.resize(count);
    grid_ys_.resize(count);
    for (std::size_t i = 0; i < side; ++i)
      for (std::size_t j = 0; j < side; ++j) {
        grid_xs_[i * side + j] = -kPlotExtent + 2.0f * kPlotExtent * float(j) / float(side - 1);
        grid_ys_[i * side + j] = kPlotExtent - 2.0f * kPlotExtent * float(i) / float(side - 1);
      }
    feature_rows(config_.features, grid_xs_.data(), grid_ys_.data(), count, grid_features_);
    grid_n_ = n;
  }
  const std::size_t inputs = network_.input_count();
  std::vector<float*> layers;
  auto point_layers = [&](float* base, std::size_t width) {
    layers.clear();
    for (std::int32_t u : unit_counts_) layers.push_back(base), base += std::size_t(u) * width;
  };
  if (all_units * count <= kMaxGridValues) {
    // The whole grid in one pass straight into grid(): every layer's maps, no copy.
    grid_.resize(all_units * count);
    point_layers(grid_.data(), count);
    std::memcpy(grid_.data(), grid_features_.data(), inputs * count * sizeof(float));
    network_.forward_values(layers, count);
    grid_output_at_ = layers.back();
    return;
  }
  // Too many maps to keep (only the output is asked for): equal tiles of a multiple of 4 points
  // through one buffer, the outputs copied out; the last tile's spare columns run on zeros.
  const std::size_t tiles = (count + kGridTile - 1) / kGridTile;
  const std::size_t tile = ((count + tiles - 1) / tiles + 3) & ~std::size_t(3);
  grid_tile_.assign(all_units * tile, 0.0f);
  grid_output_.resize(units * count);
  point_layers(grid_tile_.data(), tile);
  for (std::size_t start = 0; start < count; start += tile) {
    const std::size_t m = std::min(tile, count - start);
    for (std::size_t f = 0; f < inputs; ++f) {
      float* row = layers[0] + f * tile;
      std::memcpy(row, grid_features_.data() + f * count + start, m * sizeof(float));
      std::fill(row + m, row + tile, 0.0f);
    }
    network_.forward_values(layers, tile);
    for (std::size_t u = 0; u < units; ++u)
      std::memcpy(grid_output_.data() + u * count + start, layers.back() + u * tile, m * sizeof(float));
  }
  grid_output_at_ = grid_output_.data();
}

void Session::evaluate_grid(int n) { run_grid(n, true); }

const float* Session::evaluate_grid_output(int n) {
  run_grid(n, false);
  return grid_output_at_;
}

Session::GridLayer Session::grid_layer(std::size_t l) const {
  const std::size_t count = std::size_t(grid_n_) * std::size_t(grid_n_);
  std::size_t offset = 0;
  for (std::size_t k = 0; k < l; ++k) offset += std::size_t(unit_counts_.at(k)) * count;
  return {grid_.data() + offset, std::size_t(unit_counts_.at(l)) * count};
}

const Session::PointTrace& Session::trace_point(float x, float y, float label) {
  if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(label))
    throw ConfigError("point: x, y and label must be finite numbers");
  network_.prepare(trace_cache_, 1);
  feature_rows(config_.features, &x, &y, 1, trace_cache_.input());
  network_.forward(trace_cache_);
  trace_.sums.assign(network_.input_count(), 0.0f);
  trace_.activations.assign(trace_cache_.a[0].begin(), trace_cache_.a[0].end());
  for (std::size_t l = 0; l < network_.layers().size(); ++l) {
    trace_.sums.insert(trace_.sums.end(), trace_cache_.z[l].begin(), trace_cache_.z[l].end());
    trace_.activations.insert(trace_.activations.end(), trace_cache_.a[l + 1].begin(), trace_cache_.a[l + 1].end());
  }
  // The target as training builds it (see build_matrices).
  const Loss loss = config_.effective_loss();
  const std::size_t outputs = network_.output_count();
  Matrix target = Matrix::from_shape({outputs, 1});
  fill_target(loss, label, target.data(), outputs, 1);
  const float* out = trace_cache_.output().data();
  trace_.loss = loss_sum(loss, out, target.data(), outputs);
  Matrix grad = Matrix::from_shape({outputs, 1});
  loss_gradient(loss, out, target.data(), grad.data(), outputs, 1.0f);
  trace_.gradients.assign(network_.params().size(), 0.0f);
  network_.backward(trace_cache_, grad, trace_.gradients, gradient_is_wrt_logits(loss));
  return trace_;
}

}  // namespace nnplay
