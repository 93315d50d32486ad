// The 2-D engine's stand-ins for csv_wide.cpp and session_wide.cpp: nncore.wasm (the points
// playground's first load) reads CSV files of two inputs only and refuses wider ones with
// kWideCsvNeedsImages; the worker then moves the session to nncore-images.wasm, which has them.
#include "csv.hpp"
#include "session.hpp"

namespace nnplay {

namespace {
[[noreturn]] void needs_images() { throw ConfigError(kWideCsvNeedsImages); }
}  // namespace

CsvData parse_wide_csv(std::string_view) { needs_images(); }
std::string format_wide_csv(const std::vector<std::string>&, const std::vector<float>&, const std::vector<Sample>&, Problem) {
  needs_images();
}
void Session::import_wide(CsvData&&, const Config&) { needs_images(); }
void Session::set_wide_data(std::vector<std::string>, std::vector<float>, std::vector<float>, std::vector<Sample>,
                            std::vector<Sample>) {
  needs_images();
}
std::string Session::save_wide() const { needs_images(); }
void Session::load_wide(const JsonValue&) { needs_images(); }

}  // namespace nnplay
