// The wide CSV reader: x1,...,xk,label files of 3 to kMaxCsvInputs inputs (parse_csv hands over
// any file whose first line has more than three fields). Linked where wide data are trained: the
// native library and nncore-images.wasm (the 2-D module has session_no_wide.cpp instead).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "csv.hpp"
#include "csv_rows.hpp"

namespace nnplay {

namespace {

using namespace csv_rows;

// Every data row's inputs [rows, inputs] and label, with the line each came from.
struct Rows {
  std::size_t inputs = 0;
  std::vector<double> values;
  std::vector<std::string_view> labels;
  std::vector<std::size_t> lines;
  std::vector<std::string_view> header;  // empty without a header line
};

std::string wide_column(const Rows& rows, std::size_t line, std::size_t j) {
  const std::string name = rows.header.empty() || rows.header[j].empty() ? "x" + std::to_string(j + 1) : std::string(rows.header[j]);
  return "line " + std::to_string(line) + ", column " + std::to_string(j + 1) + " (" + shown(name) + ")";
}

std::string column_rule() { return " (inputs, then the label; up to " + std::to_string(kMaxCsvInputs) + " inputs)"; }

// The first line sets the columns: at most kMaxCsvInputs + 1, inputs first, the label last
// (parse_csv reads files of three).
void check_columns(std::size_t line, std::size_t fields, bool header) {
  if (fields <= kMaxCsvInputs + 1) return;
  const std::string what = header ? "the header has " + std::to_string(fields) + " columns" : std::to_string(fields) + " values";
  fail(line, what + "; allowed up to " + std::to_string(kMaxCsvInputs + 1) + column_rule());
}

// Splits into rows of equal width; the first line is a header when one of its inputs is not a number.
Rows read_rows(std::string_view text) {
  Rows rows;
  std::size_t first_line = 0;
  for_each_record(text, [&](std::size_t line, const std::vector<std::string_view>& fields) {
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
        return;
      }
    }
    const std::size_t k = rows.inputs;
    if (n != k + 1) {
      fail(line, "expected " + std::to_string(k + 1) + " values (" + std::to_string(k) + " inputs, then the label, as line " +
                     std::to_string(first_line) + " has), found " + std::to_string(n));
    }
    for (std::size_t j = 0; j < k; ++j) {
      double v = 0;
      if (!to_number(fields[j], v)) {
        throw ConfigError(wide_column(rows, line, j) + ": " + shown(fields[j]) + " is not a number");
      }
      rows.values.push_back(v);
    }
    if (fields[k].empty()) fail(line, "the label is empty");
    check_room(rows.labels.size(), line);
    rows.labels.push_back(fields[k]);
    rows.lines.push_back(line);
  });
  return rows;
}

// Centres and scales each column into the plot, half a unit inside its edge, when one of its
// values lies outside: the columns of a table measure different things, so each by its own factor.
void fit_columns(Rows& rows) {
  const std::size_t k = rows.inputs, n = rows.labels.size();
  const double extent = kPlotExtent, fitted = kPlotExtent - 0.5;
  for (std::size_t j = 0; j < k; ++j) {
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) lo = std::min(lo, rows.values[i * k + j]), hi = std::max(hi, rows.values[i * k + j]);
    if (lo >= -extent && hi <= extent) continue;
    // Halves first: (lo + hi) / 2 overflows for values near the largest double.
    const double centre = lo / 2 + hi / 2, half = std::max(hi / 2 - lo / 2, 1e-300);
    for (std::size_t i = 0; i < n; ++i) rows.values[i * k + j] = (rows.values[i * k + j] - centre) / half * fitted;
  }
}
}  // namespace

CsvData parse_wide_csv(std::string_view text) {
  Rows rows = read_rows(text);
  const std::size_t count = rows.labels.size(), k = rows.inputs;
  if (count < kMinCsvPoints)
    throw ConfigError("the file has " + std::to_string(count) + " points; at least " + std::to_string(kMinCsvPoints) +
                      " are needed");
  fit_columns(rows);
  std::vector<Row> labels;
  for (std::size_t i = 0; i < count; ++i) labels.push_back({rows.values[i * k], rows.values[i * k + 1], rows.labels[i], rows.lines[i]});
  CsvData data = labelled(labels, !rows.header.empty() && names_targets(rows.header.back()));
  for (std::size_t j = 0; j < k; ++j)
    data.input_names.push_back(rows.header.empty() || rows.header[j].empty() ? "x" + std::to_string(j + 1)
                                                                             : std::string(rows.header[j]));
  data.inputs.assign(rows.values.begin(), rows.values.end());
  return data;
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
