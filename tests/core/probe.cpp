// Prints the metrics after a number of training steps for a config, as JSON, so the Node tests
// can compare the native build with the wasm module. With an asset folder (dist/fashion/) it
// hands the session the clothing classes the config asks for, read from <key>.idx.gz. With
// NNPLAY_PROBE_CSV naming a file, the session imports it after the config (wide CSV data).
#include <cmath>
#include <cstdio>
#include <string>
#include <cstdlib>
#include <exception>

#include <zlib.h>

#include "session.hpp"

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: nncore_probe <config text> <steps> [clothing asset folder]\n");
    return 2;
  }
  try {
    nnplay::Session session;
    for (const std::string& key : argc == 4 ? session.missing_image_classes(argv[1]) : std::vector<std::string>{}) {
      gzFile f = gzopen((std::string(argv[3]) + "/" + key + ".idx.gz").c_str(), "rb");
      std::string bytes;
      char buf[1 << 16];
      for (int n; f && (n = gzread(f, buf, sizeof buf)) > 0;) bytes.append(buf, std::size_t(n));
      if (f) gzclose(f);
      session.add_image_class(key, bytes);
    }
    session.configure(argv[1]);
    if (const char* csv = std::getenv("NNPLAY_PROBE_CSV")) {
      std::string text;
      std::FILE* f = std::fopen(csv, "rb");
      char buf[1 << 16];
      for (std::size_t n; f && (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
      if (f) std::fclose(f);
      session.import_csv(text);
    }
    session.step(std::atoi(argv[2]));
    const nnplay::Metrics& m = session.metrics();
    double sum = 0.0;
    for (float p : session.params()) sum += p;
    // JSON has no NaN: regression's accuracy prints as null.
    const double accuracy = std::isnan(m.test_accuracy) ? -1.0 : m.test_accuracy;
    std::printf("{\"epoch\":%d,\"trainLoss\":%.9g,\"testLoss\":%.9g,\"testAccuracy\":%s,\"paramSum\":%.9g}\n",
                m.epoch, m.train_loss, m.test_loss,
                accuracy < 0 ? "null" : std::to_string(accuracy).c_str(), sum);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
