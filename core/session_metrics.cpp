// Session's metrics: losses, accuracy and the confusion matrix of both sets, as xtensor
// reducers over the network's outputs (once per frame, not per step).
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
  xt::xtensor<int, 1> truth = xt::xtensor<int, 1>::from_shape({n});
  for (std::size_t i = 0; i < n; ++i) truth(i) = classes == 2 ? int(labels(i) > 0.0f) : int(labels(i));
  const xt::xtensor<int, 1> guess = predicted_classes(y);
  // 1 where the guess is right: reduced by the same xt::sum over a double vector as the losses.
  xt::xtensor<double, 1> hits = xt::xtensor<double, 1>::from_shape({n});
  for (std::size_t i = 0; i < n; ++i) hits(i) = truth(i) == guess(i) ? 1.0 : 0.0;
  accuracy = xt::sum(hits)() / double(n);
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

}  // namespace nnplay
