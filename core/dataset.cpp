#include "dataset.hpp"

#include <algorithm>
#include <cmath>

#include <xtensor/xmath.hpp>

namespace nnplay {

namespace {

constexpr double kPi = 3.141592653589793;

struct DatasetEntry {
  DatasetKind kind;
  const char* name;
};
constexpr DatasetEntry kDatasets[] = {
    {DatasetKind::kCircle, "circle"},       {DatasetKind::kXor, "xor"},
    {DatasetKind::kGauss, "gauss"},         {DatasetKind::kSpiral, "spiral"},
    {DatasetKind::kRegPlane, "reg-plane"},  {DatasetKind::kRegGauss, "reg-gauss"},
    {DatasetKind::kMoons, "moons"},         {DatasetKind::kCheckerboard, "checkerboard"},
    {DatasetKind::kSine, "sine"},           {DatasetKind::kCubic, "cubic"},
    {DatasetKind::kAbs, "abs"},             {DatasetKind::kFashion, "fashion"}};

float sign_label(bool positive) { return positive ? 1.0f : -1.0f; }

// Class k of `classes` as a label: -1 / +1 for two classes, the index otherwise.
float class_label(int k, int classes) {
  return classes == 2 ? sign_label(k == 1) : static_cast<float>(k);
}

// Points of each class in turn: the first count % classes classes get one more.
std::size_t class_share(std::size_t count, int classes, int k) {
  return count / classes + (static_cast<std::size_t>(k) < count % classes ? 1 : 0);
}

// K concentric rings of equal width out to radius 5 with small gaps between them; noise shifts
// the radius used for the label, as the Playground's circle does.
void rings(std::size_t count, double noise, int classes, Rng& rng, std::vector<Sample>& out) {
  const double width = 5.0 / classes;
  for (int k = 0; k < classes; ++k)
    for (std::size_t i = 0, n = class_share(count, classes, k); i < n; ++i) {
      const double r = rng.uniform(k * width + 0.1 * width, (k + 1) * width - 0.1 * width);
      const double angle = rng.uniform(0.0, 2.0 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = rng.uniform(-5.0, 5.0) * noise, ny = rng.uniform(-5.0, 5.0) * noise;
      const int ring = std::clamp(static_cast<int>(std::hypot(x + nx, y + ny) / width), 0, classes - 1);
      out.push_back({float(x), float(y), class_label(ring, classes)});
    }
}

// K Gaussian blobs with centres on a circle of radius 3.5; noise sets the variance as for gauss.
void blobs(std::size_t count, double noise, int classes, Rng& rng, std::vector<Sample>& out) {
  const double sd = std::sqrt(0.5 + (std::min(noise, 0.5) / 0.5) * 3.5) * 0.6;
  for (int k = 0; k < classes; ++k) {
    const double angle = 2.0 * kPi * k / classes + kPi / 4.0;
    const double cx = 3.5 * std::cos(angle), cy = 3.5 * std::sin(angle);
    for (std::size_t i = 0, n = class_share(count, classes, k); i < n; ++i) {
      const double x = std::clamp(cx + sd * rng.normal(), -6.0, 6.0);
      const double y = std::clamp(cy + sd * rng.normal(), -6.0, 6.0);
      out.push_back({float(x), float(y), class_label(k, classes)});
    }
  }
}

// K spiral arms a 2 pi / K apart, each drawn like the Playground's two arms.
void arms(std::size_t count, double noise, int classes, Rng& rng, std::vector<Sample>& out) {
  for (int k = 0; k < classes; ++k) {
    const std::size_t n = class_share(count, classes, k);
    const double delta = 2.0 * kPi * k / classes;
    for (std::size_t i = 0; i < n; ++i) {
      const double r = double(i) / double(n) * 5.0;
      const double t = 1.75 * double(i) / double(n) * 2.0 * kPi + delta;
      const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * noise;
      out.push_back({float(x), float(y), class_label(k, classes)});
    }
  }
}

// A 4 x 4 board of 2.5-wide squares over [-5, 5]^2; square (i, j) has class (i + j) mod K,
// taken at a noise-shifted position.
void checkerboard(std::size_t count, double noise, int classes, Rng& rng, std::vector<Sample>& out) {
  for (std::size_t i = 0; i < count; ++i) {
    const double x = rng.uniform(-5.0, 5.0), y = rng.uniform(-5.0, 5.0);
    const double px = x + rng.uniform(-2.5, 2.5) * noise, py = y + rng.uniform(-2.5, 2.5) * noise;
    const int cx = static_cast<int>(std::floor((px + 5.0) / 2.5));
    const int cy = static_cast<int>(std::floor((py + 5.0) / 2.5));
    const int k = ((cx + cy) % classes + classes) % classes;
    out.push_back({float(x), float(y), class_label(k, classes)});
  }
}

// Two interleaved half circles of radius 3; noise jitters positions by a Gaussian of sd 1.5 * noise.
void moons(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  for (int k = 0; k < 2; ++k)
    for (std::size_t i = 0, n = class_share(count, 2, k); i < n; ++i) {
      const double t = rng.uniform(0.0, kPi);
      double x = 3.0 * std::cos(t) - 1.5, y = 3.0 * std::sin(t) - 0.75;
      if (k == 1) x = 1.5 - 3.0 * std::cos(t), y = 0.75 - 3.0 * std::sin(t);
      x += 1.5 * noise * rng.normal();
      y += 1.5 * noise * rng.normal();
      out.push_back({float(std::clamp(x, -6.0, 6.0)), float(std::clamp(y, -6.0, 6.0)), class_label(k, 2)});
    }
}

// Points above or below the curve y = f(x), judged at a noise-shifted position.
template <typename F>
void boundary(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out, F f) {
  for (std::size_t i = 0; i < count; ++i) {
    const double x = rng.uniform(-5.0, 5.0), y = rng.uniform(-5.0, 5.0);
    const double px = x + rng.uniform(-5.0, 5.0) * noise, py = y + rng.uniform(-5.0, 5.0) * noise;
    out.push_back({float(x), float(y), sign_label(py > f(px))});
  }
}

// Two rings: half the points inside r < 2.5, half in 3.5 < r < 5. Noise shifts the position
// used for the label only, so labels near the boundary flip while points stay put.
void circle(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  const double radius = 5.0;
  auto ring = [&](double r_min, double r_max, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const double r = rng.uniform(r_min, r_max);
      const double angle = rng.uniform(0.0, 2.0 * kPi);
      const double x = r * std::sin(angle), y = r * std::cos(angle);
      const double nx = rng.uniform(-radius, radius) * noise;
      const double ny = rng.uniform(-radius, radius) * noise;
      const bool inside = std::hypot(x + nx, y + ny) < radius * 0.5;
      out.push_back({float(x), float(y), sign_label(inside)});
    }
  };
  ring(0.0, radius * 0.5, count / 2);
  ring(radius * 0.7, radius, count - count / 2);
}

// Uniform in [-5, 5]^2 pushed 0.3 away from the axes; label = sign(x * y) of the shifted position.
void xor_quadrants(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  const double padding = 0.3;
  for (std::size_t i = 0; i < count; ++i) {
    double x = rng.uniform(-5.0, 5.0);
    x += x > 0 ? padding : -padding;
    double y = rng.uniform(-5.0, 5.0);
    y += y > 0 ? padding : -padding;
    const double nx = rng.uniform(-5.0, 5.0) * noise;
    const double ny = rng.uniform(-5.0, 5.0) * noise;
    out.push_back({float(x), float(y), sign_label((x + nx) * (y + ny) >= 0)});
  }
}

// Two isotropic Gaussians at (2, 2) -> +1 and (-2, -2) -> -1; noise 0..0.5 maps to variance 0.5..4.
void gauss(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  const double variance = 0.5 + (std::min(noise, 0.5) / 0.5) * 3.5;
  const double sd = std::sqrt(variance);
  auto blob = [&](double cx, double cy, float label, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const double x = cx + sd * rng.normal();
      const double y = cy + sd * rng.normal();
      out.push_back({float(x), float(y), label});
    }
  };
  blob(2.0, 2.0, 1.0f, count / 2);
  blob(-2.0, -2.0, -1.0f, count - count / 2);
}

// Two arms, r = 5 i / n and theta = 1.75 * 2 pi * i / n (+ pi for the second arm); noise jitters
// the positions.
void spiral(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  auto arm = [&](double delta, float label, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const double r = double(i) / double(n) * 5.0;
      const double t = 1.75 * double(i) / double(n) * 2.0 * kPi + delta;
      const double x = r * std::sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * std::cos(t) + rng.uniform(-1.0, 1.0) * noise;
      out.push_back({float(x), float(y), label});
    }
  };
  arm(0.0, 1.0f, count / 2);
  arm(kPi, -1.0f, count - count / 2);
}

// Target = (x + y) mapped from [-10, 10] to [-1, 1], taken at a noise-shifted position.
void reg_plane(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  const double radius = 6.0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
    const double nx = rng.uniform(-radius, radius) * noise;
    const double ny = rng.uniform(-radius, radius) * noise;
    out.push_back({float(x), float(y), float((x + nx + y + ny) / 10.0)});
  }
}

// Six bumps of alternating sign; the target is the bump value of largest magnitude,
// sign * clamp(1 - d / 2, 0, 1), taken at a noise-shifted position.
void reg_gauss(std::size_t count, double noise, Rng& rng, std::vector<Sample>& out) {
  struct Bump {
    double x, y, sign;
  };
  constexpr Bump kBumps[] = {{-4, 2.5, 1}, {0, 2.5, -1},  {4, 2.5, 1},
                             {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  const double radius = 6.0;
  for (std::size_t i = 0; i < count; ++i) {
    const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
    const double px = x + rng.uniform(-radius, radius) * noise;
    const double py = y + rng.uniform(-radius, radius) * noise;
    double label = 0.0;
    for (const Bump& b : kBumps) {
      const double d = std::hypot(px - b.x, py - b.y);
      const double value = b.sign * std::clamp(1.0 - d / 2.0, 0.0, 1.0);
      if (std::abs(value) > std::abs(label)) label = value;
    }
    out.push_back({float(x), float(y), float(label)});
  }
}

}  // namespace

std::optional<DatasetKind> parse_dataset(std::string_view name) {
  for (const auto& e : kDatasets)
    if (name == e.name) return e.kind;
  return std::nullopt;
}

const char* dataset_name(DatasetKind kind) {
  for (const auto& e : kDatasets)
    if (e.kind == kind) return e.name;
  return "?";
}

bool is_regression(DatasetKind kind) {
  return kind == DatasetKind::kRegPlane || kind == DatasetKind::kRegGauss;
}

bool supports_classes(DatasetKind kind, int classes) {
  if (is_regression(kind)) return false;
  if (classes == 2 || kind == DatasetKind::kFashion) return true;  // images take their classes from imageClasses
  return kind == DatasetKind::kCircle || kind == DatasetKind::kGauss || kind == DatasetKind::kSpiral ||
         kind == DatasetKind::kCheckerboard;
}

std::size_t default_sample_count(DatasetKind kind) { return is_regression(kind) ? 1200 : 500; }

std::vector<Sample> generate_samples(DatasetKind kind, std::size_t count, double noise, Rng& rng,
                                     int classes) {
  std::vector<Sample> out;
  out.reserve(count);
  const bool many = classes > 2;
  switch (kind) {
    case DatasetKind::kCircle: many ? rings(count, noise, classes, rng, out) : circle(count, noise, rng, out); break;
    case DatasetKind::kXor: xor_quadrants(count, noise, rng, out); break;
    case DatasetKind::kGauss: many ? blobs(count, noise, classes, rng, out) : gauss(count, noise, rng, out); break;
    case DatasetKind::kSpiral: many ? arms(count, noise, classes, rng, out) : spiral(count, noise, rng, out); break;
    case DatasetKind::kRegPlane: reg_plane(count, noise, rng, out); break;
    case DatasetKind::kRegGauss: reg_gauss(count, noise, rng, out); break;
    case DatasetKind::kMoons: moons(count, noise, rng, out); break;
    case DatasetKind::kCheckerboard: checkerboard(count, noise, std::max(classes, 2), rng, out); break;
    case DatasetKind::kSine: boundary(count, noise, rng, out, [](double x) { return 3.0 * std::sin(x); }); break;
    case DatasetKind::kCubic: boundary(count, noise, rng, out, [](double x) { return x * x * x / 20.0; }); break;
    case DatasetKind::kAbs: boundary(count, noise, rng, out, [](double x) { return std::abs(x) - 2.5; }); break;
    case DatasetKind::kFashion: break;  // images come from their asset (Session::add_image_class)
  }
  return out;
}

TrainTestSplit shuffle_and_split(std::vector<Sample> samples, int perc_train, Rng& rng) {
  for (std::size_t i = samples.size(); i > 1; --i) {
    const std::size_t j = rng.below(static_cast<std::uint32_t>(i));
    std::swap(samples[i - 1], samples[j]);
  }
  const std::size_t n_train = samples.size() * static_cast<std::size_t>(perc_train) / 100;
  TrainTestSplit split;
  split.train.assign(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(n_train));
  split.test.assign(samples.begin() + static_cast<std::ptrdiff_t>(n_train), samples.end());
  return split;
}

std::size_t enabled_count(const FeatureSet& features) {
  return static_cast<std::size_t>(std::count(features.begin(), features.end(), true));
}

Matrix sample_points(const std::vector<Sample>& samples) {
  Matrix points = Matrix::from_shape({samples.size(), 2});
  for (std::size_t i = 0; i < samples.size(); ++i) points(i, 0) = samples[i].x, points(i, 1) = samples[i].y;
  return points;
}

Vector sample_labels(const std::vector<Sample>& samples) {
  Vector labels = Vector::from_shape({samples.size()});
  for (std::size_t i = 0; i < samples.size(); ++i) labels(i) = samples[i].label;
  return labels;
}

namespace {
// dst = e, element by element: one small loop per expression type (a copy, a product, a sine),
// where xtensor's assignment to a view instantiated its whole assigner for each of them.
template <class E>
void write_row(float* dst, const E& e, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) dst[i] = e.data_element(i);
}
}  // namespace

void feature_rows(const FeatureSet& features, const Matrix& points, Matrix& out) {
  const std::size_t count = points.shape(0);
  ensure_shape(out, enabled_count(features), count);
  // The coordinates as contiguous vectors, so every row below is a flat 1-D expression.
  Vector x = Vector::from_shape({count});
  Vector y = Vector::from_shape({count});
  for (std::size_t i = 0; i < count; ++i) {
    x(i) = points(i, 0);
    y(i) = points(i, 1);
  }
  std::size_t row = 0;
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    if (!features[f]) continue;
    float* dst = out.data() + count * row++;  // row `row` of out
    switch (static_cast<Feature>(f)) {
      case Feature::kX: write_row(dst, x, count); break;
      case Feature::kY: write_row(dst, y, count); break;
      case Feature::kXSquared: write_row(dst, x * x, count); break;
      case Feature::kYSquared: write_row(dst, y * y, count); break;
      case Feature::kXTimesY: write_row(dst, x * y, count); break;
      case Feature::kSinX: write_row(dst, xt::sin(x), count); break;
      case Feature::kSinY: write_row(dst, xt::sin(y), count); break;
    }
  }
}

}  // namespace nnplay
