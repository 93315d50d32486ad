// Session's clothing images: the classes the worker hands over, the balanced sets built from
// them, one image's pixels and trace.
#include <algorithm>

#include "session.hpp"

namespace nnplay {

void Session::add_image_class(std::string_view key, std::string_view bytes) {
  const int k = find_image_class(key);
  if (k < 0) throw ConfigError("image class: \"" + std::string(key.substr(0, 20)) + "\" is not a class");
  ImageClass parsed = parse_image_class(bytes);
  if (!images_) images_ = std::make_shared<std::array<ImageClass, kImageClassCount>>();
  (*images_)[std::size_t(k)] = std::move(parsed);
  // The data already built keep the images they were built from; batches take them from train_x_.
  images_unchanged_ = false;
}

std::vector<std::string> Session::missing_image_classes(std::string_view text) const {
  const Config c = parse_config(text);
  std::vector<std::string> out;
  if (c.images())
    for (int k : c.image_classes)
      if (image_class(k).train.empty()) out.push_back(image_class_key(k));
  return out;
}

void Session::require_images(const Config& config) const {
  if (!config.images()) return;
  for (int k : config.image_classes)
    if (image_class(k).train.empty())
      throw ConfigError(std::string("imageClasses: the images of ") + image_class_key(k) + " are not loaded");
}

const ImageClass& Session::image_class(int k) const {
  static const ImageClass kNone;
  return images_ ? (*images_)[std::size_t(k)] : kNone;
}

// Each chosen class's first images, interleaved (sample i is of class i % k), so that even a
// fixed order (shuffle=false) sees every class in every stretch. The split is Fashion-MNIST's
// own: training images from its training set, test images from its test set; numSamples (0:
// all) is the training images over all classes.
void Session::generate_images() {
  const std::vector<int>& chosen = config_.image_classes;
  const std::size_t k = chosen.size();
  std::size_t per_train = SIZE_MAX, per_test = SIZE_MAX;
  for (int c : chosen) {
    per_train = std::min(per_train, image_class(c).train_count());
    per_test = std::min(per_test, image_class(c).test_count());
  }
  if (config_.num_samples > 0) per_train = std::min(per_train, std::max<std::size_t>(1, std::size_t(config_.num_samples) / k));
  const int side = config_.image_size;
  auto fill = [&](bool test, std::size_t per, Matrix& x, Vector& labels) {
    const std::size_t n = per * k;
    x = Matrix::from_shape({std::size_t(side * side), n});
    labels = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) {
      const ImageClass& c = image_class(chosen[i % k]);
      image_inputs((test ? c.test : c.train).data() + (i / k) * kImagePixels, side, x.data() + i, n);
      labels(i) = float(i % k);
    }
  };
  train_samples_.clear();
  test_samples_.clear();
  points_.clear();
  custom_data_ = false;
  images_in_use_ = true;
  images_unchanged_ = true;
  fill(false, per_train, train_x_, train_labels_);
  fill(true, per_test, test_x_, test_labels_);
  build_matrices();
}

bool Session::image_rows(const std::uint32_t* indices, std::size_t count, float* rows) const {
  if (!images_in_use_ || !images_unchanged_) return false;
  const std::size_t k = config_.image_classes.size(), inputs = train_x_.shape(0);
  // Sample i as generate_images lays the set out: image i / k of class i % k, the same inputs.
  for (std::size_t s = 0; s < count; ++s) {
    const ImageClass& c = image_class(config_.image_classes[indices[s] % k]);
    image_inputs(c.train.data() + (indices[s] / k) * kImagePixels, config_.image_size, rows + s * inputs, 1);
  }
  return true;
}

const std::uint8_t* Session::image_pixels(bool test, int index) const {
  const std::size_t n = image_count(test), k = config_.image_classes.size();
  if (!images_in_use_ || index < 0 || std::size_t(index) >= n)
    throw ConfigError("image index: \"" + std::to_string(index) + "\" is out of range; allowed 0 to " +
                      std::to_string(n == 0 ? 0 : n - 1));
  const ImageClass& c = image_class(config_.image_classes[std::size_t(index) % k]);
  return (test ? c.test : c.train).data() + (std::size_t(index) / k) * kImagePixels;
}

int Session::image_label(bool test, int index) const {
  image_pixels(test, index);
  return index % int(config_.image_classes.size());
}

const Session::PointTrace& Session::trace_image(std::string_view pixels, int label) {
  if (!images_in_use_) throw ConfigError("image: the data are not images");
  if (pixels.size() != kImagePixels)
    throw ConfigError("image: " + std::to_string(pixels.size()) + " pixels; expected 784 (28 x 28)");
  if (label < 0 || label >= classes())
    throw ConfigError("image: the class must be 0 to " + std::to_string(classes() - 1));
  network_.prepare(trace_cache_, 1);
  image_inputs(reinterpret_cast<const std::uint8_t*>(pixels.data()), config_.image_size, trace_cache_.input().data(), 1);
  return finish_trace(float(label));
}

}  // namespace nnplay
