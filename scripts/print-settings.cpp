// Prints the engine's settings table (core/settings.cpp) as JSON, for scripts/gen-limits.mjs and
// the Node tests. A native program rather than a wasm binding: only the build reads the table,
// so the page's nncore.wasm does not carry the code that writes it.
#include <cstdio>

#include "settings.hpp"

int main() {
  std::fputs(nnplay::settings_json().c_str(), stdout);
  return 0;
}
