// Clothing images: the idx reader against hand-made files, the subset rule, image sessions
// (balanced sets, gradients through 784 inputs) and the real asset learned to a stated accuracy.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cmath>
#include <string>
#include <vector>

#include "idx.hpp"
#include "images.hpp"
#include "session.hpp"

using namespace nnplay;

namespace {

// An idx file of unsigned bytes: magic 0 0 8 <rank>, big-endian dims, then the bytes.
std::string idx_file(const std::vector<std::uint32_t>& dims, const std::vector<std::uint8_t>& data,
                     std::uint32_t magic_type = 0x08) {
  std::string out;
  auto word = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out += char((v >> s) & 0xff);
  };
  word(magic_type << 8 | std::uint32_t(dims.size()));
  for (std::uint32_t d : dims) word(d);
  out.append(data.begin(), data.end());
  return out;
}

// A class file of n_train + n_test images whose pixels follow (image * 7 + pixel * seed) % 256.
std::string class_file(std::size_t n_train, std::size_t n_test, int seed) {
  auto images = [&](std::size_t n, int offset) {
    std::vector<std::uint8_t> px(n * kImagePixels);
    for (std::size_t i = 0; i < px.size(); ++i) px[i] = std::uint8_t((i / kImagePixels + offset) * 7 + (i % kImagePixels) * seed);
    return idx_file({std::uint32_t(n), 28, 28}, px);
  };
  return images(n_train, 0) + images(n_test, 1000);
}

std::string read_gzip(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  std::string out;
  if (!f) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, std::size_t(n));
  gzclose(f);
  return out;
}

}  // namespace

TEST_CASE("the idx reader reads hand-made 1-D and 3-D files, and arrays that follow each other") {
  const IdxArray labels = parse_idx(idx_file({3}, {7, 0, 9}));
  CHECK(labels.dims == std::vector<std::uint32_t>{3});
  CHECK(labels.data == std::vector<std::uint8_t>{7, 0, 9});
  std::vector<std::uint8_t> px(2 * 2 * 3);
  for (std::size_t i = 0; i < px.size(); ++i) px[i] = std::uint8_t(i * 20);
  const std::string two = idx_file({2, 2, 3}, px) + idx_file({1}, {42});
  std::size_t used = 0;
  const IdxArray images = parse_idx(two, &used);
  CHECK(images.dims == std::vector<std::uint32_t>{2, 2, 3});
  CHECK(images.data == px);
  CHECK(used == 4 + 3 * 4 + 12);
  CHECK(parse_idx(std::string_view(two).substr(used)).data == std::vector<std::uint8_t>{42});
}

TEST_CASE("the idx reader refuses truncated and wrong-magic files with a message") {
  const std::string good = idx_file({2, 2}, {1, 2, 3, 4});
  CHECK_THROWS_WITH(parse_idx(""), Catch::Contains("idx: truncated"));
  CHECK_THROWS_WITH(parse_idx(good.substr(0, 3)), Catch::Contains("idx: truncated"));
  CHECK_THROWS_WITH(parse_idx(good.substr(0, 9)), Catch::Contains("truncated inside the header"));
  CHECK_THROWS_WITH(parse_idx(good.substr(0, good.size() - 1)), Catch::Contains("announces more data than the 3 bytes"));
  CHECK_THROWS_WITH(parse_idx(idx_file({4}, {1, 2, 3, 4}, 0x0d)), Catch::Contains("wrong magic"));  // floats
  CHECK_THROWS_WITH(parse_idx(std::string("\x1f\x8b\x08\x00", 4) + good), Catch::Contains("wrong magic"));  // still gzipped
  CHECK_THROWS_WITH(parse_idx(idx_file({}, {})), Catch::Contains("wrong magic"));
  CHECK_THROWS_WITH(parse_idx(idx_file({1, 1, 1, 1, 1}, {1})), Catch::Contains("wrong magic"));
  // Four huge dimensions announce more than any file holds without overflowing the count.
  CHECK_THROWS_WITH(parse_idx(idx_file({0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}, {1, 2})),
                    Catch::Contains("announces more data"));
  CHECK_THROWS_WITH(parse_image_class(idx_file({1, 27, 28}, std::vector<std::uint8_t>(27 * 28))), Catch::Contains("28 x 28"));
  const std::string file = class_file(2, 1, 3);
  CHECK_NOTHROW(parse_image_class(file));
  CHECK_THROWS_WITH(parse_image_class(file.substr(0, file.size() - 1)), Catch::Contains("idx: truncated"));
}

TEST_CASE("the subset takes each class's first images in file order, balanced, the same every time") {
  const std::vector<std::uint8_t> labels = {2, 0, 1, 0, 2, 2, 1, 0, 1, 2, 0};
  const auto pick = first_of_each_class(labels, 3, 2);
  REQUIRE(pick.size() == 3);
  CHECK(pick[0] == std::vector<std::uint32_t>{1, 3});
  CHECK(pick[1] == std::vector<std::uint32_t>{2, 6});
  CHECK(pick[2] == std::vector<std::uint32_t>{0, 4});
  CHECK(first_of_each_class(labels, 3, 2) == pick);
  for (const auto& k : first_of_each_class(labels, 3, 3)) CHECK(k.size() == 3);
  CHECK_THROWS_WITH(first_of_each_class(labels, 3, 5), Catch::Contains("class 0 has 4 images"));
  CHECK_THROWS_WITH(first_of_each_class({0, 3}, 3, 1), Catch::Contains("labels: 3"));
}

TEST_CASE("an image session needs its classes, builds balanced interleaved sets and has no map or points") {
  Session s;
  CHECK(s.missing_image_classes("dataset=fashion&imageClasses=coat,bag") == std::vector<std::string>{"coat", "bag"});
  CHECK(s.missing_image_classes("dataset=circle").empty());
  CHECK_THROWS_WITH(s.configure("dataset=fashion&imageClasses=coat,bag"), Catch::Contains("coat are not loaded"));
  CHECK(s.config().dataset == DatasetKind::kCircle);  // unchanged
  s.add_image_class("coat", class_file(6, 3, 3));
  s.add_image_class("bag", class_file(5, 4, 5));
  CHECK_THROWS_WITH(s.add_image_class("hat", class_file(1, 1, 1)), Catch::Contains("not a class"));
  s.configure("dataset=fashion&imageClasses=coat,bag&networkShape=4&imageSize=28");
  CHECK(s.image_data());
  CHECK(s.unit_counts() == std::vector<std::int32_t>{784, 4, 2});
  CHECK(s.image_count(false) == 10);  // 5 of each: the smaller class sets the count
  CHECK(s.image_count(true) == 6);
  for (int i = 0; i < 10; ++i) CHECK(s.image_label(false, i) == i % 2);
  // Training image 2 * j + c is class c's j-th: coat's second image, bag's first.
  const std::string coat = class_file(6, 3, 3), bag = class_file(5, 4, 5);
  CHECK(s.image_pixels(false, 2)[100] == std::uint8_t(coat[16 + kImagePixels + 100]));
  CHECK(s.image_pixels(true, 1)[5] == std::uint8_t(bag[16 + 5 * kImagePixels + 16 + 5]));
  CHECK_THROWS_WITH(s.image_pixels(true, 6), Catch::Contains("image index"));
  CHECK(s.points().empty());
  CHECK_THROWS_WITH(s.evaluate_grid(10), Catch::Contains("no map"));
  CHECK_THROWS_WITH(s.add_point(0, 0, 1, false), Catch::Contains("not edited by points"));
  CHECK(s.loss() == Loss::kSoftmaxCrossEntropy);
  s.configure("dataset=fashion&imageClasses=coat,bag&networkShape=4&numSamples=50&imageSize=14");
  CHECK(s.unit_counts()[0] == 196);
  CHECK(s.image_count(false) == 10);  // numSamples is capped by the images there are
  s.configure("dataset=fashion&imageClasses=coat,bag&networkShape=128");
  CHECK_THROWS_WITH(s.configure("dataset=circle&networkShape=128"), Catch::Contains("wider than 64"));
}

TEST_CASE("gradients through 784 pixel inputs match central differences (softmax cross-entropy)") {
  Session s;
  for (const char* key : {"tshirt", "trouser", "sneaker"}) s.add_image_class(key, class_file(4, 2, int(key[1])));
  s.configure("dataset=fashion&imageSize=28&networkShape=3&activation=tanh&seed=g&init=glorot");
  const std::string pixels = std::string(reinterpret_cast<const char*>(s.image_pixels(true, 1)), kImagePixels);
  const auto trace = s.trace_image(pixels, 2);
  const std::vector<float> grads = trace.gradients, params = s.params();
  int checked = 0;
  // Every 37th parameter: first-layer weights over many pixels, the output layer, the biases.
  for (std::size_t i = 0; i < params.size(); i += 37) {
    const float h = 1e-2f;
    s.set_param(int(i), params[i] + h);
    const double up = s.trace_image(pixels, 2).loss;
    s.set_param(int(i), params[i] - h);
    const double down = s.trace_image(pixels, 2).loss;
    s.set_param(int(i), params[i]);
    const double fd = (up - down) / (2.0 * h);
    INFO("parameter " << i << ": " << grads[i] << " vs " << fd);
    CHECK(std::fabs(grads[i] - fd) <= 0.02 * std::fabs(fd) + 2e-4);
    ++checked;
  }
  CHECK(checked > 60);
}

TEST_CASE("the three default classes of the real asset reach 96 % test accuracy in 2 epochs of 784-32-3") {
  // The asset build:dist writes (scripts/fashion-asset.mjs); npm test builds it before this runs.
  Session s;
  for (const char* key : {"tshirt", "trouser", "sneaker"}) {
    const std::string file = read_gzip(std::string(NNPLAY_SOURCE_DIR "/build/fashion/") + key + ".idx.gz");
    INFO("missing build/fashion/" << key << ".idx.gz: run npm run build:dist");
    REQUIRE(!file.empty());
    s.add_image_class(key, file);
  }
  s.configure("dataset=fashion&imageSize=28&networkShape=32&learningRate=0.1&batchSize=32&seed=1");
  CHECK(s.image_count(false) == 3 * std::size_t(kImageTrainPerClass));
  CHECK(s.image_count(true) == 3 * std::size_t(kImageTestPerClass));
  const double before = s.metrics().test_accuracy;
  s.train_epochs(2);
  INFO("test accuracy " << before << " -> " << s.metrics().test_accuracy);
  CHECK(before < 0.6);
  CHECK(s.metrics().test_accuracy >= 0.96);
}

TEST_CASE("image batches read from the images' bytes train exactly as from the input matrix, and resume exactly") {
  const std::string config = "dataset=fashion&imageClasses=tshirt,coat,bag&imageSize=28&networkShape=5&batchSize=7"
                             "&shuffle=true&seed=r&optimizer=adam&regularization=L1&regularizationRate=0.001";
  auto loaded = [&](Session& s) {
    for (const char* key : {"tshirt", "coat", "bag"}) s.add_image_class(key, class_file(9, 2, int(key[0])));
  };
  Session a, b;
  loaded(a);
  a.configure(config);
  loaded(b);
  b.configure(config);
  // A class given anew after the data were built sends b's batches through train_x_'s columns.
  b.add_image_class("coat", class_file(9, 2, int('c')));
  a.train_epochs(3);
  a.step(2);  // mid-epoch, and shuffled: the batches gather images out of order
  b.train_epochs(3);
  b.step(2);
  CHECK(a.params() == b.params());
  CHECK(a.last_gradients() == b.last_gradients());
  CHECK(a.metrics().train_loss == b.metrics().train_loss);
  // Saved mid-epoch and loaded into a session that has the images: it continues exactly.
  Session c;
  loaded(c);
  c.load(a.save());
  a.train_epochs(2);
  c.train_epochs(2);
  CHECK(c.params() == a.params());
  CHECK(c.metrics().epoch == a.metrics().epoch);
}

TEST_CASE("an image network whose loss overflows stops, reports it and keeps the weights before that step") {
  Session s;
  for (const char* key : {"tshirt", "trouser"}) s.add_image_class(key, class_file(6, 2, int(key[1])));
  s.configure("dataset=fashion&imageClasses=tshirt,trouser&imageSize=28&networkShape=4&activation=linear&batchSize=3");
  s.step(2);
  std::vector<float> big = s.params();
  for (std::size_t i = 0; i < 4 * kImagePixels; i += 97) big[i] = 3e38f;  // first-layer weights
  s.set_params(big);
  const std::vector<float> before = s.params();
  s.step(1);
  CHECK(s.metrics().diverged);
  CHECK(s.params() == before);
  s.step(5);  // nothing more happens
  CHECK(s.params() == before);
}
