#include <catch2/catch.hpp>

#include <cmath>

#include "json.hpp"
#include "loss.hpp"
#include "optimizer.hpp"
#include "session.hpp"

using namespace nnplay;

TEST_CASE("one SGD step lowers the loss of the batch it was computed on") {
  Rng rng(21);
  Network net(2, {4, 2}, 1, Activation::kTanh, Activation::kTanh);
  net.init_uniform(rng);
  ForwardCache cache;
  net.prepare(cache, 10);
  for (auto& v : cache.input()) v = float(rng.uniform(-5.0, 5.0));
  const Matrix x = cache.input();
  std::vector<float> t(10);
  for (std::size_t i = 0; i < 10; ++i) t[i] = x(0, i) * x(1, i) > 0 ? 1.0f : -1.0f;

  auto loss_now = [&] {
    cache.input() = x;
    net.forward(cache);
    return loss_sum(Loss::kSquared, cache.output().data(), t.data(), 10) / 10.0;
  };
  const double before = loss_now();
  Matrix g = Matrix::from_shape({1, 10});
  loss_gradient(Loss::kSquared, cache.output().data(), t.data(), g.data(), 10, 0.1f);
  std::vector<float> grads(net.params().size(), 0.0f);
  net.backward(cache, g, grads);
  Optimizer().update(net.params(), grads, net.weight_count(), {0.03f, Regularization::kNone, 0.0f});
  CHECK(loss_now() < before);
}

TEST_CASE("the same seed gives identical weights after k steps") {
  Session a, b;
  a.configure("dataset=spiral&seed=77&networkShape=8,8&noise=10");
  b.configure("dataset=spiral&seed=77&networkShape=8,8&noise=10");
  a.step(137);
  b.step(137);
  CHECK(a.params() == b.params());
  b.configure("dataset=spiral&seed=78&networkShape=8,8&noise=10");
  b.step(137);
  CHECK(a.params() != b.params());
}

TEST_CASE("reset returns to the same initial weights and epoch 0") {
  Session s;
  s.configure("seed=5");
  const auto initial = s.params();
  s.train_epochs(3);
  CHECK(s.metrics().epoch == 3);
  CHECK(s.params() != initial);
  s.reset();
  CHECK(s.params() == initial);
  CHECK(s.metrics().epoch == 0);
}

TEST_CASE("an epoch is one pass over the training set, partial last batch included") {
  Session s;
  s.configure("percTrainData=50&batchSize=30");  // 250 training points: 8 full batches + 10
  s.step(8);
  CHECK(s.metrics().epoch == 0);
  s.step(1);
  CHECK(s.metrics().epoch == 1);
  s.train_epochs(2);
  CHECK(s.metrics().epoch == 3);
}

TEST_CASE("live settings keep the weights; other settings rebuild") {
  Session s;
  s.configure("seed=1");
  s.step(50);
  const auto trained = s.params();
  s.set("learningRate", "0.3");
  s.set("regularization", "L2");
  CHECK(s.params() == trained);
  CHECK(s.config().update.learning_rate == Approx(0.3f));
  s.set("networkShape", "3");
  CHECK(s.params().size() == 2 * 3 + 3 * 1 + 3 + 1);
  CHECK(s.metrics().epoch == 0);
}

TEST_CASE("a bad configuration throws and leaves the session as it was") {
  Session s;
  s.configure("networkShape=5&seed=2");
  const auto params = s.params();
  CHECK_THROWS_WITH(s.configure("networkShape=5&batchSize=9999"),
                    "batchSize: \"9999\" is out of range; allowed 1 to 2000");
  CHECK(s.params() == params);
  CHECK_THROWS_AS(s.set("noise", "x"), ConfigError);
  CHECK(s.config().noise == 0);
}

TEST_CASE("metrics report losses and accuracies at the current weights") {
  // Recomputed point by point through trace_point (a separate one-sample forward pass): the
  // mean loss and the fraction on the right side of 0, for each set, after some training.
  Session s;
  s.configure("seed=3&dataset=xor");
  s.train_epochs(5);
  const Metrics m = s.metrics();
  const auto points = s.points();
  double loss[2] = {0, 0};
  int right[2] = {0, 0}, count[2] = {0, 0};
  for (std::size_t i = 0; i < points.size(); i += 4) {
    const int set = points[i + 3] > 0.5f ? 1 : 0;
    const auto& trace = s.trace_point(points[i], points[i + 1], points[i + 2]);
    loss[set] += trace.loss;
    right[set] += (trace.activations.back() >= 0.0f) == (points[i + 2] > 0.0f);
    count[set] += 1;
  }
  REQUIRE(count[0] > 0);
  REQUIRE(count[1] > 0);
  CHECK(m.train_loss == Approx(loss[0] / count[0]).epsilon(1e-5));
  CHECK(m.test_loss == Approx(loss[1] / count[1]).epsilon(1e-5));
  CHECK(m.train_accuracy == Approx(double(right[0]) / count[0]));
  CHECK(m.test_accuracy == Approx(double(right[1]) / count[1]));
  CHECK(m.train_accuracy > 0.6);  // trained, so not a coin toss: the check above compares real figures
  // Changing the weights changes the figures at once.
  s.set_param(0, 5.0f);
  CHECK(s.metrics().train_loss != m.train_loss);
  s.configure("problem=regression&seed=3");
  CHECK(std::isnan(s.metrics().test_accuracy));
}

TEST_CASE("the grid holds every unit's map, the output's matching a direct forward pass") {
  Session s;
  s.configure("networkShape=3,2&seed=4&xSquared=true");
  s.step(20);
  s.evaluate_grid(5);
  REQUIRE(s.unit_counts() == std::vector<std::int32_t>{3, 3, 2, 1});
  REQUIRE(s.grid().size() == (3 + 3 + 2 + 1) * 25u);
  const float* x_map = s.grid().data();
  CHECK(x_map[0] == -6.0f);          // top-left is x = -6
  CHECK(x_map[4] == 6.0f);           // top-right is x = +6
  const float* y_map = x_map + 25;
  CHECK(y_map[0] == 6.0f);           // top row is y = +6
  CHECK(y_map[20] == -6.0f);
  CHECK(x_map[50 + 7] == Approx(x_map[7] * x_map[7]));  // x^2 map

  // Output at the grid's centre point (0, 0) against a direct pass of the same network.
  ForwardCache cache;
  s.network().prepare(cache, 1);
  cache.input()(0, 0) = 0.0f;
  cache.input()(1, 0) = 0.0f;
  cache.input()(2, 0) = 0.0f;
  s.network().forward(cache);
  const float* out_map = s.grid().data() + 8 * 25;
  CHECK(out_map[12] == Approx(cache.output()(0, 0)));
  CHECK_THROWS(s.evaluate_grid(1));
  CHECK_THROWS(s.evaluate_grid(kMaxGridSize + 1));
}

TEST_CASE("a diverging run stops, reports it and keeps the last finite weights") {
  Session s;
  s.configure("problem=regression&activation=linear&networkShape=8,8,8&learningRate=10&seed=6");
  s.train_epochs(50);
  const Metrics& m = s.metrics();
  CHECK(m.diverged);
  for (float p : s.params()) CHECK(std::isfinite(p));
  const int epoch = m.epoch;
  s.train_epochs(5);  // further steps do nothing until reset
  CHECK(s.metrics().epoch == epoch);
  s.reset();
  CHECK_FALSE(s.metrics().diverged);
}

TEST_CASE("set_param edits one weight and rejects bad indices and values") {
  Session s;
  s.set_param(0, 0.25f);
  CHECK(s.params()[0] == 0.25f);
  CHECK_THROWS(s.set_param(-1, 0.0f));
  CHECK_THROWS(s.set_param(int(s.params().size()), 0.0f));
  CHECK_THROWS(s.set_param(0, NAN));
}

TEST_CASE("the output-only grid equals the output map of the full grid, across rebuilds") {
  Session s;
  s.configure("networkShape=5&seed=8&sinY=true");
  s.step(30);
  s.evaluate_grid(20);
  const std::vector<float> full(s.grid().end() - 400, s.grid().end());
  const float* out = s.evaluate_grid_output(20);
  for (std::size_t i = 0; i < 400; ++i) CHECK(out[i] == full[i]);
  s.configure("networkShape=5&seed=8&xSquared=true");  // other features: the grid inputs change
  s.evaluate_grid(20);
  CHECK(s.grid()[2 * 400 + 0] == Approx(36.0f));     // x^2 at x = -6
}

TEST_CASE("set_params replaces every parameter and validates the count and values") {
  Session s;
  std::vector<float> values(s.params().size(), 0.125f);
  s.set_params(values);
  CHECK(s.params() == values);
  values.pop_back();
  CHECK_THROWS_WITH(s.set_params(values), Catch::Contains("parameters: got"));
  values.push_back(INFINITY);
  CHECK_THROWS(s.set_params(values));
}

// The training order of the epoch just finished, as save() records it.
static std::vector<double> epoch_order(const Session& s) {
  const JsonDocument file = parse_json(s.save());
  JsonValue order = file.root();
  REQUIRE(file.root().find("order", order));
  std::vector<double> out;
  for (const JsonValue& v : order.items()) out.push_back(v.number());
  return out;
}

TEST_CASE("shuffle=false visits the training set in the same order every epoch") {
  // With a fixed order, two epochs from the same weights apply the same batches: training
  // one epoch, resetting and training one epoch again gives identical weights either way,
  // but two epochs differ from shuffled ones.
  Session fixed, shuffled;
  fixed.configure("seed=4&shuffle=false");
  shuffled.configure("seed=4");
  std::vector<std::vector<double>> fixed_orders, shuffled_orders;
  for (int epoch = 0; epoch < 3; ++epoch) {
    fixed.train_epochs(1);
    shuffled.train_epochs(1);
    fixed_orders.push_back(epoch_order(fixed));
    shuffled_orders.push_back(epoch_order(shuffled));
  }
  const std::size_t n = fixed_orders[0].size();
  REQUIRE(n == 250);
  for (std::size_t i = 0; i < n; ++i) REQUIRE(fixed_orders[0][i] == double(i));  // the data's own order
  CHECK(fixed_orders[1] == fixed_orders[0]);
  CHECK(fixed_orders[2] == fixed_orders[0]);
  CHECK(shuffled_orders[0] != fixed_orders[0]);
  CHECK(shuffled_orders[1] != shuffled_orders[0]);
  CHECK(shuffled_orders[2] != shuffled_orders[1]);
}
