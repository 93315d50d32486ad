// Fuzz target: arbitrary bytes as URL-hash settings text, through the config parser in both of
// its modes and through a Session (configure, set, a few steps, a small grid). Besides crashes
// and sanitizer reports it checks the contracts config.hpp and session.hpp promise:
// - only ConfigError is ever thrown, and collecting mode never throws;
// - both modes agree on whether the text is valid, and on the result when it is;
// - format_config reads back to the same config;
// - a rejected configure or set leaves the session's config as it was.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "session.hpp"

namespace {

void check(bool ok, const char* what, std::string_view text) {
  if (ok) return;
  std::fprintf(stderr, "contract broken: %s\ninput: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

// Up to `limit` key=value pairs of the text, for Session::set.
std::vector<std::pair<std::string_view, std::string_view>> pairs(std::string_view text,
                                                                 std::size_t limit) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  while (!text.empty() && out.size() < limit) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos) out.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
  }
  return out;
}

// A few cheap operations on a configured session (every input must stay fast): steps, both
// grid passes, and the metrics, which evaluate every sample, only when asked.
void exercise(nnplay::Session& session, std::string_view text, bool with_metrics) {
  session.step(3);
  session.evaluate_grid(8);
  std::size_t units = 0;
  for (std::int32_t u : session.unit_counts()) units += static_cast<std::size_t>(u);
  check(session.grid().size() == units * 64, "grid holds every unit's 8x8 map", text);
  const float* out = session.evaluate_grid_output(4);
  float sum = 0.0f;
  for (int i = 0; i < 16; ++i) sum += out[i] * 0.0f;  // reads every value (ASan) without judging it
  (void)sum;
  if (with_metrics) (void)session.metrics();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  bool thrown = false;
  std::string strict;
  try {
    strict = nnplay::format_config(nnplay::parse_config(text));
  } catch (const nnplay::ConfigError&) {
    thrown = true;
  }

  std::vector<std::string> errors;
  const nnplay::Config collected = nnplay::parse_config(text, &errors);
  check(thrown == !errors.empty(), "throwing and collecting modes agree on validity", text);
  const std::string formatted = nnplay::format_config(collected);
  if (!thrown) check(strict == formatted, "both modes give the same config", text);

  std::vector<std::string> reread_errors;
  const std::string reread = nnplay::format_config(nnplay::parse_config(formatted, &reread_errors));
  check(reread_errors.empty() && reread == formatted, "format_config reads back unchanged", text);

  nnplay::Session session;
  const std::string initial = nnplay::format_config(session.config());
  try {
    session.configure(text);
    check(!thrown, "configure accepts only what parse_config accepts", text);
    exercise(session, text, true);
  } catch (const nnplay::ConfigError&) {
    check(thrown, "configure rejects only what parse_config rejects", text);
    check(nnplay::format_config(session.config()) == initial, "a rejected configure keeps the config",
          text);
  }

  for (const auto& [key, value] : pairs(text, 3)) {
    const std::string before = nnplay::format_config(session.config());
    try {
      session.set(key, value);
      exercise(session, text, false);
    } catch (const nnplay::ConfigError&) {
      check(nnplay::format_config(session.config()) == before, "a rejected set keeps the config", text);
    }
  }
  return 0;
}
