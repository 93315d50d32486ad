// Session's read-outs: metrics, the confusion matrix and the grid evaluation.
#include <algorithm>
#include <cmath>
#include <cstring>

#include <xtensor/xmath.hpp>
// g++ 12 sees a false out-of-bounds read in xtensor 0.24's argmax permutation code (xstorage.hpp).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <xtensor/xsort.hpp>
#pragma GCC diagnostic pop
#include <xtensor/xview.hpp>

#include "session.hpp"

namespace nnplay {

// The network's outputs [outputs, samples] for a whole feature matrix, valid until the next pass.
const Matrix& Session::forward_set(const Matrix& features) {
  network_.prepare(eval_cache_, features.shape(1), false);
  eval_cache_.input() = features;
  network_.forward(eval_cache_);
  return eval_cache_.output();
}

// The class the network picks for each sample of y [outputs, samples]: the largest output (the
// first of equals), or with one output its side of the threshold: tanh splits at 0, the sigmoid
// of cross-entropy at 0.5.
xt::xtensor<int, 1> Session::predicted_classes(const Matrix& y) const {
  if (y.shape(0) > 1) return xt::cast<int>(xt::argmax(y, 0));
  const float threshold = config_.effective_loss() == Loss::kCrossEntropy ? 0.5f : 0.0f;
  return xt::cast<int>(xt::row(y, 0) >= threshold);
}

void Session::evaluate_set(const Matrix& features, const Matrix& targets, const Vector& labels, double& loss,
                           double& accuracy, std::vector<std::int32_t>* confusion) {
  const std::size_t n = labels.size();
  const bool regression = config_.problem == Problem::kRegression;
  accuracy = regression ? NAN : 0.0;
  loss = 0.0;
  if (n == 0) return;
  const Matrix& y = forward_set(features);
  loss = loss_total(config_.effective_loss(), y, targets) / double(n);
  if (regression) return;
  const int classes = config_.num_classes;
  const xt::xtensor<int, 1> truth = classes == 2 ? xt::xtensor<int, 1>(xt::cast<int>(labels > 0.0f))
                                                 : xt::xtensor<int, 1>(xt::cast<int>(labels));
  const xt::xtensor<int, 1> guess = predicted_classes(y);
  accuracy = double(xt::sum(xt::equal(truth, guess))()) / double(n);
  if (confusion == nullptr) return;
  auto table = xt::adapt(*confusion, std::array<std::size_t, 2>{std::size_t(classes), std::size_t(classes)});
  for (std::size_t i = 0; i < n; ++i)
    if (truth(i) >= 0 && truth(i) < classes) table(truth(i), guess(i)) += 1;  // [truth, guess]
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
    const Matrix& t = set == &train_x_ ? train_t_ : test_t_;
    if (set->shape(1) == 0) continue;
    const xt::xtensor<double, 1> losses = sample_losses(loss, forward_set(*set), t);
    for (double l : losses) point_losses_.push_back(static_cast<float>(l));
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
    Matrix points = Matrix::from_shape({count, 2});
    for (std::size_t i = 0; i < side; ++i)
      for (std::size_t j = 0; j < side; ++j) {
        points(i * side + j, 0) = -kPlotExtent + 2.0f * kPlotExtent * float(j) / float(side - 1);
        points(i * side + j, 1) = kPlotExtent - 2.0f * kPlotExtent * float(i) / float(side - 1);
      }
    feature_rows(config_.features, points, grid_features_);
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
  feature_rows(config_.features, Matrix{{x, y}}, trace_cache_.input());
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
  trace_.loss = loss_total(loss, trace_cache_.output(), target);
  Matrix grad = Matrix::from_shape({outputs, 1});
  loss_gradient(loss, trace_cache_.output().data(), target.data(), grad.data(), outputs, 1.0f);
  trace_.gradients.assign(network_.params().size(), 0.0f);
  network_.backward(trace_cache_, grad, trace_.gradients, gradient_is_wrt_logits(loss));
  return trace_;
}

}  // namespace nnplay
