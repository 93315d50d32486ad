#pragma once
// A small JSON reader for imported experiments: the whole grammar (RFC 8259), bounded depth and
// size, and errors that say where. Writing JSON is simple enough to do in place (session_io.cpp).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnplay {

constexpr std::size_t kMaxJsonBytes = 8 << 20;
constexpr int kMaxJsonDepth = 32;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0.0;
  std::string string;
  std::vector<JsonValue> items;                              // array
  std::vector<std::pair<std::string, JsonValue>> members;    // object, in file order

  // The member named `key` of an object, or null when absent (or not an object).
  const JsonValue* find(std::string_view key) const;
};

// Throws ConfigError("JSON: ... at character N") on malformed text.
JsonValue parse_json(std::string_view text);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace nnplay
