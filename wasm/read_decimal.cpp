// The wasm builds' decimal reader: JavaScript's Number() (why: core/text.hpp). Number() gives NaN
// unless the whole text is a decimal literal, as read_decimal promises; parse_finite has already
// refused anything but digits, signs, '.', 'e' and 'E'.
#include <emscripten/emscripten.h>

#include "text.hpp"

EM_JS(double, js_number, (const char* text, int length), { return Number(UTF8ToString(text, length)); });

namespace nnplay {

double read_decimal(const std::string& text) { return js_number(text.c_str(), int(text.size())); }

}  // namespace nnplay
