#include <catch2/catch.hpp>

#include <cmath>
#include <algorithm>
#include <vector>

#include "loss.hpp"
#include "network.hpp"

using namespace nnplay;

TEST_CASE("a forward pass with constant weights gives the hand-computed output") {
  // 2 -> 2 (tanh) -> 1 (linear). Every weight 0.5, every bias 0.1, input (1, 2):
  //   hidden z = 0.5*1 + 0.5*2 + 0.1 = 1.6, a = tanh(1.6) = 0.9216685544...
  //   output = 0.5*a + 0.5*a + 0.1 = a + 0.1 = 1.0216685544...
  Network net(2, {2}, 1, Activation::kTanh, Activation::kLinear);
  auto& p = net.params();
  for (std::size_t i = 0; i < net.weight_count(); ++i) p[i] = 0.5f;
  for (std::size_t i = net.weight_count(); i < p.size(); ++i) p[i] = 0.1f;
  ForwardCache cache;
  net.prepare(cache, 1);
  cache.input()(0, 0) = 1.0f;
  cache.input()(1, 0) = 2.0f;
  net.forward(cache);
  CHECK(cache.a[1](0, 0) == Approx(0.9216685544).epsilon(1e-6));
  CHECK(cache.output()(0, 0) == Approx(1.0216685544).epsilon(1e-6));
}

TEST_CASE("parameters are laid out weights first, then biases") {
  Network net(3, {4, 2}, 1, Activation::kRelu, Activation::kTanh);
  REQUIRE(net.layers().size() == 3);
  CHECK(net.weight_count() == 3 * 4 + 4 * 2 + 2 * 1);
  CHECK(net.params().size() == net.weight_count() + 4 + 2 + 1);
  CHECK(net.layers()[1].w_offset == 12);
  CHECK(net.layers()[0].b_offset == net.weight_count());
  CHECK(net.layers()[2].b_offset == net.weight_count() + 6);
}

namespace {

// Whether a back-propagated gradient g matches its central difference fd: within 2 % of the
// larger of the two, plus 2e-5 for the rounding of the float forward pass in fd (the worst real
// error here is 2.1e-5 with h = 4e-3). Measured: with g scaled by 0.9, 677 of the first test's 700
// parameters fail (the rest have zero gradients: dead ReLUs), and with g = 0, 694 of 700.
bool gradient_matches(double g, double fd) {
  return std::fabs(g - fd) <= 0.02 * std::max(std::fabs(g), std::fabs(fd)) + 2e-5;
}

// Mean squared-error loss of the network on a fixed batch, in double for the finite differences.
double batch_loss(const Network& net, const Matrix& x, const std::vector<float>& t) {
  ForwardCache cache;
  net.prepare(cache, x.shape(1));
  cache.input() = x;
  net.forward(cache);
  return loss_sum(Loss::kSquared, cache.output().data(), t.data(), t.size()) / double(t.size());
}

}  // namespace

TEST_CASE("back-propagated gradients match central differences for every activation and output") {
  const std::size_t batch = 5;
  Rng rng(3);
  Matrix x = Matrix::from_shape({3, batch});
  for (auto& v : x) v = float(rng.uniform(-2.0, 2.0));
  std::vector<float> t(batch);
  for (auto& v : t) v = float(rng.uniform(-1.0, 1.0));

  for (auto hidden : kHiddenActivations)
    for (auto output : {Activation::kTanh, Activation::kLinear}) {
      INFO("hidden " << activation_name(hidden) << ", output " << activation_name(output));
      Network net(3, {4, 3}, 1, hidden, output);
      net.init_uniform(rng, 0.8f, 0.1f);

      ForwardCache cache;
      net.prepare(cache, batch);
      cache.input() = x;
      net.forward(cache);
      Matrix grad_out = Matrix::from_shape({1, batch});
      loss_gradient(Loss::kSquared, cache.output().data(), t.data(), grad_out.data(), batch,
                    1.0f / float(batch));
      std::vector<float> grads(net.params().size(), 0.0f);
      net.backward(cache, grad_out, grads);

      for (std::size_t i = 0; i < net.params().size(); ++i) {
        const float saved = net.params()[i];
        const float h = 4e-3f;
        net.params()[i] = saved + h;
        const double up = batch_loss(net, x, t);
        net.params()[i] = saved - h;
        const double down = batch_loss(net, x, t);
        net.params()[i] = saved;
        INFO("parameter " << i);
        CHECK(gradient_matches(grads[i], (up - down) / (2.0 * h)));
      }
    }
}

namespace {

// Mean loss of `net` on (x, t) for a loss that may be fused with its output activation.
double mean_loss(const Network& net, const Matrix& x, const Matrix& t, Loss loss) {
  ForwardCache cache;
  net.prepare(cache, x.shape(1));
  cache.input() = x;
  net.forward(cache);
  return loss_sum(loss, cache.output().data(), t.data(), t.size()) / double(x.shape(1));
}

}  // namespace

TEST_CASE("gradients match central differences for cross-entropy, softmax cross-entropy and Huber") {
  struct Case {
    Loss loss;
    Activation output;
    std::size_t outputs;
  };
  const Case cases[] = {{Loss::kCrossEntropy, Activation::kSigmoid, 1},
                        {Loss::kSoftmaxCrossEntropy, Activation::kSoftmax, 3},
                        {Loss::kHuber, Activation::kLinear, 1}};
  const std::size_t batch = 6;
  Rng rng(12);
  Matrix x = Matrix::from_shape({2, batch});
  for (auto& v : x) v = float(rng.uniform(-2.0, 2.0));
  for (const Case& c : cases) {
    INFO(loss_name(c.loss));
    Network net(2, {5}, c.outputs, Activation::kTanh, c.output);
    net.init_uniform(rng, 1.5f, 0.1f);
    Matrix t = Matrix::from_shape({c.outputs, batch});
    for (std::size_t b = 0; b < batch; ++b) {
      const std::size_t k = b % c.outputs;
      for (std::size_t o = 0; o < c.outputs; ++o)
        t(o, b) = c.loss == Loss::kHuber ? float(rng.uniform(-3.0, 3.0)) : (c.outputs == 1 ? float(b % 2) : float(o == k));
    }
    ForwardCache cache;
    net.prepare(cache, batch);
    cache.input() = x;
    net.forward(cache);
    Matrix g = Matrix::from_shape({c.outputs, batch});
    loss_gradient(c.loss, cache.output().data(), t.data(), g.data(), t.size(), 1.0f / float(batch));
    std::vector<float> grads(net.params().size(), 0.0f);
    net.backward(cache, g, grads, gradient_is_wrt_logits(c.loss));
    for (std::size_t i = 0; i < net.params().size(); ++i) {
      const float saved = net.params()[i], h = 4e-3f;
      net.params()[i] = saved + h;
      const double up = mean_loss(net, x, t, c.loss);
      net.params()[i] = saved - h;
      const double down = mean_loss(net, x, t, c.loss);
      net.params()[i] = saved;
      INFO("parameter " << i);
      CHECK(gradient_matches(grads[i], (up - down) / (2.0 * h)));
    }
  }
}

TEST_CASE("Glorot and He initialisations stay inside their limits with zero biases") {
  Rng rng(5);
  Network net(2, {64, 8}, 1, Activation::kRelu, Activation::kTanh);
  net.init(Init::kHe, rng);
  const LayerShape& second = net.layers()[1];  // 64 -> 8: He limit sqrt(6 / 64)
  float top = 0.0f;
  for (std::size_t i = 0; i < 64 * 8; ++i) top = std::max(top, std::fabs(net.params()[second.w_offset + i]));
  CHECK(top <= std::sqrt(6.0f / 64.0f));
  CHECK(top > 0.8f * std::sqrt(6.0f / 64.0f));
  CHECK(net.params()[second.b_offset] == 0.0f);
  net.init(Init::kGlorot, rng);
  top = 0.0f;
  for (std::size_t i = 0; i < 64 * 8; ++i) top = std::max(top, std::fabs(net.params()[second.w_offset + i]));
  CHECK(top <= std::sqrt(6.0f / 72.0f));
}
