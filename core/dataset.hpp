#pragma once
// The Playground's data generators and input features. Points live in [-6, 6]^2; classification
// labels are -1 / +1, regression targets lie in [-1, 1].
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rng.hpp"
#include "tensor.hpp"

namespace nnplay {

// Half the plot's side: points, the grid and the heat map cover [-kPlotExtent, kPlotExtent]^2.
constexpr float kPlotExtent = 6.0f;
// The largest regression target: the Playground's plane, (x + y) / 10, reaches 1.2 at the corners.
constexpr float kMaxTarget = 1.2f;

struct Sample {
  float x = 0, y = 0, label = 0;
};

enum class DatasetKind {
  kCircle, kXor, kGauss, kSpiral, kRegPlane, kRegGauss,  // the Playground's
  kMoons, kCheckerboard, kSine, kCubic, kAbs,            // ours: two moons, a board, y = f(x) boundaries
  kFashion,                                              // clothing images (images.hpp), not points
};

// "circle" | "xor" | "gauss" | "spiral" | "reg-plane" | "reg-gauss" | "moons" | "checkerboard" |
// "sine" | "cubic" | "abs" | "fashion" -> DatasetKind.
std::optional<DatasetKind> parse_dataset(std::string_view name);
const char* dataset_name(DatasetKind kind);
bool is_regression(DatasetKind kind);
// Whether the generator can make `classes` classes: all make two; circle (rings), gauss (blobs),
// spiral (arms) and checkerboard make up to six.
bool supports_classes(DatasetKind kind, int classes);
// The Playground's sample counts: 500 for classification, 1200 for regression.
std::size_t default_sample_count(DatasetKind kind);

// Draws `count` samples. noise is the Playground's fraction (its slider value / 100). With two
// classes labels are -1 / +1 (and the Playground's four data sets are drawn exactly as it draws
// them); with more, labels are the class index 0 .. classes - 1.
std::vector<Sample> generate_samples(DatasetKind kind, std::size_t count, double noise, Rng& rng,
                                     int classes = 2);

// Fisher-Yates shuffle, then the first perc_train percent become the training set.
struct TrainTestSplit {
  std::vector<Sample> train, test;
};
TrainTestSplit shuffle_and_split(std::vector<Sample> samples, int perc_train, Rng& rng);

// The seven input features, in the Playground's order.
enum class Feature { kX, kY, kXSquared, kYSquared, kXTimesY, kSinX, kSinY };
constexpr std::size_t kFeatureCount = 7;
using FeatureSet = std::array<bool, kFeatureCount>;
// URL-hash key of each feature, in Feature's order.
inline constexpr const char* kFeatureKeys[kFeatureCount] = {"x",       "y",    "xSquared", "ySquared",
                                                            "xTimesY", "sinX", "sinY"};
inline const char* feature_key(Feature f) { return kFeatureKeys[static_cast<std::size_t>(f)]; }
std::size_t enabled_count(const FeatureSet& features);

// A data set's points [samples, 2] (x, y) and labels [samples].
Matrix sample_points(const std::vector<Sample>& samples);
Vector sample_labels(const std::vector<Sample>& samples);

// Fills out [enabled features, samples] (feature-major) from points [samples, 2].
void feature_rows(const FeatureSet& features, const Matrix& points, Matrix& out);

}  // namespace nnplay
