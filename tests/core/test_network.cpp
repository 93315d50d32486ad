#include <catch2/catch.hpp>

#include <cmath>
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

  for (auto hidden : {Activation::kRelu, Activation::kTanh, Activation::kSigmoid, Activation::kLinear})
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
        const float h = 1e-3f;
        net.params()[i] = saved + h;
        const double up = batch_loss(net, x, t);
        net.params()[i] = saved - h;
        const double down = batch_loss(net, x, t);
        net.params()[i] = saved;
        INFO("parameter " << i);
        CHECK(grads[i] == Approx((up - down) / (2.0 * h)).margin(2e-3).epsilon(0.03));
      }
    }
}
