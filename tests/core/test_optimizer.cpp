#include <catch2/catch.hpp>

#include <vector>

#include "optimizer.hpp"

using namespace nnplay;

TEST_CASE("SGD without regularisation steps against the gradient") {
  std::vector<float> p = {1.0f, -2.0f, 0.5f};  // two weights, one bias
  const std::vector<float> g = {0.5f, -1.0f, 2.0f};
  Sgd sgd;
  sgd.update(p, g, 2, {0.1f, Regularization::kNone, 0.0f});
  CHECK(p[0] == Approx(0.95f));  // 1 - 0.1 * 0.5
  CHECK(p[1] == Approx(-1.9f));  // -2 - 0.1 * -1
  CHECK(p[2] == Approx(0.3f));   // bias: 0.5 - 0.1 * 2
}

TEST_CASE("L2 regularisation decays weights but not biases") {
  std::vector<float> p = {1.0f, -2.0f, 0.5f};
  const std::vector<float> g = {0.0f, 0.0f, 0.0f};
  Sgd sgd;
  sgd.update(p, g, 2, {0.1f, Regularization::kL2, 0.5f});
  CHECK(p[0] == Approx(0.95f));  // 1 - 0.1 * 0.5 * 1
  CHECK(p[1] == Approx(-1.9f));  // -2 - 0.1 * 0.5 * -2
  CHECK(p[2] == Approx(0.5f));
}

TEST_CASE("L1 regularisation pulls weights to zero and stops there") {
  std::vector<float> p = {1.0f, -0.01f, 0.0f, 0.5f};
  const std::vector<float> g = {0.0f, 0.0f, 0.0f, 0.0f};
  Sgd sgd;
  sgd.update(p, g, 3, {0.1f, Regularization::kL1, 0.3f});
  CHECK(p[0] == Approx(0.97f));  // 1 - 0.1 * 0.3
  CHECK(p[1] == 0.0f);           // would cross to +0.02: stops at zero
  CHECK(p[2] == 0.0f);           // sign(0) = 0: stays
  CHECK(p[3] == Approx(0.5f));
}

TEST_CASE("regularisation names parse in the Playground's spelling") {
  CHECK(parse_regularization("L1") == Regularization::kL1);
  CHECK(parse_regularization("l2") == Regularization::kL2);
  CHECK(parse_regularization("none") == Regularization::kNone);
  CHECK_FALSE(parse_regularization("L3"));
}
