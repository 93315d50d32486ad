// The 2-D engine's stand-ins for session_images.cpp: nncore.wasm (the points playground's first
// load) holds no image code, and its Session refuses image data with a message. The worker runs
// image sessions on nncore-images.wasm instead (web/engine/image-data.js).
#include "session.hpp"

namespace nnplay {

void Session::require_images(const Config& config) const {
  if (config.images()) throw ConfigError("dataset: fashion needs the image engine (nncore-images.wasm); this build has points only");
}

void Session::generate_images() { require_images(config_); }

bool Session::image_rows(const std::uint32_t*, std::size_t, float*) const { return false; }

}  // namespace nnplay
