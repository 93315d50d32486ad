#include <catch2/catch.hpp>

#include <vector>

#include "kernels.hpp"
#include "rng.hpp"

using namespace nnplay;

namespace {
std::vector<float> random_values(Rng& rng, std::size_t n) {
  std::vector<float> v(n);
  for (auto& x : v) x = float(rng.uniform(-1.0, 1.0));
  return v;
}
}  // namespace

TEST_CASE("dense forward agrees with a naive double-precision loop") {
  Rng rng(7);
  for (auto [out, in, batch] : {std::tuple{1, 1, 1}, {8, 2, 10}, {3, 7, 33}, {64, 64, 17}}) {
    auto W = random_values(rng, out * in), b = random_values(rng, out), x = random_values(rng, in * batch);
    std::vector<float> z(out * batch);
    dense_forward(W.data(), b.data(), x.data(), z.data(), out, in, batch);
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
