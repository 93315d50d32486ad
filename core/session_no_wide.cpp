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
void Session::import_wide(CsvData&&, const Config&) { needs_images(); }
// Without a wide reader the data are never wide: nothing to clear, and the inputs of points of
// the plane are their features.
void Session::clear_wide() {}
void Session::wide_matrix(const std::vector<float>&, Matrix&) const { needs_images(); }
void Session::input_rows(const Matrix& points, Matrix& out) const { feature_rows(config_.features, points, out); }
void Session::set_wide_data(std::vector<std::string>, std::vector<float>, std::vector<float>, std::vector<Sample>,
                            std::vector<Sample>) {
  needs_images();
}
std::string Session::export_wide() const { needs_images(); }
std::string Session::save_wide() const { needs_images(); }
void Session::load_wide(const JsonValue&) { needs_images(); }

}  // namespace nnplay
