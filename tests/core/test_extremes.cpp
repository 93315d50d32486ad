// Values at the edge of float range, reachable through the public API (set_param takes any
// finite value). The sanitizer build (npm run test:sanitize) runs these under UBSan, which
// reports the float-to-int conversion of a NaN that fast_exp once made.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "activation.hpp"
#include "fast_math.hpp"
#include "session.hpp"

using namespace nnplay;

TEST_CASE("fast_exp and the activations take NaN and infinities without undefined behaviour") {
  const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
  CHECK(fast_exp(nan) == fast_exp(88.0f));  // the SIMD path's clamp sends NaN to 88 too
  CHECK(fast_exp(inf) == fast_exp(88.0f));
  CHECK(fast_exp(-inf) == fast_exp(-87.0f));
  CHECK(fast_exp(3e38f) == fast_exp(88.0f));
  const float z[7] = {nan, inf, -inf, 3e38f, -3e38f, nan, 0.0f};
  float a[7];
  for (Activation kind : {Activation::kTanh, Activation::kSigmoid, Activation::kElu, Activation::kGelu,
                          Activation::kSilu, Activation::kSoftplus}) {
    apply_activation(kind, z, a, 7);
    float d[7], g[7] = {1, 1, 1, 1, 1, 1, 1};
    backprop_activation(kind, z, a, g, d, 7);
  }
  apply_activation(Activation::kTanh, z, a, 7);
  CHECK(a[3] == 1.0f);
  CHECK(a[4] == -1.0f);
}

TEST_CASE("weights of +-3e38 with linear hidden layers go through training, the grid and the trace") {
  Session s;
  s.configure("seed=5&networkShape=4,4&activation=linear&xSquared=true&ySquared=true");
  for (int i = 0; i < int(s.params().size()); ++i) s.set_param(i, i % 2 ? 3e38f : -3e38f);
  // The sums overflow to +-inf and inf - inf gives NaN before the tanh output.
  const auto& trace = s.trace_point(1.5f, -2.0f, 1.0f);
  bool any_nan = false;
  for (float v : trace.sums) any_nan = any_nan || std::isnan(v);
  CHECK(any_nan);
  s.evaluate_grid(16);
  CHECK(s.grid().size() == std::size_t(16 * 16 * (4 + 4 + 4 + 1)));
  s.evaluate_grid_output(17);  // an odd count: the SIMD path's scalar tail
  s.point_losses();
  s.step(3);
  CHECK(s.metrics().diverged);
  // The diverged run kept the last finite weights, which save and load accept.
  Session copy;
  CHECK_NOTHROW(copy.load(s.save()));
}
