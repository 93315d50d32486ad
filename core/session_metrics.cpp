// Session's metrics: losses, accuracy and the confusion matrix of both sets, as xtensor
// reducers over the network's outputs (once per frame, not per step).
#include <algorithm>
#include <array>
#include <cmath>

#include <xtensor/xmath.hpp>

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
// of cross-entropy at 0.5. A plain loop over the [outputs, samples] matrix: xt::argmax over an
// axis of a 2-D expression instantiated about 40 KB of wasm for this once-per-frame read-out.
xt::xtensor<int, 1> Session::predicted_classes(const Matrix& y) const {
  const std::size_t outputs = y.shape(0), n = y.shape(1);
  xt::xtensor<int, 1> guess = xt::xtensor<int, 1>::from_shape({n});
  const float threshold = config_.effective_loss() == Loss::kCrossEntropy ? 0.5f : 0.0f;
  for (std::size_t i = 0; i < n; ++i) {
    if (outputs == 1) {
      guess(i) = y(0, i) >= threshold ? 1 : 0;
      continue;
    }
    std::size_t best = 0;
    for (std::size_t r = 1; r < outputs; ++r)
      if (y(r, i) > y(best, i)) best = r;
    guess(i) = int(best);
  }
  return guess;
}

// Every `step`-th sample of a set, in blocks of at most kEvalBlock columns through one cache, so
// a large image set needs no copy of itself; point data is one block. With `confusion` (the test
// set) each sample's guess is kept in test_guesses_ too.
void Session::evaluate_blocks(const Matrix& features, const Matrix& targets, const Vector& labels, std::size_t step,
                              double& loss, double& accuracy, std::vector<std::int32_t>* confusion) {
  constexpr std::size_t kEvalBlock = 4096;
  const std::size_t n = (labels.size() + step - 1) / step;
  const bool regression = config_.problem == Problem::kRegression;
  accuracy = regression ? NAN : 0.0;
  loss = 0.0;
  // Kept for images only (imagesInCell), so point data allocates as it did.
  const bool keep_guesses = confusion != nullptr && images_in_use_;
  if (keep_guesses) test_guesses_.assign(n, 0);
  if (n == 0) return;
  const int classes = config_.classes();
  const std::size_t rows = features.shape(0), outputs = targets.shape(0), stride = labels.size();
  double hits = 0.0;
  for (std::size_t first = 0; first < n; first += kEvalBlock) {
    const std::size_t m = std::min(kEvalBlock, n - first);
    network_.prepare(eval_cache_, m, false);
    // A whole set in one block is read in place (point data: no copy of the targets).
    const bool whole = m == stride;
    if (whole) {
      eval_cache_.input() = features;
    } else {
      ensure_shape(eval_targets_, outputs, m);
      for (std::size_t j = 0; j < m; ++j) {
        const std::size_t i = (first + j) * step;
        for (std::size_t r = 0; r < rows; ++r) eval_cache_.input().data()[r * m + j] = features.data()[r * stride + i];
        for (std::size_t r = 0; r < outputs; ++r) eval_targets_.data()[r * m + j] = targets.data()[r * stride + i];
      }
    }
    const Matrix& t_block = whole ? targets : eval_targets_;
    network_.forward(eval_cache_);
    const Matrix& y = eval_cache_.output();
    loss += loss_total(config_.effective_loss(), y, t_block);
    if (regression) continue;
    const xt::xtensor<int, 1> guess = predicted_classes(y);
    for (std::size_t j = 0; j < m; ++j) {
      const float label = labels((first + j) * step);
      const int truth = classes == 2 && !config_.images() ? int(label > 0.0f) : int(label);
      hits += truth == guess(j) ? 1.0 : 0.0;
      if (confusion == nullptr) continue;
      if (keep_guesses) test_guesses_[first + j] = guess(j);
      if (truth >= 0 && truth < classes) (*confusion)[std::size_t(truth * classes + guess(j))] += 1;  // [truth, guess]
    }
  }
  loss /= double(n);
  accuracy = regression ? NAN : hits / double(n);
}

const Metrics& Session::metrics() {
  if (!metrics_valid_) {
    metrics_.epoch = epoch_;
    metrics_.diverged = diverged_;
    metrics_.stop_reason = stop_reason_;
    metrics_.learning_rate = config_.learning_rate_at(epoch_);
    const int classes = config_.classes();
    confusion_.assign(std::size_t(classes) * std::size_t(classes), 0);
    const std::size_t train_step = (train_labels_.size() + kMetricSamples - 1) / kMetricSamples;
    evaluate_blocks(train_x_, train_t_, train_labels_, std::max<std::size_t>(train_step, 1), metrics_.train_loss,
                    metrics_.train_accuracy, nullptr);
    evaluate_blocks(test_x_, test_t_, test_labels_, 1, metrics_.test_loss, metrics_.test_accuracy, &confusion_);
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

const std::vector<std::int32_t>& Session::test_predictions() {
  metrics();
  return test_guesses_;
}

}  // namespace nnplay
