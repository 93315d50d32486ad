#pragma once
// Reads points from CSV text: one `x,y,label` line per point, a header line optional. Labels may
// be numbers or names. Every problem is reported with its line number.
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "dataset.hpp"

namespace nnplay {

constexpr std::size_t kMaxCsvBytes = 1 << 20;
constexpr std::size_t kMinCsvPoints = 4;  // fewer leave no meaningful train/test split

struct CsvData {
  std::vector<Sample> samples;            // positions scaled into the plot, labels as the engine uses them
  Problem problem = Problem::kClassification;
  int classes = 2;                        // classification only
  std::vector<std::string> class_names;   // class k's name as written in the file
};

// How labels become a problem: under a header whose third column is "target" or "value" (any
// case) they are regression targets and must be numbers; otherwise names, or 2 to 6 distinct
// whole numbers, are classes (two classes become -1 / +1, more become 0 .. K-1, in order of
// first appearance for names and ascending for numbers), and any other numbers are regression
// targets. Targets are scaled into [-1, 1] when they exceed it.
// Positions outside [-6, 6] are centred and scaled, keeping their aspect, into [-5.5, 5.5].
// Throws ConfigError with "line N: ..." for the first problem.
CsvData parse_csv(std::string_view text);

// x,y,label lines with a header, in the order given; "x,y,target" for regression, so that the
// file reads back as the same problem.
std::string format_csv(const std::vector<Sample>& samples, Problem problem = Problem::kClassification);

}  // namespace nnplay
