#include "json.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "config.hpp"
#include "text.hpp"

namespace nnplay {

class JsonReader {
 public:
  JsonReader(std::string_view text, JsonDocument& doc) : text_(text), doc_(doc) {}

  void document() {
    // Every value takes at least two characters, separators included, except a lone one: this
    // many nodes never reallocate, so the buffer is never briefly held twice.
    doc_.nodes_.reserve(text_.size() / 2 + 1);
    value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the end");
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw ConfigError("JSON: " + what + " at character " + std::to_string(pos_ + 1));
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!take(c)) fail(std::string("expected '") + c + "'");
  }

  bool word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  std::uint32_t add(JsonNode::Kind kind) {
    doc_.nodes_.emplace_back();
    doc_.nodes_.back().kind = kind;
    return std::uint32_t(doc_.nodes_.size() - 1);
  }

  void close(std::uint32_t index, std::uint32_t count) {
    doc_.nodes_[index].count = count;
    doc_.nodes_[index].end = std::uint32_t(doc_.nodes_.size());
  }

  void string_node() {
    const std::uint32_t i = add(JsonNode::Kind::kString);
    const std::size_t offset = doc_.strings_.size();
    string_literal(doc_.strings_);
    doc_.nodes_[i].text = {std::uint32_t(offset), std::uint32_t(doc_.strings_.size() - offset)};
    doc_.nodes_[i].end = i + 1;
  }

  void value(int depth) {
    if (depth > kMaxJsonDepth) fail("nesting deeper than " + std::to_string(kMaxJsonDepth));
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end");
    const char c = text_[pos_];
    if (c == '{') {
      ++pos_;
      const std::uint32_t i = add(JsonNode::Kind::kObject);
      std::uint32_t count = 0;
      if (!take('}')) {
        do {
          skip_space();
          if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a member name");
          string_node();
          expect(':');
          value(depth + 1);
          ++count;
        } while (take(','));
        expect('}');
      }
      close(i, count);
    } else if (c == '[') {
      ++pos_;
      const std::uint32_t i = add(JsonNode::Kind::kArray);
      std::uint32_t count = 0;
      if (!take(']')) {
        do value(depth + 1), ++count;
        while (take(','));
        expect(']');
      }
      close(i, count);
    } else if (c == '"') {
      string_node();
    } else {
      JsonNode node;
      if (word("true")) node.kind = JsonNode::Kind::kBool, node.boolean = true;
      else if (word("false")) node.kind = JsonNode::Kind::kBool, node.boolean = false;
      else if (word("null")) node.kind = JsonNode::Kind::kNull;
      else node.kind = JsonNode::Kind::kNumber, node.number = number();
      node.end = std::uint32_t(doc_.nodes_.size() + 1);
      doc_.nodes_.push_back(node);
    }
  }

  // RFC 8259's number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; no "+1", "01" or ".5".
  double number() {
    const std::size_t start = pos_;
    auto digit = [&] { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; };
    auto digits = [&] {
      if (!digit()) fail(pos_ == start ? "unexpected character" : "a malformed number");
      while (digit()) ++pos_;
    };
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') ++pos_;
    else if (digit()) digits();
    else fail(pos_ == start ? "unexpected character" : "a malformed number");
    if (pos_ < text_.size() && text_[pos_] == '.') ++pos_, digits();
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      digits();
    }
    if (digit()) fail("a malformed number");  // "01"
    double v = 0.0;
    if (pos_ - start > 40) fail("a number longer than 40 characters");
    if (!parse_finite(text_.substr(start, pos_ - start), v)) fail("a malformed number");
    return v;
  }

  void string_literal(std::string& out) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) fail("an unterminated string");
      const char c = text_[pos_++];
      if (c == '"') return;
      if (static_cast<unsigned char>(c) < 0x20) fail("a control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) fail("an unterminated string");
      const char e = text_[pos_++];
      switch (e) {
        case '"': case '\\': case '/': out += e; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (pos_ + 4 > text_.size()) fail("a short \\u escape");
          unsigned code = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9') code |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f') code |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') code |= unsigned(h - 'A' + 10);
            else fail("a bad \\u escape");
          }
          // Our files hold ASCII names; other code points are kept as '?' rather than decoded.
          out += code < 0x80 ? static_cast<char>(code) : '?';
          break;
        }
        default: fail("a bad escape");
      }
    }
  }

  std::string_view text_;
  JsonDocument& doc_;
  std::size_t pos_ = 0;
};

const JsonNode& JsonValue::node() const { return doc_->nodes_[index_]; }

std::string_view JsonValue::string() const {
  if (kind() != Kind::kString) return {};
  return std::string_view(doc_->strings_).substr(node().text.offset, node().text.length);
}

std::vector<JsonValue> JsonValue::items() const {
  std::vector<JsonValue> out;
  if (kind() != Kind::kArray) return out;
  out.reserve(node().count);
  for (std::uint32_t i = index_ + 1; i < node().end; i = doc_->nodes_[i].end) out.emplace_back(*doc_, i);
  return out;
}

std::vector<std::pair<std::string_view, JsonValue>> JsonValue::members() const {
  std::vector<std::pair<std::string_view, JsonValue>> out;
  if (kind() != Kind::kObject) return out;
  for (std::uint32_t i = index_ + 1; i < node().end; i = doc_->nodes_[i + 1].end)
    out.emplace_back(JsonValue(*doc_, i).string(), JsonValue(*doc_, i + 1));
  return out;
}

bool JsonValue::find(std::string_view key, JsonValue& out) const {
  if (kind() != Kind::kObject) return false;
  for (std::uint32_t i = index_ + 1; i < node().end; i = doc_->nodes_[i + 1].end) {
    if (JsonValue(*doc_, i).string() == key) {
      out = JsonValue(*doc_, i + 1);
      return true;
    }
  }
  return false;
}

JsonDocument parse_json(std::string_view text) {
  if (text.size() > kMaxJsonBytes)
    throw ConfigError("JSON: the file is " + std::to_string(text.size()) + " bytes; allowed up to " +
                      std::to_string(kMaxJsonBytes));
  JsonDocument doc;
  JsonReader(text, doc).document();
  return doc;
}

std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

}  // namespace nnplay
