#include "text.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nnplay {

bool parse_finite(std::string_view text, double& out) {
  if (text.empty() || text.size() > 40 || text.find_first_not_of("0123456789+-.eE") != std::string_view::npos)
    return false;
  const std::string copy(text);
  char* end = nullptr;
  errno = 0;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && errno != ERANGE && std::isfinite(out);
}

std::string format_float(double v) {
  char buf[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (static_cast<float>(std::strtod(buf, nullptr)) == static_cast<float>(v)) break;
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
