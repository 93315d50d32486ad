#include <catch2/catch.hpp>

#include "config.hpp"
#include "json.hpp"

using namespace nnplay;

TEST_CASE("JSON values of every kind parse, with nesting and escapes") {
  const JsonDocument doc = parse_json(R"( {"a": [1, -2.5e3, true, false, null], "s": "x\"y\\n\u0041", "o": {}} )");
  const JsonValue v = doc.root();
  REQUIRE(v.kind() == JsonValue::Kind::kObject);
  REQUIRE(v.size() == 3);
  JsonValue a = v;
  REQUIRE(v.find("a", a));
  const auto items = a.items();
  REQUIRE(items.size() == 5);
  CHECK(items[0].number() == 1.0);
  CHECK(items[1].number() == -2500.0);
  CHECK(items[2].boolean());
  CHECK_FALSE(items[3].boolean());
  CHECK(items[3].kind() == JsonValue::Kind::kBool);
  CHECK(items[4].kind() == JsonValue::Kind::kNull);
  JsonValue s = v, o = v;
  REQUIRE(v.find("s", s));
  CHECK(s.string() == "x\"y\\nA");
  REQUIRE(v.find("o", o));
  CHECK(o.kind() == JsonValue::Kind::kObject);
  CHECK(o.size() == 0);
  CHECK_FALSE(v.has("missing"));
  const auto members = v.members();
  REQUIRE(members.size() == 3);
  CHECK(members[1].first == "s");
  CHECK(members[2].first == "o");
  CHECK(parse_json(json_quote("a\"b\\c\n")).root().string() == "a\"b\\c\n");
}

TEST_CASE("malformed JSON says what and where") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "JSON: unexpected end at character 1"},
      {"{", "JSON: expected a member name at character 2"},
      {"[1,]", "JSON: unexpected character at character 4"},
      {"{\"a\" 1}", "JSON: expected ':' at character 6"},
      {"\"abc", "JSON: an unterminated string at character 5"},
      {"[1] x", "JSON: unexpected text after the end at character 5"},
      {"1e999", "JSON: a malformed number at character 6"},
      {"\"\\q\"", "JSON: a bad escape at character 4"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK_THROWS_WITH(parse_json(c.text), c.message);
  }
  CHECK_THROWS_WITH(parse_json(std::string(40, '[') + std::string(40, ']')),
                    Catch::Contains("nesting deeper than 32"));
}

TEST_CASE("numbers follow RFC 8259: no plus sign, leading zero or bare fraction") {
  for (const char* bad : {"+1", "01", ".5", "-", "1.", "1e", "1e+", "-01", "00", "1.e5", "[+1]", "[.5]", "0x10", "--1"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_json(bad), ConfigError);
  }
  struct Good {
    const char* text;
    double value;
  };
  for (const Good& g : {Good{"0", 0.0}, Good{"-0", 0.0}, Good{"10", 10.0}, Good{"0.5", 0.5}, Good{"-1.25e+2", -125.0},
                        Good{"1E-2", 0.01}, Good{"0e0", 0.0}, Good{"-0.0", 0.0}}) {
    INFO(g.text);
    CHECK(parse_json(g.text).root().number() == g.value);
  }
}
