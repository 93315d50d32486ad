// Session's pictures: the grid evaluation (every neuron's map) and the trace of one point.
// The metrics are in session_metrics.cpp.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "session.hpp"
#include "set_up.hpp"

namespace nnplay {

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
  if (images_in_use_) throw ConfigError("grid: image data has no map over the plane");
  // The grid's input features change only with n or the features (build_matrices resets grid_n_).
  if (grid_n_ != n) {
    Matrix points = Matrix::from_shape({count, 2});
    for (std::size_t i = 0; i < side; ++i)
      for (std::size_t j = 0; j < side; ++j) {
        points(i * side + j, 0) = -kPlotExtent + 2.0f * kPlotExtent * float(j) / float(side - 1);
        points(i * side + j, 1) = kPlotExtent - 2.0f * kPlotExtent * float(i) / float(side - 1);
      }
    input_rows(points, grid_features_);
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

NNPLAY_SET_UP const Session::PointTrace& Session::trace_point(float x, float y, float label) {
  if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(label))
    throw ConfigError("point: x, y and label must be finite numbers");
  if (images_in_use_) throw ConfigError("point: image data is followed by image (traceImage)");
  network_.prepare(trace_cache_, 1);
  input_rows(Matrix{{x, y}}, trace_cache_.input());
  return finish_trace(label);
}

// The forward pass, loss and gradients of the one input in trace_cache_.
const Session::PointTrace& Session::finish_trace(float label) {
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
