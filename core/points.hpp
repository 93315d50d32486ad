#pragma once
// The one check every data point passes, whatever it came from: a click (Session::add_point), a
// CSV file (Session::import_csv) or an experiment file (Session::load).
#include <string>

#include "dataset.hpp"

namespace nnplay {

// Throws ConfigError("point: ...") unless x and y are finite and inside [-kPlotExtent,
// kPlotExtent] and the label follows the problem's convention: -1 or +1 for two classes, a whole
// 0 .. classes - 1 for more, a finite value in [-kMaxTarget, kMaxTarget] for regression (classes == 0).
void check_point(const Sample& point, int classes);

}  // namespace nnplay
