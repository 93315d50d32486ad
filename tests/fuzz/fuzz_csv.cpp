// Fuzz target: arbitrary bytes as an uploaded CSV file, through parse_csv and through a Session
// (import, a few steps, a small grid, export and import again). Besides crashes and sanitizer
// reports it checks what csv.hpp promises: only ConfigError is thrown; points land in the plot
// with finite coordinates; labels are -1/+1 for two classes, 0..K-1 for more, within [-1, 1]
// for regression; and the exported file reads back with the same number of points, as the same
// problem.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "csv.hpp"
#include "session.hpp"

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "contract broken: %s\n", what);
  std::abort();
}

void check_data(const nnplay::CsvData& data) {
  const bool regression = data.problem == nnplay::Problem::kRegression;
  check(regression || (data.classes >= 2 && data.class_names.size() == std::size_t(data.classes)),
        "a classification file has 2 or more named classes");
  for (const nnplay::Sample& s : data.samples) {
    check(std::isfinite(s.x) && std::isfinite(s.y) && std::fabs(s.x) <= 6 && std::fabs(s.y) <= 6,
          "every point lies in the plot [-6, 6]^2");
    if (regression)
      check(std::isfinite(s.label) && std::fabs(s.label) <= 1, "regression targets lie in [-1, 1]");
    else if (data.classes == 2)
      check(s.label == -1.0f || s.label == 1.0f, "two classes are labelled -1 and +1");
    else
      check(s.label >= 0 && s.label < data.classes && s.label == std::floor(s.label),
            "K classes are labelled 0 .. K-1");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  try {
    const nnplay::CsvData data = nnplay::parse_csv(text);
    check_data(data);
    for (float v : data.inputs) check(std::isfinite(v) && std::fabs(v) <= 6, "every input of a wide file lies in [-6, 6]");
    check(data.inputs.size() == data.samples.size() * data.input_names.size(), "a wide file has k inputs per row");
    const std::string formatted = data.input_names.empty()
        ? nnplay::format_csv(data.samples, data.problem)
        : nnplay::format_wide_csv(data.input_names, data.inputs, data.samples, data.problem);
    const nnplay::CsvData again = nnplay::parse_csv(formatted);
    check(again.samples.size() == data.samples.size(), "the formatted file reads back with every point");
    check(again.problem == data.problem, "the formatted file reads back as the same problem");
  } catch (const nnplay::ConfigError&) {
  }

  nnplay::Session session;
  try {
    session.import_csv(text);
  } catch (const nnplay::ConfigError&) {
    return 0;
  }
  session.step(3);
  session.evaluate_grid(8);
  (void)session.metrics();
  const std::string exported = session.export_csv();
  try {
    session.import_csv(exported);
  } catch (const nnplay::ConfigError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    check(false, "an exported file imports again");
  }
  return 0;
}
