#pragma once
// What the two CSV readers share (csv.cpp: x,y,label; csv_wide.cpp: x1,...,xk,label): field
// cleaning, the messages, and how the labels become a problem.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"

namespace nnplay::csv_rows {

// One data row: its first two inputs (after fitting into the plot), its label text and line.
struct Row {
  double x, y;
  std::string_view label;
  std::size_t line;
};

// Without the spaces, tabs, quotes and carriage return around a field.
std::string_view trim(std::string_view s);
// A value as a message quotes it.
std::string shown(std::string_view value);
[[noreturn]] void fail(std::size_t line, const std::string& what);
bool to_number(std::string_view text, double& out);
// Splits `text` into its lines that are not blank (numbered from 1) and each line into its
// fields at the commas, trimmed; calls each(line, fields) for every one, in order.
template <class Each>
void for_each_record(std::string_view text, Each&& each) {
  std::vector<std::string_view> fields;
  std::size_t line = 0, start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (trim(raw).empty()) continue;
    fields.clear();
    for (std::size_t from = 0;;) {
      const std::size_t comma = raw.find(',', from);
      fields.push_back(trim(raw.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from)));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    each(line, fields);
  }
}
// Fails on `line` when `rows` data rows are already read: kMaxSamples is the most a file holds.
void check_room(std::size_t rows, std::size_t line);
// Fields on the first line that is not blank (0 for none).
std::size_t first_line_fields(std::string_view text);
// Whether a header's label column says the labels are regression targets ("target", "value").
bool names_targets(std::string_view column);
// The problem, the classes and every row's sample (its x, y and label as the engine uses it),
// by the rules of parse_csv; `targets` when the header says regression.
CsvData labelled(const std::vector<Row>& rows, bool targets);

}  // namespace nnplay::csv_rows
