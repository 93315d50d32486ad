// The grid runs in one pass when every unit's map fits in kMaxGridValues and in tiles of about
// kGridTile points otherwise; both give what a single point's forward pass gives.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "session.hpp"

using namespace nnplay;

TEST_CASE("a grid equals one point's forward pass at every point") {
  Session s;
  s.configure("seed=3&networkShape=5,3&activation=relu&numClasses=3&xSquared=true");
  s.train_epochs(3);
  for (int n : {64, 50}) {
    INFO(n);
    s.evaluate_grid(n);
    const std::size_t count = std::size_t(n) * std::size_t(n);
    const std::vector<float> maps(s.grid().begin(), s.grid().end());
    const float* out = s.evaluate_grid_output(n);
    const std::size_t first_output = maps.size() - 3 * count;
    std::size_t checked = 0;
    for (std::size_t i = 0; i < count; i += 37) {
      const float x = -kPlotExtent + 2 * kPlotExtent * float(i % n) / float(n - 1);
      const float y = kPlotExtent - 2 * kPlotExtent * float(i / n) / float(n - 1);
      const auto& trace = s.trace_point(x, y, 0.0f);
      for (std::size_t k = 0; k < 3; ++k) {
        const float expected = trace.activations[trace.activations.size() - 3 + k];
        CHECK(out[k * count + i] == Approx(expected).margin(1e-6));
        CHECK(maps[first_output + k * count + i] == out[k * count + i]);
      }
      // A hidden unit's map too: layer 1's first unit comes after the 3 inputs.
      CHECK(maps[3 * count + i] == Approx(trace.activations[3]).margin(1e-6));
      ++checked;
    }
    CHECK(checked > 60);
  }
}

TEST_CASE("a grid of every unit's map is refused beyond kMaxGridValues; the output grid is not") {
  Session s;
  s.configure("networkShape=64,64,64,64,64,64,64,64&numClasses=6&dataset=gauss&xSquared=true&ySquared=true"
              "&xTimesY=true&sinX=true&sinY=true");
  // 7 inputs + 512 hidden + 6 outputs = 525 units; 126^2 * 525 fits in 8 Mi values, 127^2 does not.
  CHECK_THROWS_WITH(s.evaluate_grid(256), "grid size: \"256\" is out of range for 525 units; allowed 2 to 126");
  CHECK_THROWS_WITH(s.evaluate_grid(127), "grid size: \"127\" is out of range for 525 units; allowed 2 to 126");
  s.evaluate_grid(126);
  CHECK(s.grid().size() == 525u * 126 * 126);
  s.train_epochs(1);
  // Output-only at 256: 525 maps would not fit, so it runs in tiles (32 of 2048 points).
  const std::size_t count = 256 * 256;
  const float* tiled = s.evaluate_grid_output(256);
  const std::vector<float> out(tiled, tiled + 6 * count);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < count; i += 1021) {
    const float x = -kPlotExtent + 2 * kPlotExtent * float(i % 256) / 255.0f;
    const float y = kPlotExtent - 2 * kPlotExtent * float(i / 256) / 255.0f;
    const auto& trace = s.trace_point(x, y, 0.0f);
    for (std::size_t k = 0; k < 6; ++k)
      CHECK(out[k * count + i] == Approx(trace.activations[trace.activations.size() - 6 + k]).margin(1e-5));
    ++checked;
  }
  CHECK(checked > 60);
}

TEST_CASE("grid maps and the forward cache start on a 64-byte line whatever was allocated before") {
  // The kernels' 16-byte loads split across cache lines when a buffer starts off a line; the
  // grid's maps are 5 MB here, which the native malloc places 16 bytes into a fresh mapping.
  const auto line_offset = [](const void* p) { return reinterpret_cast<std::uintptr_t>(p) % 64; };
  std::vector<std::vector<char>> clutter;
  for (std::size_t bytes : {1u, 24u, 40u, 1000u, 70000u}) {
    INFO(bytes);
    clutter.emplace_back(bytes);
    Session s;
    s.configure("seed=5&networkShape=64,64&batchSize=10");
    s.train_epochs(1);
    s.evaluate_grid(100);
    CHECK(line_offset(s.grid().data()) == 0);
    // Every layer's maps then start on a 16-byte boundary (100 x 100 floats per map).
    for (std::size_t l = 0; l < s.unit_counts().size(); ++l) CHECK(line_offset(s.grid_layer(l).data) % 16 == 0);
    // The tiled output-only pass (its maps would not fit) and its copy of the outputs.
    CHECK(line_offset(s.evaluate_grid_output(kMaxGridSize)) == 0);
    // A training batch's activations, sums and deltas.
    const Network net(2, {64, 64}, 1, Activation::kTanh, Activation::kTanh);
    ForwardCache cache;
    net.prepare(cache, 10, true);
    for (const auto* set : {&cache.a, &cache.z, &cache.delta})
      for (const Matrix& m : *set) CHECK(line_offset(m.data()) == 0);
  }
}
