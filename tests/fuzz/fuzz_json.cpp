// Fuzz target: arbitrary bytes as an imported experiment file, through parse_json and
// Session::load (then a few steps and a small grid). Besides crashes and sanitizer reports it
// checks: only ConfigError is thrown; a parsed document written back out parses to the same
// value; and a loaded experiment saves to text that loads again and saves identically.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "json.hpp"
#include "session.hpp"

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

// The value as JSON text; false when it holds a number JSON cannot spell.
bool write(const nnplay::JsonValue& v, std::string& out) {
  using Kind = nnplay::JsonValue::Kind;
  switch (v.kind()) {
    case Kind::kNull: out += "null"; return true;
    case Kind::kBool: out += v.boolean() ? "true" : "false"; return true;
    case Kind::kNumber: {
      if (!std::isfinite(v.number())) return false;
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v.number());
      out += buf;
      return true;
    }
    case Kind::kString: out += nnplay::json_quote(v.string()); return true;
    case Kind::kArray: {
      out += '[';
      const auto items = v.items();
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        if (!write(items[i], out)) return false;
      }
      out += ']';
      return true;
    }
    case Kind::kObject: {
      out += '{';
      const auto members = v.members();
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i) out += ',';
        out += nnplay::json_quote(members[i].first) + ':';
        if (!write(members[i].second, out)) return false;
      }
      out += '}';
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  try {
    const nnplay::JsonDocument doc = nnplay::parse_json(text);
    std::string once, twice;
    if (write(doc.root(), once)) {
      const nnplay::JsonDocument again = nnplay::parse_json(once);
      check(write(again.root(), twice) && once == twice, "written JSON reads back to the same value");
    }
  } catch (const nnplay::ConfigError&) {
  }

  nnplay::Session session;
  try {
    session.load(text);
  } catch (const nnplay::ConfigError&) {
    return 0;
  }
  const std::string saved = session.save();
  nnplay::Session copy;
  try {
    copy.load(saved);
  } catch (const nnplay::ConfigError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    check(false, "a saved experiment loads again");
  }
  check(copy.save() == saved, "a saved experiment loads and saves unchanged");
  session.step(3);
  session.evaluate_grid(8);
  (void)session.metrics();
  return 0;
}
