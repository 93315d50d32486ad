// Writes the page's clothing asset from Fashion-MNIST's idx files, with the engine's own idx
// reader and subset rule (core/idx.hpp, core/images.hpp): one gzipped file per class,
// <key>.idx.gz, holding two idx arrays [count, 28, 28] (the class's first kImageTrainPerClass
// training images, then its first kImageTestPerClass test images), pixels at kImageGreyLevels.
// Usage: fashion_asset <folder with the four .gz idx files> <output folder>
#include <zlib.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "idx.hpp"
#include "images.hpp"

namespace {

std::string read_gzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, std::size_t(n));
  gzclose(f);
  return out;
}

// The nearest of kImageGreyLevels levels spread over 0..255 (0 and 255 stay).
std::uint8_t grey_level(std::uint8_t v) {
  const int top = nnplay::kImageGreyLevels - 1;
  const int level = (v * top + 127) / 255;
  return std::uint8_t((level * 255 + top / 2) / top);
}

void put_idx(std::string& out, const nnplay::IdxArray& images, const std::vector<std::uint32_t>& which) {
  auto word = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out += char((v >> s) & 0xff);
  };
  word(0x00000803u);
  word(std::uint32_t(which.size()));
  word(nnplay::kImageSide);
  word(nnplay::kImageSide);
  for (std::uint32_t i : which)
    for (std::size_t p = 0; p < nnplay::kImagePixels; ++p) out += char(grey_level(images.data[i * nnplay::kImagePixels + p]));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fashion_asset <fashion-mnist folder> <output folder>\n");
    return 2;
  }
  try {
    const std::string in = argv[1], out = argv[2];
    const auto train = nnplay::parse_idx(read_gzip(in + "/train-images-idx3-ubyte.gz"));
    const auto train_labels = nnplay::parse_idx(read_gzip(in + "/train-labels-idx1-ubyte.gz"));
    const auto test = nnplay::parse_idx(read_gzip(in + "/t10k-images-idx3-ubyte.gz"));
    const auto test_labels = nnplay::parse_idx(read_gzip(in + "/t10k-labels-idx1-ubyte.gz"));
    const auto train_pick = nnplay::first_of_each_class(train_labels.data, nnplay::kImageClassCount, nnplay::kImageTrainPerClass);
    const auto test_pick = nnplay::first_of_each_class(test_labels.data, nnplay::kImageClassCount, nnplay::kImageTestPerClass);
    for (int k = 0; k < nnplay::kImageClassCount; ++k) {
      std::string file;
      put_idx(file, train, train_pick[std::size_t(k)]);
      put_idx(file, test, test_pick[std::size_t(k)]);
      nnplay::parse_image_class(file);  // what the page will read, read back once here
      const std::string path = out + "/" + nnplay::image_class_key(k) + ".idx.gz";
      gzFile f = gzopen(path.c_str(), "wb9");
      if (!f || gzwrite(f, file.data(), unsigned(file.size())) != int(file.size()) || gzclose(f) != Z_OK)
        throw std::runtime_error("cannot write " + path);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fashion_asset: %s\n", e.what());
    return 1;
  }
  return 0;
}
