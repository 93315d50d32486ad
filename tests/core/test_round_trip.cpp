// After any operation the session accepts, save -> load gives back the same session: the same
// file, the same metrics and the same loss after one more epoch. And every data point, whatever
// its source, passes the same check.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "session.hpp"

using namespace nnplay;

namespace {

// Three classes around the origin, as a person's file would hold them.
std::string three_class_csv() {
  std::string csv = "x,y,label\n";
  for (int i = 0; i < 30; ++i)
    csv += std::to_string(i % 5 - 2) + "," + std::to_string(i % 7 - 3) + "," +
           std::string(1, char('a' + i % 3)) + "\n";
  return csv;
}

void check_round_trip(Session& s) {
  const std::string file = s.save();
  Session copy;
  REQUIRE_NOTHROW(copy.load(file));
  CHECK(copy.save() == file);
  const Metrics a = s.metrics(), b = copy.metrics();
  CHECK(a.epoch == b.epoch);
  CHECK(a.train_loss == b.train_loss);
  CHECK(a.test_loss == b.test_loss);
  CHECK((a.train_accuracy == b.train_accuracy || (std::isnan(a.train_accuracy) && std::isnan(b.train_accuracy))));
  s.train_epochs(1);
  copy.train_epochs(1);
  CHECK(s.metrics().train_loss == copy.metrics().train_loss);
  CHECK(s.params() == copy.params());
}

}  // namespace

TEST_CASE("a multi-class CSV on a two-class-only data set is refused, and the session still saves and loads") {
  for (const char* dataset : {"xor", "moons", "sine", "cubic", "abs"}) {
    INFO(dataset);
    Session s;
    s.configure(std::string("seed=4&dataset=") + dataset);
    s.step(7);
    const std::string before = s.save();
    CHECK_THROWS_WITH(s.import_csv(three_class_csv()),
                      std::string("the file has 3 classes; ") + dataset +
                          " has two; pick circle, gauss, spiral or checkerboard first");
    CHECK(s.save() == before);
    check_round_trip(s);
  }
}

TEST_CASE("a multi-class CSV on a data set that makes classes imports and round-trips") {
  for (const char* dataset : {"circle", "gauss", "spiral", "checkerboard"}) {
    INFO(dataset);
    Session s;
    s.configure(std::string("seed=4&dataset=") + dataset);
    s.import_csv(three_class_csv());
    CHECK(s.classes() == 3);
    s.step(5);
    check_round_trip(s);
  }
}

TEST_CASE("set() cannot give a config that load() refuses") {
  Session s;
  s.configure("dataset=xor");
  CHECK_THROWS_WITH(s.set("numClasses", "3"),
                    "numClasses: xor has two classes; more need circle, gauss, spiral or checkerboard");
  CHECK_THROWS(s.set("activations", "relu,relu,relu"));
  CHECK(s.config().num_classes == 2);
  check_round_trip(s);
}

TEST_CASE("edits of every kind round-trip") {
  Session s;
  s.configure("seed=9&numClasses=4&dataset=gauss&networkShape=3&optimizer=adam");
  s.step(11);
  s.add_point(1.0f, -2.0f, 3.0f, false);
  s.add_point(0.5f, 0.5f, 0.0f, true);
  s.remove_point(2);
  s.step(3);
  check_round_trip(s);
  s.set("learningRate", "0.1");
  check_round_trip(s);
}

TEST_CASE("an experiment file's points pass the same check as clicked ones") {
  auto with_label = [](const char* config, int n_classes_label) {
    Session s;
    s.configure(config);
    s.add_point(1.0f, 1.0f, n_classes_label == 2 ? 1.0f : 0.0f, false);  // the file holds data
    std::string file = s.save();
    const std::size_t at = file.find("\"train\":[[") + 10;
    return std::pair<std::string, std::size_t>(file, at);
  };
  SECTION("label 0.5 in a two-class problem") {
    auto [file, at] = with_label("seed=2", 2);
    const std::size_t end = file.find(']', at);
    const std::string point = file.substr(at, end - at);
    const std::string bad = point.substr(0, point.rfind(',') + 1) + "0.5";
    file.replace(at, end - at, bad);
    Session s;
    CHECK_THROWS_WITH(s.load(file), "experiment file: \"train\" point 0: point: a two-class label is -1 or 1");
  }
  SECTION("label 4 in a three-class problem") {
    auto [file, at] = with_label("seed=2&numClasses=3", 3);
    const std::size_t end = file.find(']', at);
    const std::string point = file.substr(at, end - at);
    file.replace(at, end - at, point.substr(0, point.rfind(',') + 1) + "4");
    Session s;
    CHECK_THROWS_WITH(s.load(file), "experiment file: \"train\" point 0: point: the class must be 0 to 2");
  }
  SECTION("a regression value beyond 1") {
    auto [file, at] = with_label("seed=2&problem=regression", 2);
    const std::size_t end = file.find(']', at);
    const std::string point = file.substr(at, end - at);
    file.replace(at, end - at, point.substr(0, point.rfind(',') + 1) + "1.25");
    Session s;
    CHECK_THROWS_WITH(s.load(file), "experiment file: \"train\" point 0: point: a regression value must lie in -1.2 to 1.2");
  }
}

TEST_CASE("an edited regression data set round-trips, the plane's targets beyond 1 included") {
  for (const char* dataset : {"reg-plane", "reg-gauss"}) {
    INFO(dataset);
    Session s;
    s.configure(std::string("problem=regression&seed=6&regDataset=") + dataset);
    s.add_point(5.9f, 5.9f, 1.0f, false);
    s.remove_point(0);
    s.step(4);
    check_round_trip(s);
  }
}
