#include "session.hpp"
#include "set_up.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace nnplay {

namespace {

// The data, the initial weights and the training order come from separate streams of the seed,
// so that changing one kind of setting does not change the others.
constexpr std::uint32_t kWeightStream = 0x5eed0001u;
constexpr std::uint32_t kOrderStream = 0x5eed0002u;

// Gathers `count` columns of `from` into `to` [rows, width]; columns count..width-1 become 0.
void copy_columns(const Matrix& from, const std::uint32_t* columns, std::size_t count, Matrix& to) {
  const std::size_t rows = from.shape(0), stride = from.shape(1), width = to.shape(1);
  for (std::size_t r = 0; r < rows; ++r) {
    const float* src = from.data() + r * stride;
    float* dst = to.data() + r * width;
    for (std::size_t b = 0; b < count; ++b) dst[b] = src[columns[b]];
    for (std::size_t b = count; b < width; ++b) dst[b] = 0.0f;
  }
}

// The settings that decide the data: a change to any of them draws new data.
bool same_data_settings(const Config& a, const Config& b) {
  return a.problem == b.problem && a.active_dataset() == b.active_dataset() && a.seed == b.seed &&
         a.noise == b.noise && a.perc_train_data == b.perc_train_data &&
         a.num_classes == b.num_classes && a.num_samples == b.num_samples &&
         (!a.images() || (a.image_classes == b.image_classes && a.image_size == b.image_size));
}

}  // namespace

NNPLAY_SET_UP Session::Session() {
  generate_data();
  build_network();
}

void Session::configure(std::string_view text) { configure(parse_config(text)); }

NNPLAY_SET_UP void Session::configure(const Config& config) {
  check_config(config);
  require_images(config);
  const bool new_data = !same_data_settings(config, config_);
  config_ = config;
  if (new_data) generate_data();
  else build_matrices();
  build_network();
}

void Session::set(std::string_view key, std::string_view value) {
  Config next = config_;
  set_config_value(next, key, value);
  if (!is_live_key(key)) {
    configure(next);
    return;
  }
  config_ = next;
  // New stop rules are judged from now on.
  if (key.substr(0, 4) == "stop") stop_reason_.clear();
  invalidate_metrics();
}

NNPLAY_SET_UP void Session::generate_data() {
  clear_wide();
  if (config_.images()) {
    generate_images();
    return;
  }
  const DatasetKind kind = config_.active_dataset();
  Rng data_rng(hash_seed(config_.seed));
  const std::size_t count = config_.num_samples > 0 ? std::size_t(config_.num_samples)
                                                     : default_sample_count(kind);
  auto samples = generate_samples(kind, count, config_.noise / 100.0, data_rng,
                                  std::max(config_.classes(), 2));
  auto split = shuffle_and_split(std::move(samples), config_.perc_train_data, data_rng);
  custom_data_ = false;
  set_data(std::move(split.train), std::move(split.test));
}

NNPLAY_SET_UP void Session::set_data(std::vector<Sample> train, std::vector<Sample> test) {
  train_samples_ = std::move(train);
  test_samples_ = std::move(test);
  images_in_use_ = false;
  // [points, 4]: x, y, label, 1 for a test point (the page's flat view of every point).
  points_.assign((train_samples_.size() + test_samples_.size()) * 4, 0.0f);
  auto rows = matrix_view(points_.data(), points_.size() / 4, 4);
  std::size_t i = 0;
  for (const auto* set : {&train_samples_, &test_samples_})
    for (const Sample& s : *set) {
      rows(i, 0) = s.x, rows(i, 1) = s.y, rows(i, 2) = s.label, rows(i, 3) = set == &test_samples_ ? 1.0f : 0.0f;
      ++i;
    }
  build_matrices();
}

// Features and targets of both sets for the current features and loss.
NNPLAY_SET_UP void Session::build_matrices() {
  const Loss loss = config_.effective_loss();
  const std::size_t outputs = config_.output_units();
  // Image pixels are already the inputs (generate_images); points go through the features.
  // Wide data's inputs are its rows (session_wide.cpp).
  auto fill = [&](const std::vector<Sample>& set, const std::vector<float>& rows, Matrix& x, Matrix& t, Vector& labels) {
    if (!images_in_use_) {
      labels = sample_labels(set);
      if (wide_inputs() > 0) wide_matrix(rows, x);
      else feature_rows(config_.features, sample_points(set), x);
    }
    const std::size_t n = labels.size();
    t = Matrix::from_shape({outputs, n});
    for (std::size_t i = 0; i < n; ++i) fill_target(loss, labels(i), t.data() + i, outputs, n);
  };
  fill(train_samples_, wide_train_, train_x_, train_t_, train_labels_);
  fill(test_samples_, wide_test_, test_x_, test_t_, test_labels_);
  grid_n_ = 0;  // the grid's input features may have changed
  order_.resize(train_labels_.size());
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
  cursor_ = order_.size();  // the next step starts a new epoch
  invalidate_metrics();
}

NNPLAY_SET_UP void Session::build_network() {
  const Loss loss = config_.effective_loss();
  Activation output = Activation::kTanh;
  if (config_.problem == Problem::kRegression) output = Activation::kLinear;
  else if (loss == Loss::kSoftmaxCrossEntropy) output = Activation::kSoftmax;
  else if (loss == Loss::kCrossEntropy) output = Activation::kSigmoid;
  const std::size_t inputs = images_in_use_ || wide_inputs() > 0 ? train_x_.shape(0) : enabled_count(config_.features);
  network_ = Network(inputs, config_.network_shape, config_.output_units(),
                     config_.hidden_activations(), output);
  weight_rng_.reseed(hash_seed(config_.seed) ^ kWeightStream);
  network_.init(config_.init_zero ? Init::kZero : config_.init, weight_rng_);
  initial_params_ = network_.params();
  grads_.assign(initial_params_.size(), 0.0f);

  unit_counts_.clear();
  unit_counts_.push_back(static_cast<std::int32_t>(network_.input_count()));
  for (const LayerShape& l : network_.layers()) unit_counts_.push_back(static_cast<std::int32_t>(l.out));
  grid_n_ = 0;
  reset();
}

NNPLAY_SET_UP void Session::reset() {
  network_.params() = initial_params_;
  optimizer_.reset();
  std::fill(grads_.begin(), grads_.end(), 0.0f);
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<std::uint32_t>(i);
  order_rng_.reseed(hash_seed(config_.seed) ^ kOrderStream);
  cursor_ = order_.size();  // the first step shuffles
  epoch_ = 0;
  diverged_ = false;
  stop_reason_.clear();
  best_test_loss_ = INFINITY;
  best_epoch_ = 0;
  invalidate_metrics();
}

NNPLAY_SET_UP void Session::new_weights() {
  network_.init(config_.init_zero ? Init::kZero : config_.init, weight_rng_);
  initial_params_ = network_.params();
  reset();
}

void Session::step(int batches) {
  const std::size_t n = order_.size();
  const std::size_t batch = static_cast<std::size_t>(config_.batch_size);
  for (int b = 0; b < batches && !diverged_ && stop_reason_.empty() && n > 0; ++b) {
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
    if (cursor_ >= n && !diverged_) after_epoch();
  }
  invalidate_metrics();
}

void Session::train_epochs(int epochs) {
  const std::size_t n = order_.size();
  const std::size_t batch = static_cast<std::size_t>(config_.batch_size);
  if (n == 0) return;
  for (int e = 0; e < epochs && !diverged_ && stop_reason_.empty(); ++e) {
    // Finish the current epoch first, so epochs stay aligned with the data.
    const std::size_t remaining = cursor_ >= n ? n : n - cursor_;
    step(static_cast<int>((remaining + batch - 1) / batch));
  }
}

// Auto-stop rules, judged at the end of every epoch; the test-loss rules cost one test pass.
void Session::after_epoch() {
  ++epoch_;
  const Config& c = config_;
  if (c.stop_epochs > 0 && epoch_ >= c.stop_epochs) {
    stop_reason_ = "reached " + std::to_string(c.stop_epochs) + " epochs";
    return;
  }
  if (c.stop_test_loss <= 0.0f && c.stop_patience <= 0) return;
  invalidate_metrics();
  const double test_loss = metrics().test_loss;
  if (c.stop_test_loss > 0.0f && test_loss <= c.stop_test_loss) {
    stop_reason_ = "test loss reached " + std::to_string(c.stop_test_loss).substr(0, 6);
  } else if (c.stop_patience > 0) {
    if (test_loss < best_test_loss_) {
      best_test_loss_ = test_loss;
      best_epoch_ = epoch_;
    } else if (epoch_ - best_epoch_ >= c.stop_patience) {
      stop_reason_ = "test loss stopped improving for " + std::to_string(c.stop_patience) + " epochs";
    }
  }
}

void Session::run_batch(const std::uint32_t* indices, std::size_t count) {
  // The batch is padded to a multiple of 4 columns so every kernel loop runs whole SIMD vectors
  // with no scalar tail (most of the work at batch 10). Padding columns carry zero inputs and a
  // zero loss gradient, so they add nothing to any parameter's gradient.
  const std::size_t width = (count + 3) & ~std::size_t(3);
  const std::size_t outputs = network_.output_count();
  network_.prepare(batch_cache_, width);
  batch_cache_.used = count;
  ensure_shape(batch_targets_, outputs, width);
  ensure_shape(grad_output_, outputs, width);
  // A wide input layer reads the batch sample-major: images are gathered so at once.
  if (network_.reads_rows(width)) {
    std::vector<float>& rows = batch_cache_.transposed.front();
    rows.resize(count * network_.input_count());
    batch_cache_.input_rows = image_rows(indices, count, rows.data());
  }
  if (!batch_cache_.input_rows) copy_columns(train_x_, indices, count, batch_cache_.input());
  copy_columns(train_t_, indices, count, batch_targets_);

  network_.forward(batch_cache_);
  const Loss loss = config_.effective_loss();
  const float* y = batch_cache_.output().data();
  double batch_loss = 0.0;
  for (std::size_t k = 0; k < outputs; ++k) {
    const std::size_t row = k * width;
    batch_loss += loss_sum(loss, y + row, batch_targets_.data() + row, count);
    loss_gradient(loss, y + row, batch_targets_.data() + row, grad_output_.data() + row, count,
                  1.0f / float(count));
    for (std::size_t b = count; b < width; ++b) grad_output_.data()[row + b] = 0.0f;
  }
  // The backward pass writes every gradient (none is left from the last batch to clear).
  network_.backward(batch_cache_, grad_output_, grads_, gradient_is_wrt_logits(loss), GradientMode::kWrite);

  UpdateSettings settings = config_.update;
  settings.learning_rate = config_.learning_rate_at(epoch_);
  // The step writes next_params_ and checks it in the same pass; the parameters before it stay
  // where they are, so a divergence keeps the last finite weights (the picture and metrics stay
  // meaningful) without a copy of them being made on every batch.
  const bool finite = optimizer_.update_into(network_.params(), next_params_, grads_, network_.weight_count(), settings);
  if (std::isfinite(batch_loss) && finite) network_.params().swap(next_params_);
  else diverged_ = true;
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

NNPLAY_SET_UP void Session::set_params(const std::vector<float>& values) {
  auto& p = network_.params();
  if (values.size() != p.size())
    throw ConfigError("parameters: got " + std::to_string(values.size()) + " values; this network has " +
                      std::to_string(p.size()));
  for (float v : values)
    if (!std::isfinite(v)) throw ConfigError("parameters: every value must be a finite number");
  p = values;
  invalidate_metrics();
}

}  // namespace nnplay
