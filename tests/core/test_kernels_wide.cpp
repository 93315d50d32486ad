#include <catch2/catch.hpp>

#include <algorithm>
#include <tuple>
#include <vector>

#include "kernels.hpp"
#include "network.hpp"
#include "random_values.hpp"
#include "rng.hpp"

using namespace nnplay;

namespace {
// Shapes that reach every block and tail: 4-unit blocks and single units, sample pairs and an
// odd one, 8- and 4-input blocks and scalar inputs (131 = 16 * 8 + 3, 196 = 24 * 8 + 4).
const std::tuple<std::size_t, std::size_t, std::size_t, std::size_t> kShapes[] = {
    {64, 784, 10, 12}, {7, 131, 5, 8}, {10, 196, 33, 36}, {1, 4, 1, 1}, {3, 9, 2, 4}};
}  // namespace

TEST_CASE("wide forward agrees with a naive double-precision loop and fills padding with the biases") {
  Rng rng(5);
  for (auto [out, in, used, batch] : kShapes) {
    const std::size_t ld = batch + 3;  // a block of columns inside wider rows
    auto W = random_values(rng, out * in), b = random_values(rng, out), x = random_values(rng, in * ld);
    std::vector<float> xt(used * in), z(out * ld, 99.0f);
    transpose_columns(x.data(), in, used, ld, xt.data());
    wide_forward(W.data(), b.data(), xt.data(), z.data(), out, in, used, batch, ld);
    for (std::size_t o = 0; o < out; ++o) {
      for (std::size_t n = 0; n < used; ++n) {
        double ref = b[o];
        for (std::size_t i = 0; i < in; ++i) ref += double(W[o * in + i]) * x[i * ld + n];
        CHECK(z[o * ld + n] == Approx(ref).margin(2e-5));
      }
      for (std::size_t n = used; n < batch; ++n) CHECK(z[o * ld + n] == b[o]);
      for (std::size_t n = batch; n < ld; ++n) CHECK(z[o * ld + n] == 99.0f);  // outside the block: untouched
    }
  }
}

TEST_CASE("wide weight gradient adds dz . x^T over the used samples only") {
  Rng rng(9);
  for (auto [out, in, used, batch] : kShapes) {
    auto x = random_values(rng, in * batch), dz = random_values(rng, out * batch);
    std::vector<float> xt(used * in), dW(out * in, 0.5f), db(out, 0.25f);
    transpose_columns(x.data(), in, used, batch, xt.data());
    wide_weight_grad(xt.data(), dz.data(), dW.data(), db.data(), out, in, used, batch);
    for (std::size_t o = 0; o < out; ++o) {
      double ref_b = 0.25;
      for (std::size_t n = 0; n < used; ++n) ref_b += dz[o * batch + n];
      CHECK(db[o] == Approx(ref_b).margin(1e-5));
      for (std::size_t i = 0; i < in; ++i) {
        double ref = 0.5;  // accumulates onto what it held
        for (std::size_t n = 0; n < used; ++n) ref += double(dz[o * batch + n]) * x[i * batch + n];
        CHECK(dW[o * in + i] == Approx(ref).margin(1e-5));
      }
    }
  }
}

TEST_CASE("a wide network's pass matches the column kernels' pass, padded or not, in one block or many") {
  Rng rng(3);
  Network net(200, {6}, 3, Activation::kTanh, Activation::kSoftmax);
  net.init(Init::kGlorot, rng);
  for (std::size_t batch : {12, 300}) {
    const std::size_t used = batch - 2;
    ForwardCache cache;
    net.prepare(cache, batch);
    cache.used = used;
    auto x = random_values(rng, 200 * batch);
    for (std::size_t i = 0; i < 200; ++i)
      for (std::size_t n = used; n < batch; ++n) x[i * batch + n] = 0.0f;  // padding: zero inputs
    std::copy(x.begin(), x.end(), cache.input().data());
    net.forward(cache);
    Matrix dz = Matrix::from_shape({3, batch});
    for (std::size_t k = 0; k < 3 * batch; ++k) dz.data()[k] = (k % batch) < used ? float(k % 7) * 0.1f - 0.3f : 0.0f;
    std::vector<float> grads(net.params().size(), 0.0f);
    net.backward(cache, dz, grads, true);
    // The reference: the first layer through dense_forward / dense_backward on the same numbers.
    const LayerShape& s = net.layers()[0];
    const float* p = net.params().data();
    std::vector<float> z(s.out * batch), dW(s.out * s.in, 0.0f), db(s.out, 0.0f);
    dense_forward(p + s.w_offset, p + s.b_offset, x.data(), z.data(), s.out, s.in, batch, batch);
    for (std::size_t k = 0; k < z.size(); ++k) CHECK(cache.z[0].data()[k] == Approx(z[k]).margin(1e-5));
    dense_backward(p + s.w_offset, x.data(), cache.delta[0].data(), dW.data(), db.data(), nullptr, s.out, s.in, batch);
    for (std::size_t k = 0; k < dW.size(); ++k) CHECK(grads[s.w_offset + k] == Approx(dW[k]).margin(1e-5));
    for (std::size_t k = 0; k < db.size(); ++k) CHECK(grads[s.b_offset + k] == Approx(db[k]).margin(1e-5));
  }
}

TEST_CASE("GradientMode::kWrite writes what kAdd adds onto zeros, whatever the buffer held, in the kernel and the network") {
  Rng rng(13);
  for (auto [out, in, used, batch] : kShapes) {
    auto x = random_values(rng, in * batch), dz = random_values(rng, out * batch);
    std::vector<float> xt(used * in);
    transpose_columns(x.data(), in, used, batch, xt.data());
    std::vector<float> dW_add(out * in, 0.0f), db_add(out, 0.0f), dW_write(out * in, 7.0f), db_write(out, -7.0f);
    wide_weight_grad(xt.data(), dz.data(), dW_add.data(), db_add.data(), out, in, used, batch);
    wide_weight_grad(xt.data(), dz.data(), dW_write.data(), db_write.data(), out, in, used, batch, GradientMode::kWrite);
    CHECK(dW_write == dW_add);
    CHECK(db_write == db_add);
    CHECK(db_write == db_add);
  }
  // Whole networks: a wide first layer (the kernel's kWrite) and column layers (cleared, then added).
  for (std::size_t inputs : {std::size_t(2), std::size_t(200)}) {
    Network net(inputs, {6, 5}, 3, Activation::kTanh, Activation::kLinear);
    net.init_uniform(rng);
    ForwardCache cache;
    net.prepare(cache, 8);
    cache.input() = xt::adapt(random_values(rng, inputs * 8), {inputs, std::size_t(8)});
    net.forward(cache);
    Matrix grad_out = xt::adapt(random_values(rng, 3 * 8), {std::size_t(3), std::size_t(8)});
    std::vector<float> added(net.params().size(), 0.0f), written(net.params().size(), 3.0f);
    net.backward(cache, grad_out, added);
    net.backward(cache, grad_out, written, false, GradientMode::kWrite);
    CHECK(written == added);
  }
}
