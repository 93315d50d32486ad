// The ten clothing classes' setting keys and display names (images.hpp), in every build: the
// settings text names classes even where the engine has no image code (the 2-D nncore.wasm).
#include <string_view>

#include "images.hpp"

namespace nnplay {

namespace {

constexpr const char* kKeys[kImageClassCount] = {"tshirt", "trouser", "pullover", "dress", "coat",
                                                 "sandal", "shirt",   "sneaker",  "bag",   "boot"};
constexpr const char* kNames[kImageClassCount] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                  "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

}  // namespace

const char* image_class_key(int k) { return kKeys[k]; }
const char* image_class_name(int k) { return kNames[k]; }

int find_image_class(std::string_view key) {
  for (int k = 0; k < kImageClassCount; ++k)
    if (key == kKeys[k]) return k;
  return -1;
}

}  // namespace nnplay
