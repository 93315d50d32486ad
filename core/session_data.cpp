// Session's data editing: points added or removed by hand, CSV in and out.
#include <cmath>

#include "csv.hpp"
#include "points.hpp"
#include "session.hpp"

namespace nnplay {

void Session::add_point(float x, float y, float label, bool is_test) {
  if (images_in_use_) throw ConfigError("point: image data is not edited by points");
  if (wide_inputs() > 0) throw ConfigError("point: a point of the plane has 2 inputs; these data have " + std::to_string(wide_inputs()));
  check_point({x, y, label}, config_.classes());
  if (train_samples_.size() + test_samples_.size() >= std::size_t(kMaxSamples))
    throw ConfigError("point: the data already has " + std::to_string(kMaxSamples) + " points, the most allowed");
  auto train = train_samples_, test = test_samples_;
  (is_test ? test : train).push_back({x, y, label});
  custom_data_ = true;
  set_data(std::move(train), std::move(test));
}

void Session::remove_point(int index) {
  if (images_in_use_ || wide_inputs() > 0) throw ConfigError("point: only points of the plane are edited by hand");
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
  Config next = config_;
  next.problem = csv.problem;
  if (csv.problem == Problem::kClassification) next.num_classes = csv.classes;
  // A file of points replaces images with points: gauss is a point data set that has every count of classes.
  if (next.dataset == DatasetKind::kFashion) next.dataset = DatasetKind::kGauss;
  // The config must stay one that load() accepts: a file of 3 or more classes needs a data set
  // that makes them, or save() would write a config that cannot be read back.
  if (next.problem == Problem::kClassification && !supports_classes(next.dataset, next.num_classes))
    throw ConfigError("the file has " + std::to_string(next.num_classes) + " classes; " +
                      dataset_name(next.dataset) +
                      " has two; pick circle, gauss, spiral or checkerboard first");
  check_config(next);
  for (const Sample& s : csv.samples) check_point(s, next.classes());
  if (!csv.input_names.empty()) {
    import_wide(std::move(csv), next);
    return;
  }
  Rng split_rng(hash_seed(next.seed));
  auto split = shuffle_and_split(std::move(csv.samples), next.perc_train_data, split_rng);
  if (split.train.empty()) throw ConfigError("the file's points leave no training set at this ratio");
  config_ = next;
  custom_data_ = true;
  clear_wide();
  set_data(std::move(split.train), std::move(split.test));
  build_network();
}

std::string Session::export_csv() const {
  if (wide_inputs() > 0) return export_wide();
  std::vector<Sample> all(train_samples_);
  all.insert(all.end(), test_samples_.begin(), test_samples_.end());
  return format_csv(all, config_.problem);
}

}  // namespace nnplay
