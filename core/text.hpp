#pragma once
// Text helpers the parsers share: one number reader and one way to quote a bad value in a message.
#include <cstddef>
#include <string>
#include <string_view>

namespace nnplay {

// A finite decimal number of at most 40 characters filling the whole of `text` (strtod's
// grammar without hex, "nan", "inf" or spaces); false for anything else, including overflow.
bool parse_finite(std::string_view text, double& out);

// The value of a decimal literal that fills the whole of `text`, or NaN. Defined once per build:
// natively by core/read_decimal.cpp (strtod), in wasm by wasm/read_decimal.cpp (JavaScript's
// Number(): musl's strtod reckons in software-emulated 128-bit long double, ~7 KB of nncore.wasm
// gzipped). Both round correctly, so every build reads the same value.
double read_decimal(const std::string& text);

// The shortest "%g" text that reads back to the same float.
std::string format_float(double v);

// `value` in double quotes as a message shows it: at most `shown` characters (then "..."),
// control characters as '?'.
std::string quote_value(std::string_view value, std::size_t shown = 40);

}  // namespace nnplay
