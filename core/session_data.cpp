// Session's data editing: points added or removed by hand, CSV in and out.
#include <cmath>

#include "csv.hpp"
#include "session.hpp"

namespace nnplay {

void Session::add_point(float x, float y, float label, bool is_test) {
  if (!std::isfinite(x) || !std::isfinite(y) || std::fabs(x) > 6.0f || std::fabs(y) > 6.0f)
    throw ConfigError("point: x and y must lie in -6 to 6");
  if (train_samples_.size() + test_samples_.size() >= std::size_t(kMaxSamples))
    throw ConfigError("point: the data already has " + std::to_string(kMaxSamples) + " points, the most allowed");
  const int classes = config_.classes();
  const bool valid = classes == 0   ? std::isfinite(label) && std::fabs(label) <= 1.0f
                     : classes == 2 ? label == -1.0f || label == 1.0f
                                    : label >= 0.0f && label < float(classes) && label == std::floor(label);
  if (!valid)
    throw ConfigError(classes == 0   ? "point: a regression value must lie in -1 to 1"
                      : classes == 2 ? "point: a two-class label is -1 or 1"
                                     : "point: the class must be 0 to " + std::to_string(classes - 1));
  auto train = train_samples_, test = test_samples_;
  (is_test ? test : train).push_back({x, y, label});
  custom_data_ = true;
  set_data(std::move(train), std::move(test));
}

void Session::remove_point(int index) {
  const std::size_t n_train = train_samples_.size(), total = n_train + test_samples_.size();
  if (index < 0 || std::size_t(index) >= total)
    throw ConfigError("point index: \"" + std::to_string(index) + "\" is out of range; allowed 0 to " +
                      std::to_string(total == 0 ? 0 : total - 1));
  if (std::size_t(index) < n_train && n_train == 1)
    throw ConfigError("point: the last training point cannot be removed");
  auto train = train_samples_, test = test_samples_;
  if (std::size_t(index) < n_train) train.erase(train.begin() + index);
  else test.erase(test.begin() + (index - std::ptrdiff_t(n_train)));
  custom_data_ = true;
  set_data(std::move(train), std::move(test));
}

void Session::import_csv(std::string_view text) {
  CsvData csv = parse_csv(text);
  Rng split_rng(hash_seed(config_.seed));
  auto split = shuffle_and_split(std::move(csv.samples), config_.perc_train_data, split_rng);
  if (split.train.empty()) throw ConfigError("the file's points leave no training set at this ratio");
  config_.problem = csv.problem;
  if (csv.problem == Problem::kClassification) config_.num_classes = csv.classes;
  custom_data_ = true;
  set_data(std::move(split.train), std::move(split.test));
  build_network();
}

std::string Session::export_csv() const {
  std::vector<Sample> all(train_samples_);
  all.insert(all.end(), test_samples_.begin(), test_samples_.end());
  return format_csv(all, config_.problem);
}

}  // namespace nnplay
