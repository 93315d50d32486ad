#pragma once
// A small JSON reader for imported experiments: the whole grammar (RFC 8259), bounded depth and
// size, and errors that say where. Writing JSON is simple enough to do in place (session_io.cpp).
//
// The document is one flat array of 16-byte nodes in document order (a value, then its
// children), with the decoded strings in one buffer: a node per value instead of a tree of
// 96-byte objects, so the largest accepted file stays a few tens of MB in wasm memory.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnplay {

// The largest experiment save() writes (an 8x64 network with six classes, Adam's two moment
// arrays and 2000 edited points) is 1.7 MB (measured); 4 MB leaves room for other writers.
constexpr std::size_t kMaxJsonBytes = 4 << 20;
constexpr int kMaxJsonDepth = 32;

class JsonDocument;

struct JsonNode {
  enum class Kind : std::uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  std::uint32_t end = 0;  // index one past this value's last descendant
  union {
    double number;
    bool boolean;
    std::uint32_t count;  // array items, object members
    struct {
      std::uint32_t offset, length;
    } text;               // a string's bytes in JsonDocument's string buffer
  };
  JsonNode() : number(0.0) {}
};

// A value inside a JsonDocument (which must outlive it).
class JsonValue {
 public:
  using Kind = JsonNode::Kind;
  JsonValue(const JsonDocument& doc, std::uint32_t index) : doc_(&doc), index_(index) {}

  Kind kind() const { return node().kind; }
  bool boolean() const { return node().boolean; }
  double number() const { return node().number; }
  std::string_view string() const;
  // Items of an array, members of an object.
  std::size_t size() const { return kind() == Kind::kArray || kind() == Kind::kObject ? node().count : 0; }
  // An array's items in order (empty for any other kind).
  std::vector<JsonValue> items() const;
  // An object's members (name, value) in file order (empty for any other kind).
  std::vector<std::pair<std::string_view, JsonValue>> members() const;
  // The member named `key` of an object; false when absent (or not an object).
  bool find(std::string_view key, JsonValue& out) const;
  bool has(std::string_view key) const {
    JsonValue unused = *this;
    return find(key, unused);
  }

 private:
  const JsonNode& node() const;
  const JsonDocument* doc_;
  std::uint32_t index_;
};

class JsonDocument {
 public:
  JsonValue root() const { return JsonValue(*this, 0); }
  std::size_t node_count() const { return nodes_.size(); }

 private:
  friend class JsonValue;
  friend class JsonReader;
  std::vector<JsonNode> nodes_;
  std::string strings_;
};

// Throws ConfigError("JSON: ... at character N") on malformed text.
JsonDocument parse_json(std::string_view text);

// `text` as a JSON string literal, quotes included.
std::string json_quote(std::string_view text);

}  // namespace nnplay
