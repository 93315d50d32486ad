#pragma once
// Reads data from CSV text: one `x,y,label` line per point, or `x1,...,xk,label` for k inputs
// (k up to kMaxCsvInputs), a header line optional. Labels may be numbers or names. Every problem
// is reported with its line number (and, in a wide file, its column).
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "dataset.hpp"

namespace nnplay {

constexpr std::size_t kMaxCsvBytes = 1 << 20;
constexpr std::size_t kMinCsvPoints = 4;  // fewer leave no meaningful train/test split
// The most input columns a CSV file may have. Each input is a node of the diagram's first column
// with its own map, and every map is evaluated on the grid each frame: 16 fit the diagram's
// column at the page's smallest height (as the 8 hidden layers' columns do) and keep the grid's
// maps within kMaxGridValues at its full side; wider tables are pictures (images.hpp).
constexpr std::size_t kMaxCsvInputs = 16;
// A header's input names are shown on the diagram: at most this many characters each.
constexpr std::size_t kMaxCsvNameLength = 32;

struct CsvData {
  std::vector<Sample> samples;            // positions scaled into the plot, labels as the engine uses them
  Problem problem = Problem::kClassification;
  int classes = 2;                        // classification only
  std::vector<std::string> class_names;   // class k's name as written in the file
  // Files of more than two input columns ("wide"); a two-column file leaves these empty and its
  // samples hold its points. Wide: the header's input names (x1 .. xk without one), every row's
  // k inputs [samples, k] row-major after scaling, and samples[i].x, .y are row i's first two.
  std::vector<std::string> input_names;
  std::vector<float> inputs;
  std::size_t input_count() const { return input_names.empty() ? 2 : input_names.size(); }
};

// How labels become a problem: under a header whose last column is "target" or "value" (any
// case) they are regression targets and must be numbers; otherwise names, or 2 to 6 distinct
// whole numbers, are classes (two classes become -1 / +1, more become 0 .. K-1, in order of
// first appearance for names and ascending for numbers), and any other numbers are regression
// targets. Targets are scaled into [-1, 1] when they exceed it.
// Two columns: positions outside [-6, 6] are centred and scaled, keeping their aspect, into
// [-5.5, 5.5]. Wide: each column with a value outside [-6, 6] is centred and scaled into
// [-5.5, 5.5] on its own (the columns of a table measure different things).
// Throws ConfigError with "line N: ..." (wide: "line N, column C (name): ...") for the first problem.
CsvData parse_csv(std::string_view text);

// A file whose first line has more than three fields (csv_wide.cpp): the rules above, a line
// and column in every message. The 2-D wasm module has no wide reader: there it throws
// kWideCsvNeedsImages and the worker moves the session to nncore-images.wasm.
CsvData parse_wide_csv(std::string_view text);
inline constexpr const char* kWideCsvNeedsImages = "csv: wide data need the image engine (nncore-images.wasm)";

// x,y,label lines with a header, in the order given; "x,y,target" for regression, so that the
// file reads back as the same problem.
std::string format_csv(const std::vector<Sample>& samples, Problem problem = Problem::kClassification);
// A wide file: the names, then each row's inputs ([samples, names.size()]) and its sample's label.
std::string format_wide_csv(const std::vector<std::string>& names, const std::vector<float>& inputs,
                            const std::vector<Sample>& samples, Problem problem);

}  // namespace nnplay
