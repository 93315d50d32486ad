#include <catch2/catch.hpp>

#include <cmath>

#include "dataset.hpp"

using namespace nnplay;

namespace {
std::vector<Sample> make(DatasetKind kind, double noise = 0.0, std::uint32_t seed = 1) {
  Rng rng(seed);
  return generate_samples(kind, default_sample_count(kind), noise, rng);
}
int count_label(const std::vector<Sample>& s, float label) {
  int n = 0;
  for (const auto& p : s) n += p.label == label;
  return n;
}
}  // namespace

TEST_CASE("datasets have the Playground's sizes and stay inside [-6, 6]^2") {
  for (auto kind : {DatasetKind::kCircle, DatasetKind::kXor, DatasetKind::kGauss, DatasetKind::kSpiral,
                    DatasetKind::kRegPlane, DatasetKind::kRegGauss}) {
    INFO(dataset_name(kind));
    const auto s = make(kind);
    CHECK(s.size() == (is_regression(kind) ? 1200u : 500u));
    for (const auto& p : s) {
      CHECK(std::abs(p.x) <= 6.0f);
      CHECK(std::abs(p.y) <= 6.0f);
      // The plane's target is (x + y) / 10 unclamped, as in the Playground: up to 1.2.
      CHECK(std::abs(p.label) <= (kind == DatasetKind::kRegPlane ? 1.2f : 1.0f));
    }
    CHECK(parse_dataset(dataset_name(kind)) == kind);
  }
}

TEST_CASE("without noise, circle labels say inside radius 2.5 and the classes are balanced") {
  const auto s = make(DatasetKind::kCircle);
  CHECK(count_label(s, 1.0f) == 250);
  for (const auto& p : s) CHECK((std::hypot(p.x, p.y) < 2.5f) == (p.label > 0));
}

TEST_CASE("circle noise flips labels near the ring but does not move points") {
  const auto clean = make(DatasetKind::kCircle, 0.0, 5);
  const auto noisy = make(DatasetKind::kCircle, 0.5, 5);
  REQUIRE(clean.size() == noisy.size());
  int flipped = 0, moved = 0, relabelled = 0;
  for (std::size_t i = 0; i < noisy.size(); ++i) {
    const Sample& p = noisy[i];
    flipped += (std::hypot(p.x, p.y) < 2.5f) != (p.label > 0);
    // The same seed draws the same positions: noise only shifts the radius the label is read at.
    moved += p.x != clean[i].x || p.y != clean[i].y;
    relabelled += p.label != clean[i].label;
    CHECK(std::hypot(p.x, p.y) <= 5.0f);
  }
  CHECK(flipped > 10);
  CHECK(moved == 0);
  CHECK(relabelled == flipped);  // every flip is a label change of a point left where it was
}

TEST_CASE("xor labels are the sign of x * y and points keep away from the axes") {
  for (const auto& p : make(DatasetKind::kXor)) {
    CHECK((p.x * p.y >= 0) == (p.label > 0));
    CHECK(std::abs(p.x) >= 0.3f);
  }
}

TEST_CASE("gauss blobs centre on (2, 2) and (-2, -2)") {
  double sx = 0, sy = 0;
  int n = 0;
  for (const auto& p : make(DatasetKind::kGauss))
    if (p.label > 0) sx += p.x, sy += p.y, ++n;
  CHECK(sx / n == Approx(2.0).margin(0.2));
  CHECK(sy / n == Approx(2.0).margin(0.2));
}

TEST_CASE("spiral arms have radius up to 5 and opposite labels") {
  // Without noise the two arms are point reflections of each other through the origin (half a
  // turn apart), and each arm has one label: point i of the +1 arm mirrors point i of the -1 arm.
  const auto s = make(DatasetKind::kSpiral);
  CHECK(count_label(s, 1.0f) == 250);
  CHECK(count_label(s, -1.0f) == 250);
  for (const auto& p : s) CHECK(std::hypot(p.x, p.y) < 5.0f);
  for (std::size_t i = 0; i < 250; ++i) {
    const Sample& a = s[i];
    const Sample& b = s[250 + i];
    CHECK(a.label == 1.0f);
    CHECK(b.label == -1.0f);
    CHECK(b.x == Approx(-a.x).margin(1e-5));
    CHECK(b.y == Approx(-a.y).margin(1e-5));
  }
}

TEST_CASE("the noiseless regression plane's target is (x + y) / 10") {
  for (const auto& p : make(DatasetKind::kRegPlane)) CHECK(p.label == Approx((p.x + p.y) / 10.0f).margin(1e-5));
}

TEST_CASE("the same seed gives the same data and another seed different data") {
  const auto a = make(DatasetKind::kSpiral, 0.3, 42), b = make(DatasetKind::kSpiral, 0.3, 42);
  const auto c = make(DatasetKind::kSpiral, 0.3, 43);
  bool same = true, differs = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    same = same && a[i].x == b[i].x && a[i].y == b[i].y && a[i].label == b[i].label;
    differs = differs || a[i].x != c[i].x;
  }
  CHECK(same);
  CHECK(differs);
}

TEST_CASE("the split puts the given percentage into training") {
  Rng rng(9);
  auto split = shuffle_and_split(make(DatasetKind::kXor), 70, rng);
  CHECK(split.train.size() == 350);
  CHECK(split.test.size() == 150);
}

TEST_CASE("feature rows hold the enabled features in the Playground's order") {
  const Matrix points{{1.0f, 3.0f}, {-2.0f, 0.5f}};
  FeatureSet f{};
  f[size_t(Feature::kY)] = f[size_t(Feature::kXSquared)] = f[size_t(Feature::kXTimesY)] =
      f[size_t(Feature::kSinX)] = true;
  Matrix out;
  feature_rows(f, points, out);
  REQUIRE(out.shape(0) == 4);
  CHECK(out(0, 1) == 0.5f);                         // y
  CHECK(out(1, 1) == 4.0f);                         // x^2
  CHECK(out(2, 0) == 3.0f);                         // x y
  CHECK(out(3, 1) == Approx(std::sin(-2.0f)));      // sin x
}

TEST_CASE("multi-class generators make every class, in near-equal shares") {
  for (auto kind : {DatasetKind::kCircle, DatasetKind::kGauss, DatasetKind::kSpiral, DatasetKind::kCheckerboard})
    for (int classes = 3; classes <= 6; ++classes) {
      INFO(dataset_name(kind) << " with " << classes << " classes");
      Rng rng(2);
      const auto s = generate_samples(kind, 600, 0.0, rng, classes);
      REQUIRE(s.size() == 600);
      std::vector<int> counts(classes, 0);
      for (const auto& p : s) {
        REQUIRE(p.label >= 0.0f);
        REQUIRE(p.label < float(classes));
        ++counts[int(p.label)];
        CHECK(std::abs(p.x) <= 6.0f);
      }
      for (int c : counts) CHECK(c >= (kind == DatasetKind::kCheckerboard ? 40 : 99));
      CHECK(supports_classes(kind, classes));
    }
  CHECK_FALSE(supports_classes(DatasetKind::kXor, 3));
  CHECK_FALSE(supports_classes(DatasetKind::kRegPlane, 2));
}

TEST_CASE("ring k of K holds radii in its own band without noise") {
  Rng rng(4);
  for (const auto& p : generate_samples(DatasetKind::kCircle, 300, 0.0, rng, 3)) {
    const float r = std::hypot(p.x, p.y);
    CHECK(int(r / (5.0f / 3.0f)) == int(p.label));
  }
}

TEST_CASE("boundary data sets label points above y = f(x) as +1") {
  Rng rng(6);
  for (const auto& p : generate_samples(DatasetKind::kSine, 300, 0.0, rng))
    CHECK((p.y > 3.0f * std::sin(p.x)) == (p.label > 0));
  for (const auto& p : generate_samples(DatasetKind::kCubic, 300, 0.0, rng))
    CHECK((p.y > p.x * p.x * p.x / 20.0f) == (p.label > 0));
  for (const auto& p : generate_samples(DatasetKind::kAbs, 300, 0.0, rng))
    CHECK((p.y > std::abs(p.x) - 2.5f) == (p.label > 0));
}

TEST_CASE("two moons are balanced and checkerboard squares alternate") {
  Rng rng(8);
  const auto moons = generate_samples(DatasetKind::kMoons, 400, 0.0, rng);
  CHECK(count_label(moons, 1.0f) == 200);
  for (const auto& p : generate_samples(DatasetKind::kCheckerboard, 400, 0.0, rng)) {
    const int cx = int(std::floor((p.x + 5.0f) / 2.5f)), cy = int(std::floor((p.y + 5.0f) / 2.5f));
    CHECK(((cx + cy) % 2 == 1) == (p.label > 0));
  }
}
