// Session's wide CSV data: tables of more than two input columns (x1, ..., xk, label). The
// network takes the k columns as its inputs (the plane's features x^2, sin x, ... are for two
// columns only), the map over the plane is a slice through two chosen inputs with the others at
// their mean over the training rows, and points() holds the data projected on those two.
// Linked in the native library and nncore-images.wasm; the 2-D module has session_no_wide.cpp.
#include <cmath>

#include "csv.hpp"
#include "json.hpp"
#include "points.hpp"
#include "session.hpp"

namespace nnplay {

namespace {

[[noreturn]] void bad(const std::string& what) { throw ConfigError("experiment file: " + what); }

// An experiment file's rows of k inputs and a label: the inputs into `rows`, the labels into samples.
std::vector<Sample> rows_of(const JsonValue& data, const char* key, std::size_t k, int classes, std::vector<float>& rows) {
  std::vector<Sample> out;
  JsonValue array = data;
  if (!data.find(key, array) || array.kind() != JsonValue::Kind::kArray) bad(std::string("\"") + key + "\" is missing or of the wrong type");
  if (array.size() > std::size_t(kMaxSamples)) bad("too many points");
  for (const JsonValue& item : array.items()) {
    const auto values = item.items();
    const std::string where = std::string("\"") + key + "\" row " + std::to_string(out.size());
    if (values.size() != k + 1) bad(where + " does not hold " + std::to_string(k) + " inputs and a label");
    for (std::size_t j = 0; j <= k; ++j) {
      const double v = values[j].kind() == JsonValue::Kind::kNumber ? values[j].number() : NAN;
      if (j < k && !(std::fabs(v) <= kPlotExtent)) bad(where + ": input " + std::to_string(j + 1) + " is not a number in the plot");
      if (j < k) rows.push_back(float(v));
    }
    const Sample s{rows[rows.size() - k], rows[rows.size() - k + 1], float(values[k].kind() == JsonValue::Kind::kNumber ? values[k].number() : NAN)};
    try {
      check_point(s, classes);
    } catch (const ConfigError& e) {
      bad(where + ": " + e.what());
    }
    out.push_back(s);
  }
  return out;
}

void put_rows(std::string& out, const std::vector<float>& rows, const std::vector<Sample>& samples, std::size_t k) {
  out += '[';
  char value[32];
  for (std::size_t i = 0; i < samples.size(); ++i) {
    out += i ? ",[" : "[";
    for (std::size_t j = 0; j < k; ++j) {
      std::snprintf(value, sizeof value, "%.9g,", rows[i * k + j]);
      out += value;
    }
    std::snprintf(value, sizeof value, "%.9g]", samples[i].label);
    out += value;
  }
  out += ']';
}

}  // namespace

void Session::clear_wide() {
  input_names_.clear();
  wide_train_.clear();
  wide_test_.clear();
  input_means_.clear();
  slice_ = {0, 1};
}

void Session::wide_matrix(const std::vector<float>& rows, Matrix& x) const {
  const std::size_t k = input_names_.size(), n = rows.size() / k;
  x = Matrix::from_shape({k, n});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) x(j, i) = rows[i * k + j];
}

void Session::input_rows(const Matrix& points, Matrix& out) const {
  if (input_names_.empty()) {
    feature_rows(config_.features, points, out);
    return;
  }
  const std::size_t k = input_names_.size(), n = points.shape(0);
  ensure_shape(out, k, n);
  for (std::size_t j = 0; j < k; ++j) {
    float* row = out.data() + j * n;
    for (std::size_t i = 0; i < n; ++i)
      row[i] = int(j) == slice_[0] ? points(i, 0) : int(j) == slice_[1] ? points(i, 1) : input_means_[j];
  }
}

void Session::import_wide(CsvData&& csv, const Config& next) {
  // The rows are split as a two-column file's points would be: samples tagged with their row
  // number go through the same shuffle, then carry their rows with them.
  const std::size_t k = csv.input_names.size();
  std::vector<Sample> tagged(csv.samples.size());
  for (std::size_t i = 0; i < tagged.size(); ++i) tagged[i] = {float(i), 0.0f, csv.samples[i].label};
  Rng split_rng(hash_seed(next.seed));
  const auto split = shuffle_and_split(std::move(tagged), next.perc_train_data, split_rng);
  if (split.train.empty()) throw ConfigError("the file's points leave no training set at this ratio");
  std::vector<float> rows[2];
  std::vector<Sample> sets[2];
  for (int t = 0; t < 2; ++t)
    for (const Sample& s : t ? split.test : split.train) {
      const std::size_t i = std::size_t(s.x);
      rows[t].insert(rows[t].end(), csv.inputs.begin() + std::ptrdiff_t(i * k), csv.inputs.begin() + std::ptrdiff_t((i + 1) * k));
      sets[t].push_back(csv.samples[i]);
    }
  config_ = next;
  custom_data_ = true;
  set_wide_data(std::move(csv.input_names), std::move(rows[0]), std::move(rows[1]), std::move(sets[0]), std::move(sets[1]));
  build_network();
}

void Session::set_wide_data(std::vector<std::string> names, std::vector<float> train_rows, std::vector<float> test_rows,
                            std::vector<Sample> train, std::vector<Sample> test) {
  input_names_ = std::move(names);
  wide_train_ = std::move(train_rows);
  wide_test_ = std::move(test_rows);
  const std::size_t k = input_names_.size(), n = train.size();
  std::vector<double> sums(k, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) sums[j] += wide_train_[i * k + j];
  input_means_.resize(k);
  for (std::size_t j = 0; j < k; ++j) input_means_[j] = float(sums[j] / double(n));
  slice_ = {0, 1};
  project_wide(train, wide_train_);
  project_wide(test, wide_test_);
  set_data(std::move(train), std::move(test));
}

void Session::project_wide(std::vector<Sample>& samples, const std::vector<float>& rows) const {
  const std::size_t k = input_names_.size();
  for (std::size_t i = 0; i < samples.size(); ++i) {
    samples[i].x = rows[i * k + std::size_t(slice_[0])];
    samples[i].y = rows[i * k + std::size_t(slice_[1])];
  }
}

void Session::set_slice(int across, int up) {
  const int k = int(input_names_.size());
  if (k == 0) throw ConfigError("slice: the data have two inputs; a slice is for wide CSV data");
  if (across < 0 || across >= k || up < 0 || up >= k || across == up)
    throw ConfigError("slice: the inputs must be two different ones of 1 to " + std::to_string(k));
  slice_ = {across, up};
  project_wide(train_samples_, wide_train_);
  project_wide(test_samples_, wide_test_);
  // points() shows the new projection; the samples' labels and the training are unchanged.
  auto rows = matrix_view(points_.data(), points_.size() / 4, 4);
  std::size_t i = 0;
  for (const auto* set : {&train_samples_, &test_samples_})
    for (const Sample& s : *set) rows(i, 0) = s.x, rows(i, 1) = s.y, ++i;
  grid_n_ = 0;
}

const Session::PointTrace& Session::trace_sample(int index) {
  if (images_in_use_) throw ConfigError("point: image data is followed by image (traceImage)");
  const std::size_t n_train = train_samples_.size(), total = n_train + test_samples_.size();
  if (index < 0 || std::size_t(index) >= total)
    throw ConfigError("point index: \"" + std::to_string(index) + "\" is out of range; allowed 0 to " +
                      std::to_string(total == 0 ? 0 : total - 1));
  const bool test = std::size_t(index) >= n_train;
  const std::size_t i = test ? std::size_t(index) - n_train : std::size_t(index);
  const Sample& s = (test ? test_samples_ : train_samples_)[i];
  network_.prepare(trace_cache_, 1);
  if (input_names_.empty()) {
    feature_rows(config_.features, Matrix{{s.x, s.y}}, trace_cache_.input());
  } else {
    const std::size_t k = input_names_.size();
    const float* row = (test ? wide_test_ : wide_train_).data() + i * k;
    for (std::size_t j = 0; j < k; ++j) trace_cache_.input()(j, 0) = row[j];
  }
  return finish_trace(s.label);
}

std::string Session::export_wide() const {
  std::vector<Sample> all(train_samples_);
  all.insert(all.end(), test_samples_.begin(), test_samples_.end());
  std::vector<float> rows(wide_train_);
  rows.insert(rows.end(), wide_test_.begin(), wide_test_.end());
  return format_wide_csv(input_names_, rows, all, config_.problem);
}

std::string Session::save_wide() const {
  std::string out = "{\"inputs\":[";
  for (std::size_t j = 0; j < input_names_.size(); ++j) out += (j ? "," : "") + json_quote(input_names_[j]);
  out += "],\"slice\":[" + std::to_string(slice_[0]) + "," + std::to_string(slice_[1]) + "],\"train\":";
  put_rows(out, wide_train_, train_samples_, input_names_.size());
  out += ",\"test\":";
  put_rows(out, wide_test_, test_samples_, input_names_.size());
  return out + "}";
}

void Session::load_wide(const JsonValue& data) {
  JsonValue inputs = data;
  data.find("inputs", inputs);
  if (inputs.kind() != JsonValue::Kind::kArray || inputs.size() < 3 || inputs.size() > kMaxCsvInputs)
    bad("\"inputs\" is not a list of 3 to " + std::to_string(kMaxCsvInputs) + " names");
  std::vector<std::string> names;
  for (const JsonValue& name : inputs.items()) {
    if (name.kind() != JsonValue::Kind::kString || name.string().empty() || name.string().size() > kMaxCsvNameLength)
      bad("\"inputs\" holds a name that is not text of 1 to " + std::to_string(kMaxCsvNameLength) + " characters");
    names.emplace_back(name.string());
  }
  std::vector<float> rows[2];
  auto train = rows_of(data, "train", names.size(), classes(), rows[0]);
  auto test = rows_of(data, "test", names.size(), classes(), rows[1]);
  if (train.empty()) bad("the data has no training points");
  std::array<int, 2> slice{0, 1};
  JsonValue axes = data;
  if (data.find("slice", axes)) {
    const auto items = axes.items();
    auto input = [&](std::size_t i) {
      const double v = i < items.size() && items[i].kind() == JsonValue::Kind::kNumber ? items[i].number() : NAN;
      if (items.size() != 2 || !(v >= 0 && v < double(names.size()))) bad("\"slice\" is not two input numbers");
      return int(v);
    };
    slice = {input(0), input(1)};
  }
  custom_data_ = true;
  set_wide_data(std::move(names), std::move(rows[0]), std::move(rows[1]), std::move(train), std::move(test));
  build_network();
  try {
    set_slice(slice[0], slice[1]);
  } catch (const ConfigError& e) {
    bad(std::string("\"slice\": ") + e.what());
  }
}

}  // namespace nnplay
