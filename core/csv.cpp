#include "csv.hpp"

#include "csv_rows.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace nnplay {

namespace csv_rows {

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

void check_room(std::size_t rows, std::size_t line) {
  if (rows == std::size_t(kMaxSamples))
    fail(line, "more than " + std::to_string(kMaxSamples) + " points; allowed up to " + std::to_string(kMaxSamples));
}

std::size_t first_line_fields(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (!trim(line).empty()) return std::size_t(std::count(line.begin(), line.end(), ',')) + 1;
    start = end + 1;
  }
  return 0;
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 32) return false;
  for (unsigned char c : name)
    if (!(std::isalnum(c) || c == ' ' || c == '_' || c == '-' || c == '.')) return false;
  return true;
}

// A header's label column that says the labels are regression targets, whatever they look like.
bool names_targets(std::string_view column) {
  std::string lower;
  for (unsigned char c : column) lower += static_cast<char>(std::tolower(c));
  return lower == "target" || lower == "value";
}

CsvData labelled(const std::vector<Row>& rows, bool targets) {
  CsvData data;
  bool numeric = true, whole = !targets;
  std::vector<double> values;
  for (const Row& r : rows) {
    double v = 0;
    if (!to_number(r.label, v)) {
      if (targets) fail(r.line, "target " + shown(r.label) + " is not a number");
      numeric = false;
      if (!valid_name(r.label)) fail(r.line, "label " + shown(r.label) + " is neither a number nor a name (letters, digits, space, _ - .)");
    }
    values.push_back(v == 0.0 ? 0.0 : v);  // -0 and 0 are one class
    whole = whole && v == std::floor(v) && std::fabs(v) < 1e6;
  }
  std::vector<std::string> names;      // class names in class order
  std::map<std::string, int> class_of;
  if (!numeric) {
    for (const Row& r : rows)
      if (class_of.emplace(std::string(r.label), int(names.size())).second) names.emplace_back(r.label);
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
    for (std::size_t i = 0; i < rows.size(); ++i) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%g", values[i]);
      const int k = class_of.at(numeric ? std::string(buf) : std::string(rows[i].label));
      const float label = data.classes == 2 ? (k == 1 ? 1.0f : -1.0f) : float(k);
      data.samples.push_back({float(rows[i].x), float(rows[i].y), label});
    }
    return data;
  }
  data.problem = Problem::kRegression;
  data.classes = 0;
  double top = 1.0;
  for (double v : values) top = std::max(top, std::fabs(v));
  for (std::size_t i = 0; i < rows.size(); ++i)
    data.samples.push_back({float(rows[i].x), float(rows[i].y), float(values[i] / top)});
  return data;
}

}  // namespace csv_rows

namespace {

using namespace csv_rows;

// Splits into rows of three fields; the first line is a header when its x or y is not a number.
// label_column: the header's third field, or empty without a header.
std::vector<Row> read_rows(std::string_view text, std::string_view& label_column) {
  std::vector<Row> rows;
  bool first = true;
  for_each_record(text, [&](std::size_t line, const std::vector<std::string_view>& fields) {
    double x = 0, y = 0;
    const bool numeric = fields.size() >= 2 && to_number(fields[0], x) && to_number(fields[1], y);
    const bool header = first && !numeric;  // a header such as "x,y,label"
    first = false;
    if (header) {
      if (fields.size() != 3) fail(line, "the header has " + std::to_string(fields.size()) + " columns; expected 3 (x,y,label)");
      label_column = fields[2];
      return;
    }
    if (fields.size() != 3)
      fail(line, "expected 3 values (x,y,label), found " + std::to_string(fields.size()));
    if (!to_number(fields[0], x)) fail(line, "x " + shown(fields[0]) + " is not a number");
    if (!to_number(fields[1], y)) fail(line, "y " + shown(fields[1]) + " is not a number");
    if (fields[2].empty()) fail(line, "the label is empty");
    check_room(rows.size(), line);
    rows.push_back({x, y, fields[2], line});
  });
  return rows;
}

// Centres and scales positions into the plot, half a unit inside its edge, when any lies outside.
void fit_positions(std::vector<Row>& rows) {
  double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
  for (const Row& r : rows) {
    lo_x = std::min(lo_x, r.x), hi_x = std::max(hi_x, r.x);
    lo_y = std::min(lo_y, r.y), hi_y = std::max(hi_y, r.y);
  }
  const double extent = kPlotExtent, fitted = kPlotExtent - 0.5;
  if (lo_x >= -extent && hi_x <= extent && lo_y >= -extent && hi_y <= extent) return;
  // Halves first: (lo + hi) / 2 overflows for coordinates near the largest double.
  const double cx = lo_x / 2 + hi_x / 2, cy = lo_y / 2 + hi_y / 2;
  const double half = std::max({hi_x / 2 - lo_x / 2, hi_y / 2 - lo_y / 2, 1e-300});
  for (Row& r : rows) {
    r.x = (r.x - cx) / half * fitted;
    r.y = (r.y - cy) / half * fitted;
  }
}

}  // namespace

CsvData parse_csv(std::string_view text) {
  if (text.size() > kMaxCsvBytes)
    throw ConfigError("the file is " + std::to_string(text.size()) + " bytes; allowed up to " +
                      std::to_string(kMaxCsvBytes));
  if (first_line_fields(text) > 3) return parse_wide_csv(text);
  std::string_view label_column;
  std::vector<Row> rows = read_rows(text, label_column);
  if (rows.size() < kMinCsvPoints)
    throw ConfigError("the file has " + std::to_string(rows.size()) + " points; at least " +
                      std::to_string(kMinCsvPoints) + " are needed");
  fit_positions(rows);
  const bool targets = names_targets(label_column);

  return labelled(rows, targets);
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

}  // namespace nnplay
