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
  for (auto kind : {Activation::kRelu, Activation::kTanh, Activation::kSigmoid, Activation::kLinear})
    CHECK(parse_activation(activation_name(kind)) == kind);
  CHECK_FALSE(parse_activation("softmax"));
  CHECK_FALSE(parse_activation(""));
}

TEST_CASE("each activation's derivative matches central differences") {
  const std::vector<float> zs = {-2.5f, -0.7f, -0.1f, 0.05f, 0.3f, 1.2f, 3.0f};
  for (auto kind : {Activation::kRelu, Activation::kTanh, Activation::kSigmoid, Activation::kLinear}) {
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
