#include "text.hpp"

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>

// In wasm a decimal literal is read by JavaScript's Number(), not strtod: musl's strtod reckons
// in 128-bit long double, which wasm emulates in software (strtod and that emulation were ~12 KB
// of nncore.wasm). Both round correctly, so every value, and the digits format_float picks, are
// the same; Number() gives NaN unless the whole text is a decimal literal.
EM_JS(double, js_number, (const char* text, int length), { return Number(UTF8ToString(text, length)); });
#endif

namespace nnplay {

namespace {

#ifdef __EMSCRIPTEN__
double read_number(const std::string& text) { return js_number(text.c_str(), int(text.size())); }
#else
double read_number(const std::string& text) { return std::strtod(text.c_str(), nullptr); }
#endif

}  // namespace

bool parse_finite(std::string_view text, double& out) {
  if (text.empty() || text.size() > 40 || text.find_first_not_of("0123456789+-.eE") != std::string_view::npos)
    return false;
  const std::string copy(text);
#ifdef __EMSCRIPTEN__
  out = read_number(copy);
  // What strtod calls ERANGE on underflow: digits that are not all zero giving a number smaller
  // than the least normal double (a subnormal or 0).
  const bool nonzero = copy.substr(0, copy.find_first_of("eE")).find_first_of("123456789") != std::string::npos;
  return std::isfinite(out) && !(nonzero && std::fabs(out) < DBL_MIN);
#else
  char* end = nullptr;
  errno = 0;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && errno != ERANGE && std::isfinite(out);
#endif
}

std::string format_float(double v) {
  char buf[32];
  for (int precision = 6; precision <= 9; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (static_cast<float>(read_number(buf)) == static_cast<float>(v)) break;
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
