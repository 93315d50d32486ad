#include "dataset.hpp"

#include <algorithm>
#include <cmath>

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
    {DatasetKind::kRegPlane, "reg-plane"},  {DatasetKind::kRegGauss, "reg-gauss"}};

float sign_label(bool positive) { return positive ? 1.0f : -1.0f; }

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

std::size_t default_sample_count(DatasetKind kind) { return is_regression(kind) ? 1200 : 500; }

std::vector<Sample> generate_samples(DatasetKind kind, std::size_t count, double noise, Rng& rng) {
  std::vector<Sample> out;
  out.reserve(count);
  switch (kind) {
    case DatasetKind::kCircle: circle(count, noise, rng, out); break;
    case DatasetKind::kXor: xor_quadrants(count, noise, rng, out); break;
    case DatasetKind::kGauss: gauss(count, noise, rng, out); break;
    case DatasetKind::kSpiral: spiral(count, noise, rng, out); break;
    case DatasetKind::kRegPlane: reg_plane(count, noise, rng, out); break;
    case DatasetKind::kRegGauss: reg_gauss(count, noise, rng, out); break;
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

const char* feature_key(Feature f) {
  constexpr const char* kKeys[kFeatureCount] = {"x",       "y",    "xSquared", "ySquared",
                                                "xTimesY", "sinX", "sinY"};
  return kKeys[static_cast<std::size_t>(f)];
}

std::size_t enabled_count(const FeatureSet& features) {
  return static_cast<std::size_t>(std::count(features.begin(), features.end(), true));
}

void feature_rows(const FeatureSet& features, const float* xs, const float* ys, std::size_t count,
                  Matrix& out) {
  ensure_shape(out, enabled_count(features), count);
  std::size_t row = 0;
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    if (!features[f]) continue;
    float* dst = out.data() + row * count;
    for (std::size_t i = 0; i < count; ++i) {
      const float x = xs[i], y = ys[i];
      switch (static_cast<Feature>(f)) {
        case Feature::kX: dst[i] = x; break;
        case Feature::kY: dst[i] = y; break;
        case Feature::kXSquared: dst[i] = x * x; break;
        case Feature::kYSquared: dst[i] = y * y; break;
        case Feature::kXTimesY: dst[i] = x * y; break;
        case Feature::kSinX: dst[i] = std::sin(x); break;
        case Feature::kSinY: dst[i] = std::sin(y); break;
      }
    }
    ++row;
  }
}

}  // namespace nnplay
