// The settings table (settings.cpp) is what parse_config enforces: every key's bounds are
// accepted and the values just beyond them refused, every choice is accepted and nothing else,
// and the JSON the page is built from carries the same figures and Config's defaults.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "config.hpp"
#include "json.hpp"
#include "settings.hpp"
#include "text.hpp"

using namespace nnplay;

namespace {

bool accepted(const std::string& key, const std::string& value) {
  Config c;
  try {
    set_config_value(c, key, value);
    return true;
  } catch (const ConfigError&) {
    return false;
  }
}

std::string whole(double v) { return std::to_string(static_cast<long long>(v)); }

}  // namespace

TEST_CASE("every setting's bounds are accepted and the values just beyond them refused") {
  for (const SettingSpec& s : setting_specs()) {
    INFO(s.key);
    switch (s.kind) {
      case SettingKind::kInt:
        CHECK(accepted(s.key, whole(s.min)));
        CHECK(accepted(s.key, whole(s.max)));
        CHECK_FALSE(accepted(s.key, whole(s.max + 1)));
        CHECK(accepted(s.key, whole(s.min - 1)) == (s.zero_allowed && s.min - 1 == 0));
        if (s.zero_allowed) CHECK(accepted(s.key, "0"));
        if (s.zero_allowed && s.min > 1) CHECK_FALSE(accepted(s.key, "1"));
        break;
      case SettingKind::kFloat:
        CHECK(accepted(s.key, format_float(s.min)));
        CHECK(accepted(s.key, format_float(s.max)));
        CHECK_FALSE(accepted(s.key, format_float(s.max * 1.001 + 1e-6)));
        CHECK_FALSE(accepted(s.key, format_float(s.min - (s.min * 0.001 + 1e-6))));
        break;
      case SettingKind::kChoice:
      case SettingKind::kChoiceList:
        // A list of at least min entries (imageClasses): each choice with another, "all" alone.
        for (const char* c : s.choices) {
          const std::string other = c == std::string(s.choices[0]) ? s.choices[1] : s.choices[0];
          CHECK(accepted(s.key, s.min < 2 || c == std::string("all") ? std::string(c) : c + ("," + other)));
          if (s.min >= 2 && c != std::string("all")) CHECK_FALSE(accepted(s.key, c));
        }
        CHECK_FALSE(accepted(s.key, "nope"));
        CHECK_FALSE(accepted(s.key, std::string(s.choices[0]) + "x"));
        break;
      case SettingKind::kBool:
        CHECK(accepted(s.key, "true"));
        CHECK(accepted(s.key, "false"));
        CHECK_FALSE(accepted(s.key, "yes"));
        break;
      case SettingKind::kIntList: {
        std::string longest;
        for (int i = 0; i < s.max_items; ++i) longest += (i ? "," : "") + whole(s.max);
        CHECK(accepted(s.key, longest));
        CHECK_FALSE(accepted(s.key, longest + ",1"));
        CHECK_FALSE(accepted(s.key, whole(s.max + 1)));
        CHECK_FALSE(accepted(s.key, whole(s.min - 1)));
        break;
      }
      case SettingKind::kText:
        CHECK(accepted(s.key, std::string(std::size_t(s.max_items), 'a')));
        CHECK_FALSE(accepted(s.key, std::string(std::size_t(s.max_items) + 1, 'a')));
        break;
    }
  }
}

TEST_CASE("the table covers exactly the keys format_config writes") {
  const std::string text = format_config(Config{});
  std::size_t keys = 0;
  for (std::size_t start = 0; start < text.size(); ++keys) {
    const std::size_t eq = text.find('=', start);
    CHECK_NOTHROW(setting_spec(text.substr(start, eq - start)));
    const std::size_t amp = text.find('&', eq);
    start = amp == std::string::npos ? text.size() : amp + 1;
  }
  CHECK(keys == setting_specs().size());
}

TEST_CASE("the JSON table carries the ranges, choices and Config's defaults") {
  const JsonDocument file = parse_json(settings_json());
  const JsonValue doc = file.root();
  auto at = [](const JsonValue& object, const char* key) {
    JsonValue v = object;
    REQUIRE(object.find(key, v));
    return v;
  };
  const JsonValue settings = at(doc, "settings");
  CHECK(settings.size() == setting_specs().size());
  for (const SettingSpec& s : setting_specs()) {
    INFO(s.key);
    const JsonValue entry = at(settings, s.key);
    if (s.kind == SettingKind::kInt || s.kind == SettingKind::kFloat) {
      CHECK(at(entry, "min").number() == Approx(s.min));
      CHECK(at(entry, "max").number() == Approx(s.max));
    }
    CHECK((entry.has("choices") ? at(entry, "choices").size() : 0) == s.choices.size());
    CHECK(at(entry, "live").boolean() == is_live_key(s.key));
  }
  const JsonValue samples = at(settings, "numSamples");
  CHECK(at(samples, "min").number() == 50);
  CHECK(at(samples, "zeroAllowed").boolean());
  CHECK(at(samples, "default").number() == 0);
  CHECK(at(at(settings, "learningRate"), "default").number() == Approx(0.03));
  CHECK(at(at(settings, "networkShape"), "default").size() == 2);
  CHECK(at(at(settings, "dataset"), "default").string() == "circle");
  CHECK(at(at(settings, "batchSize"), "pageMax").number() == 30);
  CHECK(at(at(doc, "caps"), "plotExtent").number() == 6);
  CHECK(at(at(doc, "caps"), "minCsvPoints").number() == 4);
}
