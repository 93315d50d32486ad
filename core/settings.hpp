#pragma once
// The settings table: every engine key's kind, range and choices, in one place. parse_config
// (config_parse.cpp) validates against it, and the page's schema (web/state.js) is built from it
// through settings_json(), written into web/gen/limits.js at build time.
#include <cstddef>
#include <string>
#include <string_view>

namespace nnplay {

enum class SettingKind { kInt, kFloat, kChoice, kBool, kIntList, kChoiceList, kText };

// A read-only view of a static array: the table and its choices are constant data in the
// module, not vectors built at start-up (which cost the wasm module their construction code).
template <typename T>
struct ConstList {
  const T* items = nullptr;
  std::size_t count = 0;
  constexpr const T* begin() const { return items; }
  constexpr const T* end() const { return items + count; }
  constexpr std::size_t size() const { return count; }
  constexpr bool empty() const { return count == 0; }
  constexpr const T& operator[](std::size_t i) const { return items[i]; }
};

struct SettingSpec {
  const char* key = "";
  SettingKind kind = SettingKind::kBool;
  double min = 0, max = 0;            // int and float; each entry of an int list
  bool zero_allowed = false;          // int: 0 is accepted besides min..max (numSamples)
  int page_max = 0;                   // the page's narrower maximum, 0 when it takes max
  int point_max = 0;                  // int list: each entry's maximum for point data (images take max)
  ConstList<const char*> choices;     // choice and choice list
  int max_items = 0;                  // list entries; text length
};

// In format_config's key order, feature keys last.
ConstList<SettingSpec> setting_specs();
// The spec of an engine key; throws ConfigError for an unknown key.
const SettingSpec& setting_spec(std::string_view key);
// Whether `value` is one of spec.choices (exact spelling).
bool is_choice(const SettingSpec& spec, std::string_view value);
// spec.choices joined with ", ".
std::string choice_list(const SettingSpec& spec);

// The whole table as JSON for the page (also pointMax, minItems): {"settings": {key: {kind, min, max, zeroAllowed,
// pageMax, choices, maxItems, default, live}}, "caps": {plotExtent, maxSamples, ...}}.
std::string settings_json();

}  // namespace nnplay
