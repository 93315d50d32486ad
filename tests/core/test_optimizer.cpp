#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "optimizer.hpp"

using namespace nnplay;

namespace {
// Two steps on one weight (and one bias that only follows the gradient), worked out by hand
// below; returns the weight after each step.
std::pair<float, float> two_steps(OptimizerKind kind, float g1, float g2) {
  Optimizer opt;
  UpdateSettings s;
  s.learning_rate = 0.1f;
  s.optimizer = kind;
  std::vector<float> p = {1.0f, 0.0f};
  opt.update(p, {g1, 0.0f}, 1, s);
  const float first = p[0];
  opt.update(p, {g2, 0.0f}, 1, s);
  return {first, p[0]};
}
}  // namespace

TEST_CASE("SGD steps against the gradient: w = 1, g = 0.5, lr 0.1 gives 0.95 then 0.90") {
  auto [a, b] = two_steps(OptimizerKind::kSgd, 0.5f, 0.5f);
  CHECK(a == Approx(0.95f));
  CHECK(b == Approx(0.90f));
}

TEST_CASE("momentum 0.9 accumulates velocity: v = 0.5 then 0.95, w = 0.95 then 0.855") {
  auto [a, b] = two_steps(OptimizerKind::kMomentum, 0.5f, 0.5f);
  CHECK(a == Approx(0.95f));
  CHECK(b == Approx(0.855f));
}

TEST_CASE("Nesterov looks ahead: steps 0.5 + 0.9 * 0.5 then 0.5 + 0.9 * 0.95") {
  auto [a, b] = two_steps(OptimizerKind::kNesterov, 0.5f, 0.5f);
  CHECK(a == Approx(0.905f));   // 1 - 0.1 * 0.95
  CHECK(b == Approx(0.7695f));  // 0.905 - 0.1 * 1.355
}

TEST_CASE("RMSprop divides by the root of the running mean square") {
  // s1 = 0.1 * 0.25 = 0.025, w1 = 1 - 0.1 * 0.5 / sqrt(0.025)
  // s2 = 0.9 * 0.025 + 0.025 = 0.0475, w2 = w1 - 0.1 * 0.5 / sqrt(0.0475)
  auto [a, b] = two_steps(OptimizerKind::kRmsprop, 0.5f, 0.5f);
  CHECK(a == Approx(0.68377225));
  CHECK(b == Approx(0.45435653));
}

TEST_CASE("Adam's bias-corrected moments: the first step is lr, the second follows by hand") {
  // m1 = 0.05, v1 = 0.00025 -> m^ = 0.5, v^ = 0.25 -> w1 = 1 - 0.1 = 0.9
  // g2 = -0.25: m2 = 0.02, v2 = 0.00031225 -> m^ = 0.02 / 0.19, v^ = v2 / 0.001999
  auto [a, b] = two_steps(OptimizerKind::kAdam, 0.5f, -0.25f);
  CHECK(a == Approx(0.9f));
  CHECK(b == Approx(0.8733663));
}

TEST_CASE("L2 regularisation decays weights but not biases") {
  std::vector<float> p = {1.0f, -2.0f, 0.5f};
  Optimizer opt;
  opt.update(p, {0.0f, 0.0f, 0.0f}, 2, {0.1f, Regularization::kL2, 0.5f});
  CHECK(p[0] == Approx(0.95f));  // 1 - 0.1 * 0.5 * 1
  CHECK(p[1] == Approx(-1.9f));  // -2 - 0.1 * 0.5 * -2
  CHECK(p[2] == Approx(0.5f));
}

TEST_CASE("L1 regularisation pulls weights to zero and stops there") {
  std::vector<float> p = {1.0f, -0.01f, 0.0f, 0.5f};
  Optimizer opt;
  opt.update(p, {0.0f, 0.0f, 0.0f, 0.0f}, 3, {0.1f, Regularization::kL1, 0.3f});
  CHECK(p[0] == Approx(0.97f));  // 1 - 0.1 * 0.3
  CHECK(p[1] == 0.0f);           // would cross to +0.02: stops at zero
  CHECK(p[2] == 0.0f);           // sign(0) = 0: stays
  CHECK(p[3] == Approx(0.5f));
}

TEST_CASE("changing the optimizer kind starts its state afresh") {
  Optimizer opt;
  UpdateSettings s;
  s.optimizer = OptimizerKind::kAdam;
  std::vector<float> p = {1.0f};
  opt.update(p, {1.0f}, 1, s);
  CHECK(opt.steps() == 1);
  s.optimizer = OptimizerKind::kMomentum;
  opt.update(p, {1.0f}, 1, s);
  CHECK(opt.steps() == 1);
  CHECK(opt.second_moment().empty());
}

TEST_CASE("names parse in the spellings the URL uses") {
  CHECK(parse_regularization("L1") == Regularization::kL1);
  CHECK(parse_regularization("l2") == Regularization::kL2);
  CHECK(parse_regularization("none") == Regularization::kNone);
  CHECK_FALSE(parse_regularization("L3"));
  for (auto kind : {OptimizerKind::kSgd, OptimizerKind::kMomentum, OptimizerKind::kNesterov,
                    OptimizerKind::kRmsprop, OptimizerKind::kAdam})
    CHECK(parse_optimizer(optimizer_name(kind)) == kind);
  CHECK_FALSE(parse_optimizer("adagrad"));
}

TEST_CASE("update_into writes the step of update to another buffer, leaves the parameters, and says when it is finite") {
  const std::vector<float> start = {0.5f, -0.25f, 0.02f, -0.01f, 0.0f, 0.3f, 0.1f};  // 5 weights, 2 biases
  const std::vector<float> g1 = {0.3f, -0.6f, 0.4f, -0.2f, 0.1f, 0.05f, -0.5f}, g2 = {-0.1f, 0.2f, 0.3f, 0.7f, -0.4f, 0.2f, 0.1f};
  for (auto kind : {OptimizerKind::kSgd, OptimizerKind::kMomentum, OptimizerKind::kNesterov, OptimizerKind::kRmsprop,
                    OptimizerKind::kAdam})
    for (auto reg : {Regularization::kNone, Regularization::kL1, Regularization::kL2}) {
      INFO(optimizer_name(kind) << " " << regularization_name(reg));
      UpdateSettings s;
      s.learning_rate = 0.1f, s.optimizer = kind, s.regularization = reg, s.regularization_rate = 0.2f;
      Optimizer in_place, aside;
      std::vector<float> p = start, q = start, next(3, 9.0f);
      for (const auto* g : {&g1, &g2}) {
        in_place.update(p, *g, 5, s);
        const std::vector<float> before = q;
        CHECK(aside.update_into(q, next, *g, 5, s));
        CHECK(q == before);
        CHECK(next == p);
        q.swap(next);
      }
      CHECK(aside.first_moment() == in_place.first_moment());
      CHECK(aside.second_moment() == in_place.second_moment());
    }
  // A step that overflows a weight, or a gradient that is not finite, is reported.
  Optimizer opt;
  std::vector<float> next;
  CHECK_FALSE(opt.update_into({3e38f, 0.0f}, next, {-1e38f, 0.0f}, 1, {10.0f, Regularization::kNone, 0.0f}));
  CHECK(std::isinf(next[0]));
  CHECK_FALSE(opt.update_into({0.5f, 0.0f}, next, {0.0f, NAN}, 1, {0.1f, Regularization::kNone, 0.0f}));
  CHECK(opt.update_into({0.5f, 0.0f}, next, {1e30f, -1e30f}, 1, {0.1f, Regularization::kNone, 0.0f}));
}
