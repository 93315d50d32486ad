// The pixels of clothing images: the subset rule, an asset file's two idx arrays, and an
// image's network inputs. Only the builds that train on images hold this file (the native
// library, tools/fashion_asset and nncore-images.wasm; see CMakeLists.txt); the class keys every
// build parses are in image_classes.cpp.
#include "images.hpp"

#include <cstring>
#include <string>

#include "config.hpp"
#include "idx.hpp"

namespace nnplay {

namespace {

std::vector<std::uint8_t> images_of(const IdxArray& a) {
  if (a.dims.size() != 3 || a.dims[1] != kImageSide || a.dims[2] != kImageSide)
    throw ConfigError("idx: expected images of 28 x 28 pixels");
  return a.data;
}

}  // namespace

std::vector<std::vector<std::uint32_t>> first_of_each_class(const std::vector<std::uint8_t>& labels, int classes,
                                                            std::size_t per_class) {
  std::vector<std::vector<std::uint32_t>> out(static_cast<std::size_t>(classes));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= classes) throw ConfigError("labels: " + std::to_string(labels[i]) + " at " + std::to_string(i) + " is not a class");
    if (out[labels[i]].size() < per_class) out[labels[i]].push_back(std::uint32_t(i));
  }
  for (int k = 0; k < classes; ++k)
    if (out[std::size_t(k)].size() < per_class)
      throw ConfigError("labels: class " + std::to_string(k) + " has " + std::to_string(out[std::size_t(k)].size()) +
                        " images; the subset takes " + std::to_string(per_class));
  return out;
}

ImageClass parse_image_class(std::string_view bytes) {
  std::size_t used = 0;
  ImageClass c;
  c.train = images_of(parse_idx(bytes, &used));
  c.test = images_of(parse_idx(bytes.substr(used)));
  if (c.train.empty()) throw ConfigError("idx: the class has no training images");
  return c;
}

void image_inputs(const std::uint8_t* pixels, int side, float* out, std::size_t stride) {
  const int block = kImageSide / side;
  const float scale = 1.0f / (255.0f * float(block * block));
  if (block == 1 && stride == 1) {
    // A training batch's rows (Session::image_rows): the products below, four pixels to a
    // vector operation (this file is built for size, -Oz, which vectorises no loop by itself).
    typedef std::uint8_t bytes4 __attribute__((vector_size(4)));
    typedef float floats4 __attribute__((vector_size(16)));
    const floats4 scales = {scale, scale, scale, scale};
    for (std::size_t p = 0; p < kImagePixels; p += 4) {
      bytes4 b;
      std::memcpy(&b, pixels + p, sizeof b);
      const floats4 v = __builtin_convertvector(b, floats4) * scales;
      std::memcpy(out + p, &v, sizeof v);
    }
    return;
  }
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c) {
      int sum = 0;
      for (int i = 0; i < block; ++i)
        for (int j = 0; j < block; ++j) sum += pixels[(r * block + i) * kImageSide + c * block + j];
      out[std::size_t(r * side + c) * stride] = float(sum) * scale;
    }
}

}  // namespace nnplay
