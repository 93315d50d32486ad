#include "points.hpp"

#include <cmath>

#include "config.hpp"

namespace nnplay {

void check_point(const Sample& p, int classes) {
  if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::fabs(p.x) > kPlotExtent || std::fabs(p.y) > kPlotExtent)
    throw ConfigError("point: x and y must lie in -" + std::to_string(int(kPlotExtent)) + " to " +
                      std::to_string(int(kPlotExtent)));
  const float label = p.label;
  const bool valid = classes == 0   ? std::isfinite(label) && std::fabs(label) <= kMaxTarget
                     : classes == 2 ? label == -1.0f || label == 1.0f
                                    : label >= 0.0f && label < float(classes) && label == std::floor(label);
  if (!valid)
    throw ConfigError(classes == 0   ? "point: a regression value must lie in -1.2 to 1.2"
                      : classes == 2 ? "point: a two-class label is -1 or 1"
                                     : "point: the class must be 0 to " + std::to_string(classes - 1));
}

}  // namespace nnplay
