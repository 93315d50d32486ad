#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "activation.hpp"
#include "fast_math.hpp"

using namespace nnplay;

TEST_CASE("fast tanh stays within 1e-6 of tanh over the whole float range that matters") {
  double worst = 0.0;
  for (double x = -20.0; x <= 20.0; x += 1e-4) {
    const double err = std::abs(double(fast_tanh(float(x))) - std::tanh(double(float(x))));
    worst = std::max(worst, err);
  }
  CHECK(worst < 1e-6);
  CHECK(fast_tanh(1e30f) == 1.0f);
  CHECK(fast_tanh(-1e30f) == -1.0f);
}

TEST_CASE("fast exp has a relative error below 1e-6") {
  double worst = 0.0;
  for (double x = -80.0; x <= 80.0; x += 1e-3) {
    const double exact = std::exp(double(float(x)));
    worst = std::max(worst, std::abs(double(fast_exp(float(x))) - exact) / exact);
  }
  CHECK(worst < 1e-6);
}

TEST_CASE("fast sigmoid matches the logistic function") {
  for (double x = -30.0; x <= 30.0; x += 0.01)
    CHECK(std::abs(fast_sigmoid(float(x)) - 1.0 / (1.0 + std::exp(-double(float(x))))) < 1e-6);
}

TEST_CASE("activation names round trip and unknown names are rejected") {
  for (auto kind : kHiddenActivations) CHECK(parse_activation(activation_name(kind)) == kind);
  CHECK_FALSE(parse_activation("softmax"));
  CHECK_FALSE(parse_activation(""));
}

TEST_CASE("each activation's derivative matches central differences") {
  const std::vector<float> zs = {-2.5f, -0.7f, -0.1f, 0.05f, 0.3f, 1.2f, 3.0f};
  for (auto kind : kHiddenActivations) {
    INFO(activation_name(kind));
    for (float z : zs) {
      const float h = 1e-3f;
      float a, ap, am, d, g = 1.0f;
      const float zp = z + h, zm = z - h;
      apply_activation(kind, &z, &a, 1);
      apply_activation(kind, &zp, &ap, 1);
      apply_activation(kind, &zm, &am, 1);
      backprop_activation(kind, &z, &a, &g, &d, 1);
      CHECK(d == Approx((ap - am) / (2 * h)).margin(2e-3));
    }
  }
}

TEST_CASE("softmax makes each sample's outputs positive and sum to one, even for huge logits") {
  // z [3, 2]: sample 0 = (1, 2, 3), sample 1 = (1000, 0, -1000)
  const float z[] = {1.0f, 1000.0f, 2.0f, 0.0f, 3.0f, -1000.0f};
  float a[6];
  softmax_block(z, a, 3, 2, 2);
  CHECK(a[0] + a[2] + a[4] == Approx(1.0f));
  CHECK(a[4] == Approx(std::exp(3.0) / (std::exp(1.0) + std::exp(2.0) + std::exp(3.0))).epsilon(1e-5));
  CHECK(a[1] == Approx(1.0f));
  CHECK(a[5] == Approx(0.0f).margin(1e-30));
}
