#include <catch2/catch.hpp>

#include "config.hpp"
#include "json.hpp"

using namespace nnplay;

TEST_CASE("JSON values of every kind parse, with nesting and escapes") {
  const JsonValue v = parse_json(R"( {"a": [1, -2.5e3, true, false, null], "s": "x\"y\\n\u0041", "o": {}} )");
  REQUIRE(v.kind == JsonValue::Kind::kObject);
  const JsonValue* a = v.find("a");
  REQUIRE(a);
  REQUIRE(a->items.size() == 5);
  CHECK(a->items[1].number == -2500.0);
  CHECK(a->items[2].boolean);
  CHECK(a->items[4].kind == JsonValue::Kind::kNull);
  CHECK(v.find("s")->string == "x\"y\\nA");
  CHECK(v.find("missing") == nullptr);
  CHECK(parse_json(json_quote("a\"b\\c\n")).string == "a\"b\\c\n");
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
    CHECK(parse_json(g.text).number == g.value);
  }
}
