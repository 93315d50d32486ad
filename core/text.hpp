#pragma once
// Text helpers the parsers share: one number reader and one way to quote a bad value in a message.
#include <cstddef>
#include <string>
#include <string_view>

namespace nnplay {

// A finite decimal number of at most 40 characters filling the whole of `text` (strtod's
// grammar without hex, "nan", "inf" or spaces); false for anything else, including overflow.
bool parse_finite(std::string_view text, double& out);

// The shortest "%g" text that reads back to the same float.
std::string format_float(double v);

// `value` in double quotes as a message shows it: at most `shown` characters (then "..."),
// control characters as '?'.
std::string quote_value(std::string_view value, std::size_t shown = 40);

}  // namespace nnplay
