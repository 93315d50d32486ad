#pragma once
// What the two CSV readers share (csv.cpp: x,y,label; csv_wide.cpp: x1,...,xk,label): field
// cleaning, the messages, and how the labels become a problem.
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
// Fields on the first line that is not blank (0 for none).
std::size_t first_line_fields(std::string_view text);
// Whether a header's label column says the labels are regression targets ("target", "value").
bool names_targets(std::string_view column);
// The problem, the classes and every row's sample (its x, y and label as the engine uses it),
// by the rules of parse_csv; `targets` when the header says regression.
CsvData labelled(const std::vector<Row>& rows, bool targets);

}  // namespace nnplay::csv_rows
