// Session's metrics: losses, accuracy and the confusion matrix of both sets, as xtensor
// reducers over the network's outputs (once per frame, not per step).
#include <array>
#include <cmath>

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

}  // namespace nnplay
