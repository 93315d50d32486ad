#include "csv.hpp"

#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace nnplay {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"'))
    s.remove_suffix(1);
  return s;
}

std::string shown(std::string_view value) { return quote_value(value, 24); }

[[noreturn]] void fail(std::size_t line, const std::string& what) {
  throw ConfigError("line " + std::to_string(line) + ": " + what);
}

bool to_number(std::string_view text, double& out) { return text.size() <= 32 && parse_finite(text, out); }

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == ' ' || c == '_' || c == '-' || c == '.')) return false;
  return true;
}

// Every data row's inputs [rows, inputs] and label, with the line each came from.
struct Rows {
  std::size_t inputs = 0;
  std::vector<double> values;
  std::vector<std::string_view> labels;
  std::vector<std::size_t> lines;
  std::vector<std::string_view> header;  // empty without a header line
};

// A header's last column that says the labels are regression targets, whatever they look like.
bool names_targets(std::string_view column) {
  std::string lower;
  for (unsigned char c : column) lower += static_cast<char>(std::tolower(c));
  return lower == "target" || lower == "value";
}

std::string wide_column(const Rows& rows, std::size_t line, std::size_t j) {
  const std::string name = rows.header.empty() || rows.header[j].empty() ? "x" + std::to_string(j + 1) : std::string(rows.header[j]);
  return "line " + std::to_string(line) + ", column " + std::to_string(j + 1) + " (" + shown(name) + ")";
}

std::string column_rule() { return " (inputs, then the label; up to " + std::to_string(kMaxCsvInputs) + " inputs)"; }

// The first line sets the columns: 3 to kMaxCsvInputs + 1, inputs first, the label last.
void check_columns(std::size_t line, std::size_t fields, bool header) {
  if (fields >= 3 && fields <= kMaxCsvInputs + 1) return;
  const std::string what = header ? "the header has " + std::to_string(fields) + " columns" : std::to_string(fields) + " values";
  if (fields < 3 && !header) fail(line, "expected 3 values (x,y,label), found " + std::to_string(fields));
  if (fields < 3) fail(line, what + "; expected at least 3" + column_rule());
  fail(line, what + "; allowed up to " + std::to_string(kMaxCsvInputs + 1) + column_rule());
}

// Splits into rows of equal width; the first line is a header when one of its inputs is not a number.
Rows read_rows(std::string_view text) {
  Rows rows;
  std::size_t line = 0, start = 0, first_line = 0;
  std::vector<std::string_view> fields;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (trim(raw).empty()) {
      if (end == text.size()) break;
      continue;
    }
    fields.clear();
    std::size_t from = 0;
    while (true) {
      const std::size_t comma = raw.find(',', from);
      fields.push_back(trim(raw.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from)));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    const std::size_t n = fields.size();
    if (first_line == 0) {
      first_line = line;
      double v = 0;
      bool numeric = n >= 2;
      for (std::size_t j = 0; j + 1 < n && numeric; ++j) numeric = to_number(fields[j], v);
      check_columns(line, n, !numeric);
      rows.inputs = n - 1;
      if (!numeric) {  // a header such as "x,y,label"
        rows.header = fields;
        for (std::size_t j = 0; j + 1 < n; ++j)
          if (fields[j].size() > kMaxCsvNameLength)
            throw ConfigError("line " + std::to_string(line) + ", column " + std::to_string(j + 1) + ": the name " +
                              shown(fields[j]) + " is longer than " + std::to_string(kMaxCsvNameLength) + " characters");
        if (end == text.size()) break;
        continue;
      }
    }
    const std::size_t k = rows.inputs;
    if (n != k + 1) {
      if (k == 2) fail(line, "expected 3 values (x,y,label), found " + std::to_string(n));
      fail(line, "expected " + std::to_string(k + 1) + " values (" + std::to_string(k) + " inputs, then the label, as line " +
                     std::to_string(first_line) + " has), found " + std::to_string(n));
    }
    for (std::size_t j = 0; j < k; ++j) {
      double v = 0;
      if (!to_number(fields[j], v)) {
        if (k == 2) fail(line, std::string(j == 0 ? "x " : "y ") + shown(fields[j]) + " is not a number");
        throw ConfigError(wide_column(rows, line, j) + ": " + shown(fields[j]) + " is not a number");
      }
      rows.values.push_back(v);
    }
    if (fields[k].empty()) fail(line, "the label is empty");
    if (rows.labels.size() == std::size_t(kMaxSamples))
      fail(line, "more than " + std::to_string(kMaxSamples) + " points; allowed up to " + std::to_string(kMaxSamples));
    rows.labels.push_back(fields[k]);
    rows.lines.push_back(line);
    if (end == text.size()) break;
  }
  return rows;
}

// Centres and scales columns into the plot, half a unit inside its edge, when a value lies
// outside: both columns of a two-column file by one factor (they are a plane's x and y), each
// column of a wide file by its own.
void fit_positions(Rows& rows) {
  const std::size_t k = rows.inputs, n = rows.labels.size();
  const bool together = k == 2;
  const double extent = kPlotExtent, fitted = kPlotExtent - 0.5;
  std::vector<double> lo(k, INFINITY), hi(k, -INFINITY);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < k; ++j) {
      const double v = rows.values[i * k + j];
      lo[j] = std::min(lo[j], v), hi[j] = std::max(hi[j], v);
    }
  const bool all_inside = std::all_of(lo.begin(), lo.end(), [&](double v) { return v >= -extent; }) &&
                          std::all_of(hi.begin(), hi.end(), [&](double v) { return v <= extent; });
  if (together && all_inside) return;
  // Halves first: (lo + hi) / 2 overflows for coordinates near the largest double.
  double shared = 1e-300;
  for (std::size_t j = 0; j < k; ++j) shared = std::max(shared, hi[j] / 2 - lo[j] / 2);
  for (std::size_t j = 0; j < k; ++j) {
    if (!together && lo[j] >= -extent && hi[j] <= extent) continue;
    const double centre = lo[j] / 2 + hi[j] / 2;
    const double half = together ? shared : std::max(hi[j] / 2 - lo[j] / 2, 1e-300);
    for (std::size_t i = 0; i < n; ++i) {
      double& v = rows.values[i * k + j];
      v = (v - centre) / half * fitted;
    }
  }
}

}  // namespace

CsvData parse_csv(std::string_view text) {
  if (text.size() > kMaxCsvBytes)
    throw ConfigError("the file is " + std::to_string(text.size()) + " bytes; allowed up to " +
                      std::to_string(kMaxCsvBytes));
  Rows rows = read_rows(text);
  const std::size_t count = rows.labels.size(), k = rows.inputs;
  if (count < kMinCsvPoints)
    throw ConfigError("the file has " + std::to_string(count) + " points; at least " +
                      std::to_string(kMinCsvPoints) + " are needed");
  fit_positions(rows);
  const bool targets = !rows.header.empty() && names_targets(rows.header.back());

  CsvData data;
  if (k > 2) {
    for (std::size_t j = 0; j < k; ++j)
      data.input_names.push_back(rows.header.empty() || rows.header[j].empty() ? "x" + std::to_string(j + 1)
                                                                               : std::string(rows.header[j]));
    data.inputs.assign(rows.values.begin(), rows.values.end());
  }
  auto sample = [&](std::size_t i, float label) {
    return Sample{float(rows.values[i * k]), float(rows.values[i * k + 1]), label};
  };
  bool numeric = true, whole = !targets;
  std::vector<double> values;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view label = rows.labels[i];
    double v = 0;
    if (!to_number(label, v)) {
      if (targets) fail(rows.lines[i], "target " + shown(label) + " is not a number");
      numeric = false;
      if (!valid_name(label)) fail(rows.lines[i], "label " + shown(label) + " is neither a number nor a name (letters, digits, space, _ - .)");
    }
    values.push_back(v == 0.0 ? 0.0 : v);  // -0 and 0 are one class
    whole = whole && v == std::floor(v) && std::fabs(v) < 1e6;
  }
  std::vector<std::string> names;      // class names in class order
  std::map<std::string, int> class_of;
  if (!numeric) {
    for (std::string_view label : rows.labels)
      if (class_of.emplace(std::string(label), int(names.size())).second) names.emplace_back(label);
  } else if (whole) {
    std::vector<double> distinct(values);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() <= std::size_t(kMaxClasses))
      for (double v : distinct) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        class_of.emplace(buf, int(names.size()));
        names.emplace_back(buf);
      }
  }
  if (!names.empty()) {
    if (names.size() < 2) throw ConfigError("every point has the label " + shown(names[0]) + "; at least 2 classes are needed");
    if (names.size() > std::size_t(kMaxClasses))
      throw ConfigError("the labels name " + std::to_string(names.size()) + " classes; allowed up to " + std::to_string(kMaxClasses));
    data.classes = int(names.size());
    data.class_names = names;
    for (std::size_t i = 0; i < count; ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", values[i]);
      const int c = class_of.at(numeric ? std::string(buf) : std::string(rows.labels[i]));
      data.samples.push_back(sample(i, data.classes == 2 ? (c == 1 ? 1.0f : -1.0f) : float(c)));
    }
    return data;
  }
  data.problem = Problem::kRegression;
  data.classes = 0;
  double top = 1.0;
  for (double v : values) top = std::max(top, std::fabs(v));
  for (std::size_t i = 0; i < count; ++i) data.samples.push_back(sample(i, float(values[i] / top)));
  return data;
}

std::string format_csv(const std::vector<Sample>& samples, Problem problem) {
  // A regression file says so in its header: its targets may all be whole numbers (or all 0),
  // which would otherwise read back as classes.
  std::string out = problem == Problem::kRegression ? "x,y,target\n" : "x,y,label\n";
  char line[96];
  for (const Sample& s : samples) {
    std::snprintf(line, sizeof line, "%.9g,%.9g,%.9g\n", s.x, s.y, s.label);
    out += line;
  }
  return out;
}

std::string format_wide_csv(const std::vector<std::string>& names, const std::vector<float>& inputs,
                            const std::vector<Sample>& samples, Problem problem) {
  std::string out;
  for (const std::string& name : names) out += name + ",";
  out += problem == Problem::kRegression ? "target\n" : "label\n";
  const std::size_t k = names.size();
  char value[32];
  for (std::size_t i = 0; i < samples.size(); ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      std::snprintf(value, sizeof value, "%.9g,", inputs[i * k + j]);
      out += value;
    }
    std::snprintf(value, sizeof value, "%.9g\n", samples[i].label);
    out += value;
  }
  return out;
}

}  // namespace nnplay
