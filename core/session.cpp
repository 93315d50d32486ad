#include "session.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace nnplay {

namespace {

// The initial weights come from their own stream, so that changing the data settings does not
// change them and vice versa.
constexpr std::uint32_t kWeightStream = 0x5eed0001u;
constexpr std::uint32_t kOrderStream = 0x5eed0002u;

bool all_finite(const std::vector<float>& values) {
  float sum = 0.0f;
  for (float v : values) sum += v * 0.0f;  // 0 * inf and 0 * nan are nan; finite values add 0
  return sum == 0.0f;
}

void copy_columns(const Matrix& from, const std::uint32_t* columns, std::size_t count, Matrix& to) {
  const std::size_t rows = from.shape(0), stride = from.shape(1);
  for (std::size_t r = 0; r < rows; ++r) {
    const float* src = from.data() + r * stride;
    float* dst = to.data() + r * count;
    for (std::size_t b = 0; b < count; ++b) dst[b] = src[columns[b]];
  }
}

}  // namespace

Session::Session() : optimizer_(std::make_unique<Sgd>()) { rebuild(); }

void Session::configure(std::string_view text) { configure(parse_config(text)); }

void Session::configure(const Config& config) {
  config_ = config;
  rebuild();
}

void Session::set(std::string_view key, std::string_view value) {
  Config next = config_;
  set_config_value(next, key, value);
  const bool live = key == "learningRate" || key == "regularization" || key == "regularizationRate";
  config_ = next;
  if (!live) rebuild();
}

void Session::rebuild() {
  const std::uint32_t seed = hash_seed(config_.seed);
  const DatasetKind kind = config_.active_dataset();
  Rng data_rng(seed);
  auto samples = generate_samples(kind, default_sample_count(kind), config_.noise / 100.0, data_rng);
  auto split = shuffle_and_split(std::move(samples), config_.perc_train_data, data_rng);

  auto to_matrix = [&](const std::vector<Sample>& set, Matrix& x, std::vector<float>& t) {
    std::vector<float> xs, ys;
    t.clear();
    for (const Sample& s : set) {
      xs.push_back(s.x);
      ys.push_back(s.y);
      t.push_back(s.label);
    }
    feature_rows(config_.features, xs.data(), ys.data(), set.size(), x);
  };
  to_matrix(split.train, train_x_, train_t_);
  to_matrix(split.test, test_x_, test_t_);

  points_.clear();
  for (const auto* set : {&split.train, &split.test})
    for (const Sample& s : *set)
      points_.insert(points_.end(), {s.x, s.y, s.label, set == &split.test ? 1.0f : 0.0f});

  const bool regression = config_.problem == Problem::kRegression;
  network_ = Network(enabled_count(config_.features), config_.network_shape, 1, config_.activation,
                     regression ? Activation::kLinear : Activation::kTanh);
  Rng weight_rng(seed ^ kWeightStream);
  if (config_.init_zero)
    network_.init_zero();
  else
    network_.init_uniform(weight_rng);
  initial_params_ = network_.params();
  grads_.assign(initial_params_.size(), 0.0f);

  unit_counts_.clear();
  unit_counts_.push_back(static_cast<std::int32_t>(network_.input_count()));
  for (const LayerShape& l : network_.layers()) unit_counts_.push_back(static_cast<std::int32_t>(l.out));
  grid_n_ = 0;
  reset();
}

void Session::reset() {
  network_.params() = initial_params_;
  order_.resize(train_t_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
  order_rng_.reseed(hash_seed(config_.seed) ^ kOrderStream);
  cursor_ = order_.size();  // the first step shuffles
  epoch_ = 0;
  diverged_ = false;
  invalidate_metrics();
}

void Session::step(int batches) {
  const std::size_t n = order_.size();
  const std::size_t batch = static_cast<std::size_t>(config_.batch_size);
  for (int b = 0; b < batches && !diverged_ && n > 0; ++b) {
    if (cursor_ >= n) {
      // A new epoch visits the training set in a fresh order (Fisher-Yates) unless the
      // config asks for the fixed order the Playground uses (benchmarks compare engines on it).
      for (std::size_t i = n; i > 1 && config_.shuffle; --i)
        std::swap(order_[i - 1], order_[order_rng_.below(static_cast<std::uint32_t>(i))]);
      cursor_ = 0;
    }
    const std::size_t count = std::min(batch, n - cursor_);
    run_batch(order_.data() + cursor_, count);
    cursor_ += count;
    if (cursor_ >= n && !diverged_) ++epoch_;
  }
  invalidate_metrics();
}

void Session::train_epochs(int epochs) {
  const std::size_t n = order_.size();
  const std::size_t batch = static_cast<std::size_t>(config_.batch_size);
  if (n == 0) return;
  for (int e = 0; e < epochs && !diverged_; ++e) {
    // Finish the current epoch first, so epochs stay aligned with the data.
    const std::size_t remaining = cursor_ >= n ? n : n - cursor_;
    step(static_cast<int>((remaining + batch - 1) / batch));
  }
}

void Session::run_batch(const std::uint32_t* indices, std::size_t count) {
  network_.prepare(batch_cache_, count);
  copy_columns(train_x_, indices, count, batch_cache_.input());
  ensure_shape(batch_targets_, 1, count);
  ensure_shape(grad_output_, 1, count);
  for (std::size_t b = 0; b < count; ++b) batch_targets_.data()[b] = train_t_[indices[b]];

  network_.forward(batch_cache_);
  const float* y = batch_cache_.output().data();
  const double batch_loss = loss_sum(loss_, y, batch_targets_.data(), count);
  loss_gradient(loss_, y, batch_targets_.data(), grad_output_.data(), count, 1.0f / float(count));
  std::fill(grads_.begin(), grads_.end(), 0.0f);
  network_.backward(batch_cache_, grad_output_, grads_);

  backup_params_ = network_.params();
  optimizer_->update(network_.params(), grads_, network_.weight_count(), config_.update);
  if (!std::isfinite(batch_loss) || !all_finite(network_.params())) {
    // Keep the last finite weights so the picture and metrics stay meaningful.
    network_.params() = backup_params_;
    diverged_ = true;
  }
}

void Session::evaluate_set(const Matrix& features, const std::vector<float>& targets, double& loss,
                           double& accuracy) {
  const std::size_t n = targets.size();
  if (n == 0) {
    loss = 0.0;
    accuracy = config_.problem == Problem::kRegression ? NAN : 0.0;
    return;
  }
  network_.prepare(eval_cache_, n);
  std::memcpy(eval_cache_.input().data(), features.data(), features.size() * sizeof(float));
  network_.forward(eval_cache_);
  const float* y = eval_cache_.output().data();
  loss = loss_sum(loss_, y, targets.data(), n) / double(n);
  if (config_.problem == Problem::kRegression) {
    accuracy = NAN;
    return;
  }
  std::size_t right = 0;
  for (std::size_t i = 0; i < n; ++i) right += (y[i] >= 0.0f) == (targets[i] > 0.0f);
  accuracy = double(right) / double(n);
}

const Metrics& Session::metrics() {
  if (!metrics_valid_) {
    metrics_.epoch = epoch_;
    metrics_.diverged = diverged_;
    evaluate_set(train_x_, train_t_, metrics_.train_loss, metrics_.train_accuracy);
    evaluate_set(test_x_, test_t_, metrics_.test_loss, metrics_.test_accuracy);
    metrics_valid_ = true;
  }
  return metrics_;
}

void Session::forward_grid(int n) {
  if (n < 2 || n > kMaxGridSize)
    throw ConfigError("grid size: \"" + std::to_string(n) + "\" is out of range; allowed 2 to " +
                      std::to_string(kMaxGridSize));
  const std::size_t side = static_cast<std::size_t>(n), count = side * side;
  network_.prepare(grid_cache_, count);
  // The grid's input features change only with n or the feature set (rebuild resets grid_n_).
  if (grid_n_ != n) {
    grid_xs_.resize(count);
    grid_ys_.resize(count);
    for (std::size_t i = 0; i < side; ++i)
      for (std::size_t j = 0; j < side; ++j) {
        grid_xs_[i * side + j] = -6.0f + 12.0f * float(j) / float(side - 1);
        grid_ys_[i * side + j] = 6.0f - 12.0f * float(i) / float(side - 1);
      }
    feature_rows(config_.features, grid_xs_.data(), grid_ys_.data(), count, grid_cache_.input());
    grid_n_ = n;
  }
  network_.forward(grid_cache_);
}

void Session::evaluate_grid(int n) {
  forward_grid(n);
  const std::size_t count = static_cast<std::size_t>(n) * static_cast<std::size_t>(n);
  std::size_t units = 0;
  for (std::int32_t u : unit_counts_) units += static_cast<std::size_t>(u);
  grid_.resize(units * count);
  float* dst = grid_.data();
  for (const Matrix& a : grid_cache_.a) {
    std::memcpy(dst, a.data(), a.size() * sizeof(float));
    dst += a.size();
  }
}

const float* Session::evaluate_grid_output(int n) {
  forward_grid(n);
  return grid_cache_.output().data();
}

void Session::set_params(const std::vector<float>& values) {
  auto& p = network_.params();
  if (values.size() != p.size())
    throw ConfigError("parameters: got " + std::to_string(values.size()) + " values; this network has " +
                      std::to_string(p.size()));
  for (float v : values)
    if (!std::isfinite(v)) throw ConfigError("parameters: every value must be a finite number");
  p = values;
  invalidate_metrics();
}

void Session::set_param(int index, float value) {
  auto& p = network_.params();
  if (index < 0 || static_cast<std::size_t>(index) >= p.size())
    throw ConfigError("parameter index: \"" + std::to_string(index) + "\" is out of range; allowed 0 to " +
                      std::to_string(p.size() - 1));
  if (!std::isfinite(value)) throw ConfigError("parameter value: must be a finite number");
  p[static_cast<std::size_t>(index)] = value;
  invalidate_metrics();
}

}  // namespace nnplay
