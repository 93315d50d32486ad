#include <catch2/catch.hpp>

#include <vector>

#include "kernels.hpp"
#include "network.hpp"
#include "random_values.hpp"
#include "rng.hpp"

using namespace nnplay;

TEST_CASE("dense forward agrees with a naive double-precision loop") {
  Rng rng(7);
  for (auto [out, in, batch] : {std::tuple{1, 1, 1}, {8, 2, 10}, {3, 7, 33}, {64, 64, 17}}) {
    auto W = random_values(rng, out * in), b = random_values(rng, out), x = random_values(rng, in * batch);
    std::vector<float> z(out * batch);
    dense_forward(W.data(), b.data(), x.data(), z.data(), out, in, batch, batch);
    for (int o = 0; o < out; ++o)
      for (int n = 0; n < batch; ++n) {
        double ref = b[o];
        for (int i = 0; i < in; ++i) ref += double(W[o * in + i]) * x[i * batch + n];
        CHECK(z[o * batch + n] == Approx(ref).margin(1e-5));
      }
  }
}

TEST_CASE("dense backward agrees with a naive double-precision loop") {
  Rng rng(11);
  for (auto [out, in, batch] : {std::tuple{1, 1, 1}, {8, 2, 10}, {5, 9, 31}, {64, 64, 12}}) {
    auto W = random_values(rng, out * in), x = random_values(rng, in * batch);
    auto dz = random_values(rng, out * batch);
    std::vector<float> dW(out * in, 0.5f), db(out, 0.25f), dx(in * batch, 99.0f);
    dense_backward(W.data(), x.data(), dz.data(), dW.data(), db.data(), dx.data(), out, in, batch);
    for (int o = 0; o < out; ++o) {
      double ref_b = 0.25;
      for (int n = 0; n < batch; ++n) ref_b += dz[o * batch + n];
      CHECK(db[o] == Approx(ref_b).margin(1e-5));
      for (int i = 0; i < in; ++i) {
        double ref = 0.5;  // dW accumulates onto what it held
        for (int n = 0; n < batch; ++n) ref += double(dz[o * batch + n]) * x[i * batch + n];
        CHECK(dW[o * in + i] == Approx(ref).margin(1e-5));
      }
    }
    for (int i = 0; i < in; ++i)
      for (int n = 0; n < batch; ++n) {
        double ref = 0.0;  // dx is overwritten, not accumulated
        for (int o = 0; o < out; ++o) ref += double(W[o * in + i]) * dz[o * batch + n];
        CHECK(dx[i * batch + n] == Approx(ref).margin(1e-5));
      }
  }
}

TEST_CASE("dense forward on a block of columns touches only that block") {
  Rng rng(5);
  const std::size_t out = 3, in = 4, ld = 9, start = 2, count = 5;
  auto W = random_values(rng, out * in), b = random_values(rng, out), x = random_values(rng, in * ld);
  std::vector<float> z(out * ld, 42.0f), full(out * ld);
  dense_forward(W.data(), b.data(), x.data(), full.data(), out, in, ld, ld);
  dense_forward(W.data(), b.data(), x.data() + start, z.data() + start, out, in, count, ld);
  for (std::size_t o = 0; o < out; ++o)
    for (std::size_t n = 0; n < ld; ++n) {
      if (n >= start && n < start + count) CHECK(z[o * ld + n] == full[o * ld + n]);
      else CHECK(z[o * ld + n] == 42.0f);
    }
}

TEST_CASE("a grid-sized batch gives the same outputs in blocks as sample by sample") {
  Rng rng(9);
  Network net(3, {7, 5}, 4, Activation::kTanh, Activation::kSoftmax);
  net.init_uniform(rng, 1.0f, 0.1f);
  const std::size_t batch = 700;  // several blocks and a partial one
  ForwardCache big, one;
  net.prepare(big, batch);
  for (auto& v : big.input()) v = float(rng.uniform(-3.0, 3.0));
  net.forward(big);
  net.prepare(one, 1);
  for (std::size_t n = 0; n < batch; n += 37) {
    for (std::size_t i = 0; i < 3; ++i) one.input()(i, 0) = big.input()(i, n);
    net.forward(one);
    for (std::size_t k = 0; k < 4; ++k) CHECK(big.output()(k, n) == Approx(one.output()(k, 0)).epsilon(1e-5));
  }
}
