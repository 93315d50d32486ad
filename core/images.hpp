#pragma once
// Clothing images: Fashion-MNIST's ten classes (Xiao, Rasul and Vollgraf 2017; MIT licence), the
// fixed subset the page ships, and how an image becomes the network's inputs.
//
// The subset (written by tools/fashion_asset.cpp, one file per class): for each class, the first
// kImageTrainPerClass images of that class in train-images-idx3-ubyte, in file order, and the
// first kImageTestPerClass of that class in t10k-images-idx3-ubyte. Balanced by construction and
// the same on every build; the files' own order is already shuffled by the data set's authors.
// Pixels are kept at 32 grey levels (nearest of 0, 255/31, ..., 255) so that the gzipped asset
// holds 1.7x as many images within its budget (measured: 432 B per image gzipped at 256 levels,
// 252 at 32).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace nnplay {

constexpr int kImageClassCount = 10;
constexpr int kImageSide = 28;
constexpr std::size_t kImagePixels = std::size_t(kImageSide) * kImageSide;
constexpr int kImageTrainPerClass = 1250;
constexpr int kImageTestPerClass = 200;
constexpr int kImageGreyLevels = 32;

// Class k's setting key ("tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
// "sneaker", "bag", "boot") and display name ("T-shirt/top", ...), in Fashion-MNIST's label order.
const char* image_class_key(int k);
const char* image_class_name(int k);
// The class of a key, or -1.
int find_image_class(std::string_view key);

// The subset rule: for each class 0..classes-1, the indices of its first `per_class` labels in
// order. Throws ConfigError when a label is out of range or a class has fewer than per_class.
std::vector<std::vector<std::uint32_t>> first_of_each_class(const std::vector<std::uint8_t>& labels, int classes,
                                                            std::size_t per_class);

// One class's images as its asset file holds them: two idx arrays [count, 28, 28] in a row, the
// training images then the test images. Pixels [count * 784], row-major, 0 = background.
struct ImageClass {
  std::vector<std::uint8_t> train, test;
  std::size_t train_count() const { return train.size() / kImagePixels; }
  std::size_t test_count() const { return test.size() / kImagePixels; }
};
// Throws ConfigError("idx: ...") for a file that is not two such arrays.
ImageClass parse_image_class(std::string_view bytes);

// The inputs of one 28 x 28 image for an input side of 28 (pixel / 255) or 14 (the mean of each
// 2 x 2 block / 255): side * side values written to out[p * stride], row-major.
void image_inputs(const std::uint8_t* pixels, int side, float* out, std::size_t stride);

}  // namespace nnplay
