#include "text.hpp"

#include <cfloat>
#include <cmath>
#include <cstdio>

namespace nnplay {

bool parse_finite(std::string_view text, double& out) {
  if (text.empty() || text.size() > 40 || text.find_first_not_of("0123456789+-.eE") != std::string_view::npos)
    return false;
  const std::string copy(text);
  out = read_decimal(copy);
  // What strtod calls ERANGE on underflow, the same in every build: digits that are not all zero
  // giving a number smaller than the least normal double (a subnormal or 0).
  const bool nonzero = copy.substr(0, copy.find_first_of("eE")).find_first_of("123456789") != std::string::npos;
  return std::isfinite(out) && !(nonzero && std::fabs(out) < DBL_MIN);
}

std::string format_float(double v) {
  char buf[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (static_cast<float>(read_decimal(buf)) == static_cast<float>(v)) break;
  }
  return buf;
}

std::string quote_value(std::string_view value, std::size_t shown) {
  std::string out = "\"";
  const std::size_t n = value.size() > shown ? shown : value.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (value.size() > n) out += "...";
  return out + "\"";
}

}  // namespace nnplay
